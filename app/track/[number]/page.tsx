import { Fragment } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { DeadlineUnit, LegalAidStatus, MediationStatus, WorkOrderStatus } from "@/lib/generated/prisma/enums";
import { loadPage } from "@/lib/api/page";
import { GRANT_COOKIE, verifyGrant } from "@/lib/tracking/grant";
import { getTrackedProgress, type TrackedProgress } from "@/lib/tracking/progress";
import { TYPE_LABELS } from "@/lib/work-orders/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { HOTLINE } from "@/components/site/hotline";
import { DateTime } from "@/components/work-orders/format";
import { DueBadge } from "@/components/work-orders/due-badge";
import { StatusBadge } from "@/components/work-orders/status-badge";
import { CaseStatusBadge } from "@/components/legal-aid/case-status";
import { MediationStatusBadge } from "@/components/mediation/status-badge";
import { TimelineSection } from "@/components/work-orders/timeline";

// A look-up grant is a credential in a cookie: keep the page out of search engines and other sites'
// referrers ("same-origin": under no-referrer a form posted without JavaScript carries `Origin: null`
// and Next refuses the server action).
export const metadata: Metadata = { title: "办理进度", robots: { index: false, follow: false }, referrer: "same-origin" };

type Params = Promise<{ number: string }>;

const ORDER_TEXT: Record<WorkOrderStatus, string> = {
  NEW: "已登记，等待服务网点受理。",
  IN_PROGRESS: "服务网点正在办理。",
  PAUSED: "工作人员需要您补充情况或材料，补充后继续办理，等待期间暂停计时。",
  CLOSED: "已经办完了。",
  REOPENED: "您对办理结果不满意，服务网点正在跟进整改。",
};

const AID_TEXT: Record<LegalAidStatus, string> = {
  SUBMITTED: "法律援助机构正在审查您的申请，会在期限内决定是否给予法律援助。",
  MATERIALS_REQUESTED: "还需要您补充材料。请按通知补交；补交期间暂停计时，逾期不补交的视为撤回申请。",
  APPROVED: "已决定给予您法律援助，正在为您指派律师。",
  REFUSED: "经审查，决定不予法律援助。如有异议，可以向司法局提出。",
  WITHDRAWN: "申请已撤回。如有需要，可以重新申请。",
  ASSIGNED: "已为您指派律师，律师正在办理，会主动联系您。",
  CLOSED: "案件已办结。",
  ARCHIVED: "案件已办结归档。",
  TERMINATED: "法律援助已终止。",
};

const MEDIATION_TEXT: Record<MediationStatus, string> = {
  AWAITING_CONSENT: "调解员正在征求对方当事人是否同意调解。人民调解要双方自愿。",
  ACCEPTED: "各方已同意调解，正在安排调解员，调解员会与您联系。",
  IN_PROGRESS: "正在调解。调解会的时间和地点，调解员会通知您。",
  SUCCEEDED: "调解成功，各方达成了调解协议。",
  FAILED: "调解没有达成协议，调解已结束。还可以通过仲裁、行政途径或诉讼解决。",
  WITHDRAWN: "调解已终止（当事人撤回或要求终止）。",
  REFUSED: "对方当事人不同意调解，依法不能进行调解。还可以通过仲裁、行政途径或诉讼解决。",
};

/** How a deadline is counted, in one plain sentence. */
const BASIS_TEXT: Record<DeadlineUnit, string> = {
  WORKING_DAYS: "期限按工作日计算：周末和法定节假日不算在内，节假日调休上班的日子算在内。",
  CALENDAR_DAYS: "期限按自然日计算，周末和节假日也算在内。",
  HOURS: "期限从登记时起按小时计算。",
};

