import type { MediationCaseView } from "@/lib/mediation/queries";
import { OTHER_ROUTES, PARTY_CONSENT_LABELS, PARTY_ROLE_LABELS, type OtherRoute } from "@/lib/mediation/labels";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/work-orders/format";
import { DueBadge } from "@/components/work-orders/due-badge";
import { Countdown } from "@/components/legal-aid/case-status";
import { SCROLL_REGION } from "@/components/ui/scroll-region";
import { RevealNumber, type RevealAction } from "@/components/personal-data/reveal-number";

// The read side of a staff mediation case page: the record, the clock, the parties, who sits at the
// table and the sessions. What is masked was masked by getMediationCase (outside the case team).

const yuan = (v: string) => `${Number(v).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** 调解期限: the one-month limit on the working-day calendar, with what extended it and any referral deadline. */
export function MediationDeadlines({ c }: { c: MediationCaseView }) {
  const d = c.deadlines;
  return (
    <section aria-labelledby="deadline-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="deadline-heading" className="text-lg font-semibold">调解期限</h2>
      <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">期限</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <DateTime value={d.dueAt} />
          {c.open ? (
            <>
              <Countdown due={d.dueAt} /> <DueBadge state={d.dueState} />
            </>
          ) : null}
        </dd>
        <dt className="font-medium">已延长</dt>
        <dd>{d.extendedDays ? `${d.extendedDays} 个工作日（经当事人申请）` : "未延长"}</dd>
        {d.referralDeadline ? (
          <>
            <dt className="font-medium">委派反馈期限</dt>
            <dd>{d.referralDeadline}</dd>
          </>
        ) : null}
        {d.closedAt ? (
          <>
            <dt className="font-medium">结束时间</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <DateTime value={d.closedAt} />
              {d.closedOnTime === false ? <Badge tone="warning">超期结束</Badge> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="mt-3 text-sm text-slate-600">调解期限按工作日计算（节假日顺延）；只有当事人申请时才能延长。</p>
    </section>
  );
}

export function MediationDetails({ c }: { c: MediationCaseView }) {
  return (
    <Card title="案件信息" as="section">
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">案件来源</dt>
        <dd>{c.sourceLabel}</dd>
        <dt className="font-medium">纠纷类别</dt>
        <dd>{c.categoryLabel}</dd>
        <dt className="font-medium">纠纷发生地</dt>
        <dd>{c.region.name}</dd>
        <dt className="font-medium">调解委员会</dt>
        <dd>{c.committee.name}</dd>
        <dt className="font-medium">调解员</dt>
        <dd>{c.mediator ? <>{c.mediator.name}{c.mediatorChosenByParties ? "（当事人选定）" : ""}</> : "尚未指定"}</dd>
        <dt className="font-medium">登记时间</dt>
        <dd><DateTime value={c.registeredAt} /></dd>
        <dt className="font-medium">争议金额</dt>
        <dd>{c.amountInvolved !== null ? yuan(c.amountInvolved) : "未填写"}</dd>
        <dt className="font-medium">涉及人数</dt>
        <dd>{c.peopleInvolved} 人</dd>
        {c.referral ? (
          <>
            <dt className="font-medium">委派/移送单位</dt>
            <dd>{c.referral.authority}{c.referral.reference ? `（${c.referral.reference}）` : ""}</dd>
          </>
        ) : null}
        {c.screeningNote ? (
          <>
            <dt className="font-medium">排查情况</dt>
            <dd className="whitespace-pre-wrap">{c.screeningNote}</dd>
          </>
        ) : null}
        <dt className="font-medium">纠纷事实与争议</dt>
        <dd className="whitespace-pre-wrap">{c.summary}</dd>
      </dl>
    </Card>
  );
}

/**
 * 当事人: every party (23 owners stay one table), contacts in full only for the case team; ID
 * numbers masked, with "显示完整号码" (audited) for the team when `reveal` is given.
 */
export function MediationParties({ c, reveal }: { c: MediationCaseView; reveal?: RevealAction }) {
  return (
    <section aria-labelledby="parties-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="parties-heading" className="text-lg font-semibold">当事人（{c.parties.length} 方）</h2>
      {!c.inTeam ? <p className="mt-1 text-sm text-slate-600">您不在本案办理人员之列，当事人联系方式已隐去部分号码。</p> : null}
      <div {...SCROLL_REGION} className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse text-left">
          <caption className="sr-only">当事人名单：身份、姓名或名称、联系方式、代理人和是否同意调解</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">身份</th>
              <th scope="col" className="py-2 pr-3">姓名/名称</th>
              <th scope="col" className="py-2 pr-3">联系电话</th>
              <th scope="col" className="py-2 pr-3">身份证号</th>
              <th scope="col" className="py-2 pr-3">住址</th>
              <th scope="col" className="py-2 pr-3">代理人</th>
              <th scope="col" className="py-2">是否同意调解</th>
            </tr>
          </thead>
          <tbody>
            {c.parties.map((p) => (
              <tr key={p.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-3">{PARTY_ROLE_LABELS[p.role]}</td>
                <th scope="row" className="py-2 pr-3 font-medium">{p.name}</th>
                <td className="py-2 pr-3">{p.phone ?? "—"}</td>
                <td className="py-2 pr-3">
                  {p.idNumber && reveal && c.inTeam ? (
                    <RevealNumber masked={p.idNumber} label="" who={p.name} input={{ kind: "mediationParty", number: c.number, partyId: p.id }} action={reveal} />
                  ) : (p.idNumber ?? "—")}
                </td>
                <td className="py-2 pr-3">{p.address ?? "—"}</td>
                <td className="py-2 pr-3">{p.agentName ? `${p.agentName}${p.agentPhone ? `（${p.agentPhone}）` : ""}` : "—"}</td>
                <td className="py-2">{PARTY_CONSENT_LABELS[p.consent]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 参加调解人员: co-mediators and the other departments of a joint session. */
export function MediationParticipants({ c }: { c: MediationCaseView }) {
  return (
    <Card title="参加调解人员" as="section">
      {c.participants.length ? (
        <ul className="space-y-1">
          {c.participants.map((p) => (
            <li key={p.id}>
              <span className="font-medium">{p.name}</span>（{p.kindLabel}{p.unit ? `，${p.unit}` : ""}）
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">除调解员外暂无其他参加调解人员。</p>
      )}
    </Card>
  );
}

/** 调解会: scheduled and held, with attendees and minutes for the case team. */
export function MediationSessions({ c }: { c: MediationCaseView }) {
  return (
    <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="sessions-heading" className="text-lg font-semibold">调解安排与记录</h2>
      {c.sessions.length ? (
        <ol className="mt-3 space-y-3">
          {c.sessions.map((s, i) => (
            <li key={s.id} className="rounded-md border border-slate-200 p-3">
              <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                第 {i + 1} 次调解 · <DateTime value={s.scheduledAt} />
                {s.heldAt ? <Badge tone="success">已举行</Badge> : <Badge tone="info">待举行</Badge>}
                {s.public ? <Badge>公开调解</Badge> : null}
              </h3>
              <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">地点</dt>
                <dd>{s.placeLabel}：{s.place}</dd>
                {s.videoLink ? (
                  <>
                    <dt className="font-medium">视频会议链接</dt>
                    <dd className="break-all"><a href={s.videoLink} rel="noopener noreferrer" target="_blank">{s.videoLink}</a></dd>
                  </>
                ) : null}
                {s.attendees ? (
                  <>
                    <dt className="font-medium">参加人员</dt>
                    <dd className="whitespace-pre-wrap">{s.attendees}</dd>
                  </>
                ) : null}
                {s.minutes ? (
                  <>
                    <dt className="font-medium">调解笔录</dt>
                    <dd className="whitespace-pre-wrap">{s.minutes}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-3 text-slate-600">尚未安排调解。</p>
      )}
    </section>
  );
}

/** How it ended, when it ended other than by an agreement (that one is the aftercare section's). */
export function MediationOutcome({ c }: { c: MediationCaseView }) {
  const o = c.outcome;
  if (!o.failureReason && !o.withdrawalReason && !o.refusalNote) return null;
  return (
    <Card title="调解结果" as="section">
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        {o.endedAt ? (
          <>
            <dt className="font-medium">结束时间</dt>
            <dd><DateTime value={o.endedAt} /></dd>
          </>
        ) : null}
        {o.failureReason ? (
          <>
            <dt className="font-medium">调解不成的原因</dt>
            <dd className="whitespace-pre-wrap">{o.failureReason}</dd>
            <dt className="font-medium">已告知的其他途径</dt>
            <dd>{o.routesTold.map((r) => OTHER_ROUTES[r as OtherRoute] ?? r).join("；") || "—"}</dd>
          </>
        ) : null}
        {o.withdrawalReason ? (
          <>
            <dt className="font-medium">终止原因</dt>
            <dd className="whitespace-pre-wrap">{o.withdrawalReason}</dd>
          </>
        ) : null}
        {o.refusalNote ? (
          <>
            <dt className="font-medium">拒绝调解情况</dt>
            <dd className="whitespace-pre-wrap">{o.refusalNote}</dd>
          </>
        ) : null}
        {c.crimePrevented ? (
          <>
            <dt className="font-medium">民转刑</dt>
            <dd>已化解民转刑风险</dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}
