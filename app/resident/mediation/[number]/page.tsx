import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { getMediationCase, type MediationCaseView } from "@/lib/mediation/queries";
import { OTHER_ROUTES, PARTY_CONSENT_LABELS, PARTY_ROLE_LABELS, PERFORMANCE_LABELS, type OtherRoute, type PerformanceResult } from "@/lib/mediation/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { HOTLINE } from "@/components/site/hotline";
import { DateTime } from "@/components/work-orders/format";
import { TimelineSection } from "@/components/work-orders/timeline";
import { ConsentAnswer } from "./_components/consent-answer";
import { MediationStatusBadge } from "@/components/mediation/status-badge";
import { SCROLL_REGION } from "@/components/ui/scroll-region";
import { ConsentList } from "@/components/personal-data/consent-list";
import { listConsents } from "@/lib/personal-data/consent";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `我的人民调解 ${(await params).number}` };
}

/** 2026-12-31 → 2026年12月31日 */
const chineseDay = (d: string) => {
  const [y, m, day] = d.split("-").map(Number);
  return `${y}年${m}月${day}日`;
};

/** Where the case is, in plain words, for a party. */
function explain(c: MediationCaseView): string {
  const who = c.committee.name;
  const me = c.parties.find((p) => p.isMe);
  switch (c.status) {
    case "AWAITING_CONSENT":
      return me?.consent === "PENDING"
        ? `${who}收到了对方的调解申请。人民调解遵循自愿原则，调解员会联系您，征求您是否同意调解。`
        : `调解员正在联系对方当事人，征求是否同意调解。对方同意后，会与您约定调解的时间和地点。`;
    case "ACCEPTED":
      return `各方已同意调解，${who}正在安排调解员，调解员会与您联系。`;
    case "IN_PROGRESS":
      return c.mediator ? `调解员${c.mediator.name}正在调解，调解会的时间和地点见下方。` : "正在调解，调解会的时间和地点见下方。";
    case "SUCCEEDED":
      return "调解成功，各方达成了调解协议。请按协议约定履行。";
    case "FAILED":
      return "调解没有达成协议，调解已终止。您可以通过下面列出的途径继续解决纠纷。";
    case "WITHDRAWN":
      return "调解已终止（当事人撤回或要求终止调解）。";
    case "REFUSED":
      return "对方当事人不同意调解。人民调解须双方自愿，依法不能进行调解。您可以通过下面列出的途径解决纠纷。";
  }
}