function Status({ p }: { p: TrackedProgress }) {
  if (p.legalAidStatus) return <><CaseStatusBadge status={p.legalAidStatus} /><span>{AID_TEXT[p.legalAidStatus]}</span></>;
  if (p.mediationStatus) return <><MediationStatusBadge status={p.mediationStatus} /><span>{MEDIATION_TEXT[p.mediationStatus]}</span></>;
  return <><StatusBadge status={p.orderStatus} /><span>{ORDER_TEXT[p.orderStatus]}</span></>;
}

/** 查进度: where a request is, by when, and its steps — for someone who proved the phone on record. */
export default async function TrackedProgressPage({ params }: { params: Params }) {
  const { number } = await params;
  if (!/^\d{6}-\d{8}-\d{7}$/.test(number)) notFound();
  const token = (await cookies()).get(GRANT_COOKIE)?.value;
  // No grant, a stale one, or one for another number: verify the phone (again) first.
  if (!verifyGrant(token, number)) redirect(`/track?number=${number}&again=1`);
  const p = await loadPage(getTrackedProgress, { number, grant: token }, "/track");
  const bases = [...new Set(p.deadlines.map((d) => d.basis))];

  return (
    <div className="space-y-6">
      <p>
        <Link href="/track" className="inline-flex min-h-11 items-center">← 查询其他编号</Link>
      </p>
      <PageHeader title="办理进度" description={<>编号 {p.number} · 手机号 {p.maskedPhone}</>} />

      <div data-read-aloud className="space-y-6">
        <Card title="现在办到哪一步" as="section">
          <p className="flex flex-wrap items-center gap-2 text-lg">
            <Status p={p} />
          </p>
          <dl className="mt-4 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">事项类型</dt>
            <dd>{TYPE_LABELS[p.type]}</dd>
            <dt className="text-slate-600">登记时间</dt>
            <dd><DateTime value={p.submittedAt} /></dd>
            {p.deadlines.map((d) => (
              <Fragment key={d.label}>
                <dt className="text-slate-600">{d.label}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  <DateTime value={d.at} />
                  {d.paused ? <span>（等待补充期间暂停计时）</span> : <DueBadge state={d.state} />}
                  {p.extendedDays && d.label === "调解期限" ? <span>（应当事人申请已延长 {p.extendedDays} 个工作日）</span> : null}
                </dd>
              </Fragment>
            ))}
            {p.ended ? (
              <>
                <dt className="text-slate-600">{p.ended.label}</dt>
                <dd><DateTime value={p.ended.at} /></dd>
              </>
            ) : null}
          </dl>
          {bases.length ? <p className="mt-4 text-slate-700">{bases.map((b) => BASIS_TEXT[b]).join("")}</p> : null}
        </Card>

        <Card title="办理网点" as="section">
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">名称</dt>
            <dd>{p.servicePoint.name}</dd>
            <dt className="text-slate-600">电话</dt>
            <dd><a href={`tel:${p.servicePoint.phone}`} className="inline-flex min-h-11 items-center">{p.servicePoint.phone}</a></dd>
            <dt className="text-slate-600">地址</dt>
            <dd>{p.servicePoint.address}</dd>
            <dt className="text-slate-600">办公时间</dt>
            <dd>{p.servicePoint.openingHours}</dd>
          </dl>
        </Card>

        <TimelineSection events={p.events} audience="requester" />
      </div>

      <Card as="section" title="想了解更多">
        <p>
          为了保护您的信息，这里只显示办理步骤和时间，不显示姓名、答复内容和材料。想了解详情，可以拨打{" "}
          <a href={`tel:${HOTLINE}`} className="font-semibold">{HOTLINE}</a> 或上面的网点电话，报上编号 {p.number}；有账号的可以{" "}
          <Link href="/login">登录</Link> 查看全部内容。
        </p>
        <p className="mt-2 text-slate-700">
          本次查看 <DateTime value={p.grantExpiresAt} /> 前有效。在公共电脑上查看后，请关闭浏览器。
        </p>
      </Card>
    </div>
  );
}
