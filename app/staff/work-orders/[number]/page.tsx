import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { getWorkOrder, listColleagues, listHandOverTargets } from "@/lib/work-orders/queries";
import { CHANNEL_LABELS, RATING_VIA_LABELS, SATISFACTION_LABELS, TYPE_LABELS } from "@/lib/work-orders/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/work-orders/format";
import { DueBadge } from "@/components/work-orders/due-badge";
import { StatusBadge } from "@/components/work-orders/status-badge";
import { AttachmentList } from "@/components/work-orders/attachment-list";
import { TimelineSection } from "@/components/work-orders/timeline";
import { OrderActions, type OrgOption } from "./_components/order-actions";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `工单 ${(await params).number}` };
}

const HANDOVER = ["NEW", "IN_PROGRESS", "PAUSED", "REOPENED"];

/** One order for the staff who handle it: the facts, the timeline, and the steps its status allows. */
export default async function StaffWorkOrderPage({ params }: { params: Params }) {
  const { number } = await params;
  const returnTo = `/staff/work-orders/${number}`;
  const me = await loadPage(getMe, {}, returnTo);
  // A resident following a staff link lands on their own view of the order.
  if (me.role === "RESIDENT") redirect(`/resident/work-orders/${number}`);
  const o = await loadPage(getWorkOrder, { number }, returnTo);
  // A legal-aid application is handled on its case page (review, assignment), not with the generic steps.
  if (o.type === "LEGAL_AID") redirect(`/staff/legal-aid/${number}`);
  if (o.type === "MEDIATION") redirect(`/staff/mediation/${number}`);

  const targets = HANDOVER.includes(o.status) ? await loadPage(listHandOverTargets, { number }, returnTo) : null;
  // Assigning needs colleagues at the order's own service point (the actor's).
  const colleagues = me.organization?.id === o.organization.id ? await loadPage(listColleagues, {}, returnTo) : [];
  const mayReturn = !!targets && targets.children.length > 0;
  const returnOptions: OrgOption[] = targets?.children ?? [];
  const transferOptions: OrgOption[] = targets?.siblings ?? [];
  const openRectification = o.followUps.some((f) => f.kind === "RECTIFICATION" && !f.doneAt);
  const round = o.events.filter((e) => e.kind === "CLOSED").length;
  const latestRated = o.ratings.some((r) => r.round === round);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/work-orders" className="inline-flex min-h-11 items-center">← 返回工单收件箱</Link>
      </p>
      <PageHeader
        title={<>工单 {o.number}</>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={o.status} />
            <DueBadge state={o.dueState} />
            <span>{o.subject}</span>
          </span>
        }
      />

      <Card title="基本信息" as="section">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">事项类型</dt>
          <dd>{TYPE_LABELS[o.type]}{o.category ? `（${o.category}）` : ""}</dd>
          <dt className="text-slate-600">来源渠道</dt>
          <dd>{CHANNEL_LABELS[o.channel]}</dd>
          <dt className="text-slate-600">登记时间</dt>
          <dd><DateTime value={o.createdAt} /></dd>
          <dt className="text-slate-600">办理期限</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <DateTime value={o.dueAt} />
            <DueBadge state={o.dueState} />
            {o.status === "PAUSED" ? <span className="text-slate-700">（等待群众补充，已暂停计时）</span> : null}
          </dd>
          <dt className="text-slate-600">群众</dt>
          <dd>
            {o.requesterName}，<a href={`tel:${o.requesterPhone}`}>{o.requesterPhone}</a>
            {o.requesterUserId ? <span className="text-slate-600">（已注册账号）</span> : null}
          </dd>
          <dt className="text-slate-600">事项所在地区</dt>
          <dd>{o.region.name}</dd>
          <dt className="text-slate-600">当前办理网点</dt>
          <dd>{o.organization.name}</dd>
          <dt className="text-slate-600">承办人</dt>
          <dd>{o.handlerName ?? "尚未受理"}</dd>
          {o.closedAt ? (
            <>
              <dt className="text-slate-600">办结时间</dt>
              <dd>
                <DateTime value={o.closedAt} />
                {o.closedOnTime === false ? "（超期办结）" : o.closedOnTime ? "（按期办结）" : ""}
              </dd>
            </>
          ) : null}
          {o.ratings.length ? (
            <>
              <dt className="text-slate-600">群众评价</dt>
              <dd>
                <ul>
                  {o.ratings.map((r) => (
                    <li key={r.round}>
                      第 {r.round} 次办结：{SATISFACTION_LABELS[r.score]}（{RATING_VIA_LABELS[r.via]}）{r.comment ? `——${r.comment}` : ""}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      </Card>

      <Card title="事项描述" as="section">
        <p className="whitespace-pre-wrap">{o.description}</p>
        <AttachmentList number={o.number} attachments={o.attachments} />
        {o.resultSummary ? (
          <>
            <h3 className="mt-4 font-semibold">办理结果</h3>
            <p className="mt-1 whitespace-pre-wrap">{o.resultSummary}</p>
          </>
        ) : null}
      </Card>

      <section aria-labelledby="actions-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="actions-heading" className="text-lg font-semibold">办理</h2>
        <OrderActions
          number={o.number}
          status={o.status}
          canEscalate={o.organization.parentId !== null}
          canReturn={mayReturn}
          returnOptions={returnOptions}
          transferOptions={transferOptions}
          colleagues={colleagues}
          openRectification={openRectification}
          latestRated={latestRated}
        />
      </section>

      <TimelineSection events={o.events} audience="staff" />
    </div>
  );
}
