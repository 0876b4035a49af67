import type { WorkOrderEventKind } from "@/lib/generated/prisma/enums";
import { EVENT_LABELS } from "@/lib/work-orders/labels";
import { DateTime } from "@/components/work-orders/format";

export type TimelineEvent = {
  id: string;
  at: Date | string;
  kind: WorkOrderEventKind;
  actorName: string | null;
  reason: string | null;
  body: string | null;
  from: string | null;
  to: string | null;
};

/** Staff see who did each step; the requester sees the service points only, and their own steps as "您". */
export type TimelineAudience = "staff" | "requester";

function title(e: TimelineEvent, audience: TimelineAudience): string {
  if (e.kind === "REQUESTER_MESSAGE") return audience === "staff" ? "群众补充说明" : "您补充了说明";
  if (audience === "requester" && e.kind === "RATED") return "您的评价";
  if (audience === "requester" && e.kind === "REPLIED") return "工作人员答复";
  return EVENT_LABELS[e.kind];
}

function reasonLabel(kind: WorkOrderEventKind): string {
  switch (kind) {
    case "PAUSED":
      return "需要补充的内容";
    case "RATED":
      return "满意程度";
    case "FOLLOWED_UP":
      return "类型";
    case "TRANSFERRED":
    case "ESCALATED":
    case "RETURNED":
      return "理由";
    default:
      return "说明";
  }
}

function bodyLabel(kind: WorkOrderEventKind, fromRequester: boolean): string {
  if (fromRequester) return "补充内容";
  switch (kind) {
    case "REPLIED":
      return "答复内容";
    case "CLOSED":
      return "办理结果";
    case "RATED":
      return "评价意见";
    case "FOLLOWED_UP":
      return "结果";
    default:
      return "内容";
  }
}

function Movement({ e }: { e: TimelineEvent }) {
  if (e.from && e.to) {
    return (
      <p>
        {e.from}
        <span aria-hidden="true"> → </span>
        <span className="sr-only">转至</span>
        {e.to}
      </p>
    );
  }
  if (e.to) return <p>交由 {e.to} 办理</p>;
  return null;
}

/** 办理记录: the order's append-only timeline, oldest first, as an ordered list. */
export function Timeline({ events, audience }: { events: TimelineEvent[]; audience: TimelineAudience }) {
  if (events.length === 0) return <p className="text-slate-600">暂无办理记录。</p>;
  return (
    <ol className="space-y-4 border-l-2 border-slate-300 pl-5">
      {events.map((e) => {
        const fromRequester = e.kind === "REQUESTER_MESSAGE";
        const showReason = e.reason && !fromRequester;
        return (
          <li key={e.id} className="relative">
            <span aria-hidden="true" className="absolute top-2 -left-[1.72rem] size-3 rounded-full border-2 border-white bg-slate-500" />
            <p className="flex flex-wrap items-baseline gap-x-3">
              <strong className="text-slate-900">{title(e, audience)}</strong>
              <DateTime value={e.at} className="text-sm text-slate-600" />
            </p>
            <div className="mt-1 space-y-1 text-slate-800">
              {audience === "staff" && e.actorName ? <p className="text-slate-600">经办：{e.actorName}</p> : null}
              <Movement e={e} />
              {showReason ? (
                <p>
                  <span className="text-slate-600">{reasonLabel(e.kind)}：</span>
                  {e.reason}
                </p>
              ) : null}
              {e.body ? (
                <div>
                  <p className="text-slate-600">{bodyLabel(e.kind, fromRequester)}：</p>
                  <p className="whitespace-pre-wrap rounded-md bg-slate-50 px-3 py-2">{e.body}</p>
                </div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** 办理记录 as a page section: the case pages of staff, requesters and lawyers all end with it. */
export function TimelineSection({ events, audience }: { events: TimelineEvent[]; audience: TimelineAudience }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="timeline-heading" className="text-lg font-semibold">办理记录</h2>
      <div className="mt-4">
        <Timeline events={events} audience={audience} />
      </div>
    </section>
  );
}
