import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { getResidentHome } from "@/lib/accounts/get-resident-home";
import { listMyWorkOrders } from "@/lib/work-orders/queries";
import { listMyMediationCases } from "@/lib/mediation/queries";
import { PARTY_ROLE_LABELS } from "@/lib/mediation/labels";
import { TYPE_LABELS } from "@/lib/work-orders/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { HOTLINE } from "@/components/site/hotline";
import { DateTime } from "@/components/work-orders/format";
import { StatusBadge } from "@/components/work-orders/status-badge";
import { CaseStatusBadge } from "@/components/legal-aid/case-status";

export const metadata: Metadata = { title: "我的服务" };

const fmt = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" }) : "—");

export default async function ResidentHomePage() {
  const [me, allOrders, mediation] = await Promise.all([
    loadPage(getResidentHome, {}, "/resident"),
    loadPage(listMyWorkOrders, {}, "/resident"),
    loadPage(listMyMediationCases, {}, "/resident"),
  ]);
  // A mediation case is listed once, under 人民调解 (also when the resident is a party but not the requester).
  const orders = allOrders.filter((o) => o.type !== "MEDIATION");
  return (
    <div className="space-y-6">
      <PageHeader title={`${me.name}，您好`} description="在这里查看您的申请和办理进度。" />
      <section aria-labelledby="my-requests" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="my-requests" className="text-xl font-bold">我的申请</h2>
          {orders.length ? <LinkButton href="/resident/new">网上咨询/投诉</LinkButton> : null}
        </div>
        {orders.length === 0 && mediation.length > 0 ? (
          <p className="text-slate-700">暂无其他申请。</p>
        ) : orders.length === 0 ? (
          <EmptyState
            headingAs="h3"
            title="您还没有提交过申请"
            description={`遇到法律问题，可以在网上咨询或投诉，也可以到身边的服务网点办理，或拨打 ${HOTLINE}。`}
            action={
              <div className="flex flex-wrap justify-center gap-3">
                <LinkButton href="/resident/new" size="lg">网上咨询/投诉</LinkButton>
                <LinkButton href="/mediation/apply" size="lg" variant="secondary">申请人民调解</LinkButton>
                <LinkButton href="/service-points" size="lg" variant="secondary">找身边的服务网点</LinkButton>
              </div>
            }
          />
        ) : (
          <ul className="space-y-3">
            {orders.map((o) => {
              // one rating per closing: closed, and the latest closing not rated yet
              const toRate = o.legalAid
                ? ["CLOSED", "TERMINATED"].includes(o.legalAid.status) && !o.legalAid.satisfaction
                : o.status === "CLOSED" && !o.ratings.some((r) => r.round === o.events.length);
              const href = o.legalAid ? `/resident/legal-aid/${o.number}` : `/resident/work-orders/${o.number}`;
              return (
                <li key={o.number} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <h3 className="text-lg font-semibold">
                    <Link href={href} className="inline-flex min-h-11 items-center">
                      {o.subject}
                    </Link>
                  </h3>
                  <p className="mt-1 flex flex-wrap items-center gap-2">
                    {o.legalAid ? <CaseStatusBadge status={o.legalAid.status} /> : <StatusBadge status={o.status} />}
                    {toRate ? <Badge tone="warning">待评价</Badge> : null}
                    <span className="text-slate-700">{TYPE_LABELS[o.type]}</span>
                  </p>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-800 sm:grid-cols-[auto_1fr]">
                    <dt className="text-slate-600">编号</dt>
                    <dd>{o.number}</dd>
                    <dt className="text-slate-600">办理网点</dt>
                    <dd>{o.organization.name}</dd>
                    <dt className="text-slate-600">提交时间</dt>
                    <dd><DateTime value={o.createdAt} /></dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {mediation.length ? (
        <section aria-labelledby="my-mediation" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="my-mediation" className="text-xl font-bold">人民调解</h2>
            <LinkButton href="/mediation/apply" variant="secondary">申请人民调解</LinkButton>
          </div>
          <ul className="space-y-3">
            {mediation.map((m) => (
              <li key={m.number} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <h3 className="text-lg font-semibold">
                  <Link href={`/resident/mediation/${m.number}`} className="inline-flex min-h-11 items-center">
                    {m.categoryLabel}：{m.partiesText}
                  </Link>
                </h3>
                <p className="mt-1 flex flex-wrap items-center gap-2">
                  <Badge tone={m.status === "AWAITING_CONSENT" ? "warning" : m.status === "SUCCEEDED" ? "success" : m.status === "REFUSED" ? "danger" : "info"}>{m.statusLabel}</Badge>
                  {m.myRole ? <span className="text-slate-700">您是{PARTY_ROLE_LABELS[m.myRole]}</span> : null}
                </p>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-800 sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">编号</dt>
                  <dd>{m.number}</dd>
                  <dt className="text-slate-600">调解委员会</dt>
                  <dd>{m.committee}</dd>
                  {m.nextSession ? (
                    <>
                      <dt className="text-slate-600">下次调解</dt>
                      <dd><DateTime value={m.nextSession.at} />，{m.nextSession.place}</dd>
                    </>
                  ) : (
                    <>
                      <dt className="text-slate-600">登记时间</dt>
                      <dd><DateTime value={m.registeredAt} /></dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Card title="我的账号" as="section">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">登录手机号</dt>
          <dd>{me.phoneMasked ?? "—"}</dd>
          <dt className="text-slate-600">身份证号</dt>
          <dd>{me.idNumberMasked ?? "未填写"}</dd>
          <dt className="text-slate-600">注册时间</dt>
          <dd>{fmt(me.registeredAt)}</dd>
          <dt className="text-slate-600">上次登录</dt>
          <dd>{fmt(me.lastSignInAt)}</dd>
        </dl>
      </Card>
    </div>
  );
}
