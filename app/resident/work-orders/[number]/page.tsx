import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { WorkOrderStatus } from "@/lib/generated/prisma/enums";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { getWorkOrder } from "@/lib/work-orders/queries";
import { CHANNEL_LABELS, TYPE_LABELS } from "@/lib/work-orders/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { HOTLINE } from "@/components/site/hotline";
import { DateTime } from "@/components/work-orders/format";
import { DueBadge } from "@/components/work-orders/due-badge";
import { StatusBadge } from "@/components/work-orders/status-badge";
import { AttachmentList } from "@/components/work-orders/attachment-list";
import { TimelineSection } from "@/components/work-orders/timeline";
import { MessageForm } from "./_components/message-form";
import { RatingForm } from "./_components/rating-form";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `我的申请 ${(await params).number}` };
}

const STAFF_ROLES = ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"];
const OPEN: WorkOrderStatus[] = ["NEW", "IN_PROGRESS", "PAUSED", "REOPENED"];

const EXPLAIN: Record<WorkOrderStatus, string> = {
  NEW: "已登记，等待服务网点受理。",
  IN_PROGRESS: "服务网点正在办理。",
  PAUSED: "工作人员需要您补充情况或材料，补充后继续办理。",
  CLOSED: "已办结。",
  REOPENED: "您对办理结果不满意，服务网点正在跟踪整改。",
};

/** A resident's own order: where it is, by when, what has happened, and what they can do now. */
export default async function ResidentWorkOrderPage({ params }: { params: Params }) {
  const { number } = await params;
  const returnTo = `/resident/work-orders/${number}`;
  const me = await loadPage(getMe, {}, returnTo);
  if (me.role !== "RESIDENT") redirect(STAFF_ROLES.includes(me.role) ? `/staff/work-orders/${number}` : "/forbidden");
  const o = await loadPage(getWorkOrder, { number }, returnTo);
  // A legal-aid application has its own case page (decision, lawyer, objection, documents).
  if (o.type === "LEGAL_AID") redirect(`/resident/legal-aid/${number}`);
  if (o.type === "MEDIATION") redirect(`/resident/mediation/${number}`);

  const round = o.events.filter((e) => e.kind === "CLOSED").length;
  const rating = o.ratings.find((r) => r.round === round) ?? null;
  const showRating = round > 0 && (o.status === "CLOSED" || rating !== null);
  const pauseReason = o.status === "PAUSED" ? [...o.events].reverse().find((e) => e.kind === "PAUSED")?.reason : null;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/resident" className="inline-flex min-h-11 items-center">← 返回我的服务</Link>
      </p>
      <PageHeader title={o.subject} description={<>编号 {o.number}</>} />

      <Card title="办理进度" as="section">
        <p className="flex flex-wrap items-center gap-2 text-lg">
          <StatusBadge status={o.status} />
          <span>{EXPLAIN[o.status]}</span>
        </p>
        <dl className="mt-4 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">办理网点</dt>
          <dd>{o.organization.name}</dd>
          {o.status === "CLOSED" && o.closedAt ? (
            <>
              <dt className="text-slate-600">办结时间</dt>
              <dd><DateTime value={o.closedAt} /></dd>
            </>
          ) : (
            <>
              <dt className="text-slate-600">办理期限</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <DateTime value={o.dueAt} />
                <DueBadge state={o.dueState} />
                {o.status === "PAUSED" ? <span className="text-slate-700">（等待您补充期间暂停计时）</span> : null}
              </dd>
            </>
          )}
          <dt className="text-slate-600">事项类型</dt>
          <dd>{TYPE_LABELS[o.type]}</dd>
          <dt className="text-slate-600">提交方式</dt>
          <dd>{CHANNEL_LABELS[o.channel]}</dd>
          <dt className="text-slate-600">提交时间</dt>
          <dd><DateTime value={o.createdAt} /></dd>
          <dt className="text-slate-600">所在地区</dt>
          <dd>{o.region.name}</dd>
        </dl>
        {o.resultSummary && o.status === "CLOSED" ? (
          <div className="mt-4">
            <h3 className="font-semibold">办理结果</h3>
            <p className="mt-1 whitespace-pre-wrap">{o.resultSummary}</p>
          </div>
        ) : null}
        <p className="mt-4 text-slate-700">
          有疑问可拨打法律服务热线 <a href={`tel:${HOTLINE}`} className="font-semibold">{HOTLINE}</a>，并告知工单编号。
        </p>
      </Card>

      {showRating ? (
        <Card title="评价本次服务" as="section" description={rating ? undefined : "您的评价帮助我们改进工作。"}>
          <RatingForm number={o.number} rated={rating?.score ?? null} />
        </Card>
      ) : null}

      {OPEN.includes(o.status) ? (
        <Card title="补充情况或材料说明" as="section">
          {pauseReason ? (
            <div className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
              <p className="font-semibold">工作人员需要您补充：</p>
              <p className="whitespace-pre-wrap">{pauseReason}</p>
            </div>
          ) : null}
          <MessageForm number={o.number} paused={o.status === "PAUSED"} />
        </Card>
      ) : null}

      <Card title="我反映的情况" as="section">
        <p className="whitespace-pre-wrap">{o.description}</p>
        <AttachmentList number={o.number} attachments={o.attachments} />
      </Card>

      <TimelineSection events={o.events} audience="requester" />
    </div>
  );
}