/** A party's view: where the case is, the sessions planned, the outcome and the history. */
export default async function ResidentMediationPage({ params }: { params: Params }) {
  const { number } = await params;
  const returnTo = `/resident/mediation/${number}`;
  const me = await loadPage(getMe, {}, returnTo);
  if (me.role !== "RESIDENT") redirect(["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"].includes(me.role) ? `/staff/mediation/${number}` : "/forbidden");
  const c = await loadPage(getMediationCase, { number }, returnTo);
  const consents = await loadPage(listConsents, { number }, returnTo);
  const routes = c.outcome.routesTold.filter((r): r is OtherRoute => r in OTHER_ROUTES);
  const ended = ["FAILED", "REFUSED"].includes(c.status);
  const upcoming = c.sessions.filter((s) => !s.heldAt);
  const held = c.sessions.filter((s) => s.heldAt);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/resident" className="inline-flex min-h-11 items-center">← 返回我的服务</Link>
      </p>
      <PageHeader title="我的人民调解" description={<>编号 {c.number} · {c.categoryLabel}</>} />

      <ConsentAnswer number={c.number} pending={c.status === "AWAITING_CONSENT" && c.parties.some((p) => p.isMe && p.consent === "PENDING")} />

      <Card title="调解进度" as="section">
        <p className="flex flex-wrap items-center gap-2 text-lg">
          <MediationStatusBadge status={c.status} />
          <span>{explain(c)}</span>
        </p>
        <dl className="mt-4 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">调解委员会</dt>
          <dd>
            {c.committee.name}
            {c.committee.phone ? <>（电话 <a href={`tel:${c.committee.phone}`}>{c.committee.phone}</a>）</> : null}
          </dd>
          {c.committee.address ? (
            <>
              <dt className="text-slate-600">地址</dt>
              <dd>{c.committee.address}</dd>
            </>
          ) : null}
          {c.mediator ? (
            <>
              <dt className="text-slate-600">调解员</dt>
              <dd>{c.mediator.name}{c.mediatorChosenByParties ? "（当事人选定）" : ""}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">登记时间</dt>
          <dd><DateTime value={c.registeredAt} /></dd>
          {c.open ? (
            <>
              <dt className="text-slate-600">调解期限</dt>
              <dd>
                <DateTime value={c.deadlines.dueAt} /> 前
                {c.deadlines.extendedDays ? `（应当事人申请已延长 ${c.deadlines.extendedDays} 个工作日）` : ""}
              </dd>
            </>
          ) : c.outcome.endedAt ? (
            <>
              <dt className="text-slate-600">结束时间</dt>
              <dd><DateTime value={c.outcome.endedAt} /></dd>
            </>
          ) : null}
        </dl>
        {ended && routes.length ? (
          <div className="mt-4 rounded-md border border-slate-300 bg-slate-50 px-4 py-3">
            <h3 className="font-semibold">您还可以通过这些途径解决纠纷</h3>
            <ul className="mt-1 list-disc pl-5">
              {routes.map((r) => <li key={r}>{OTHER_ROUTES[r]}</li>)}
            </ul>
            {c.outcome.failureReason ? <p className="mt-2">调解不成的原因：{c.outcome.failureReason}</p> : null}
          </div>
        ) : null}
        {c.status === "WITHDRAWN" && c.outcome.withdrawalReason ? <p className="mt-4">终止原因：{c.outcome.withdrawalReason}</p> : null}
        <p className="mt-4 text-slate-700">有疑问可以拨打 {HOTLINE} 咨询，报上编号 {c.number}。</p>
      </Card>

      <Card title="调解会安排" as="section">
        {c.sessions.length === 0 ? (
          <p className="text-slate-600">还没有安排调解会。安排后会通过站内消息或短信告诉您时间和地点。</p>
        ) : (
          <ul className="space-y-3">
            {[...upcoming, ...held].map((s) => (
              <li key={s.id} className="rounded-md border border-slate-200 p-3">
                <p className="font-semibold">
                  <DateTime value={s.scheduledAt} />
                  {s.heldAt ? <Badge tone="neutral" className="ml-2">已召开</Badge> : <Badge tone="info" className="ml-2">待召开</Badge>}
                </p>
                <p className="mt-1">
                  {s.placeLabel}：{s.place}
                  {s.public ? "（公开调解）" : "（不公开调解）"}
                </p>
                {s.videoLink && !s.heldAt ? (
                  <p className="mt-1">
                    <a href={s.videoLink} className="inline-flex min-h-11 items-center" rel="noopener noreferrer" target="_blank">进入远程视频调解（新窗口打开）</a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {c.agreement ? (
        <Card title={c.agreement.oral ? "口头调解协议" : "调解协议"} as="section">
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            {c.agreement.signedOn ? (
              <>
                <dt className="text-slate-600">达成日期</dt>
                <dd>{chineseDay(c.agreement.signedOn)}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">协议内容</dt>
            <dd className="whitespace-pre-line">{c.agreement.terms ?? "—"}</dd>
            {c.agreement.performanceManner ? (
              <>
                <dt className="text-slate-600">履行方式</dt>
                <dd>{c.agreement.performanceManner}</dd>
              </>
            ) : null}
            {c.agreement.performanceDueOn ? (
              <>
                <dt className="text-slate-600">履行期限</dt>
                <dd>{chineseDay(c.agreement.performanceDueOn)} 前</dd>
              </>
            ) : null}
            {c.performance.result ? (
              <>
                <dt className="text-slate-600">履行情况</dt>
                <dd>{PERFORMANCE_LABELS[c.performance.result as PerformanceResult] ?? c.performance.result}</dd>
              </>
            ) : null}
          </dl>
          {c.confirmation.dueOn && c.confirmation.granted === null && !c.confirmation.appliedOn ? (
            <p className="mt-4 rounded-md border border-primary bg-primary-soft px-4 py-3">
              双方可以在 {chineseDay(c.confirmation.dueOn)} 前共同向人民法院申请司法确认（人民调解法第三十三条）。经确认有效的，一方不履行时，另一方可以申请法院强制执行。
            </p>
          ) : null}
          {c.confirmation.appliedOn ? (
            <p className="mt-4">
              已于 {chineseDay(c.confirmation.appliedOn)} 向{c.confirmation.court ?? "人民法院"}申请司法确认
              {c.confirmation.granted === true ? "，法院已确认协议有效。" : c.confirmation.granted === false ? "，法院未予确认。" : "。"}
            </p>
          ) : null}
        </Card>
      ) : null}

      <Card title="当事人" as="section">
        <div {...SCROLL_REGION} className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">本案当事人（他人的电话已隐去部分数字）</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">姓名或单位</th>
                <th scope="col" className="py-2 pr-4">身份</th>
                <th scope="col" className="py-2 pr-4">电话</th>
                {c.status === "AWAITING_CONSENT" ? <th scope="col" className="py-2">是否同意调解</th> : null}
              </tr>
            </thead>
            <tbody>
              {c.parties.map((p) => (
                <tr key={p.id} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-4 font-normal">{p.name}{p.isMe ? "（您）" : ""}</th>
                  <td className="py-2 pr-4">{PARTY_ROLE_LABELS[p.role]}</td>
                  <td className="py-2 pr-4">{p.phone ?? "—"}</td>
                  {c.status === "AWAITING_CONSENT" ? <td className="py-2">{PARTY_CONSENT_LABELS[p.consent]}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <ConsentList consents={consents} />
      <TimelineSection events={c.events} audience="requester" />
    </div>
  );
}
