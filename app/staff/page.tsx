import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { getWorkbenchSummary } from "@/lib/network/network-overview";
import { listInbox } from "@/lib/work-orders/queries";
import { getMe } from "@/lib/accounts/get-me";
import { listLegalAidQueue } from "@/lib/legal-aid/queries";
import { TIER_LABELS, TIER_SHORT_LABELS } from "@/lib/network/rules";
import { PageHeader } from "@/components/ui/page-header";
import { formatCount, formatShare } from "@/components/figures/format";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { ContactForm } from "./_components/contact-form";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "工作台" };


/** The workbench of staff, legal-aid officers and mediators: their service point and the network below it. */
export default async function StaffWorkbenchPage() {
  const [w, inbox] = await Promise.all([
    loadPage(getWorkbenchSummary, {}, "/staff"),
    loadPage(listInbox, { limit: 1 }, "/staff"),
  ]);
  const { open, overdue } = inbox.counts;
  const me = await loadPage(getMe, {}, "/staff");
  // Legal-aid officers decide at the county centre: their queue comes first.
  const legalAid = me.role === "LEGAL_AID_OFFICER" ? (await loadPage(listLegalAidQueue, { view: "review" }, "/staff")).counts : null;
  const org = w.organization;
  const f = w.figures;
  return (
    <div className="space-y-6">
      <PageHeader
        title="工作台"
        description={
          <>
            {org.name} <Badge tone="info">{TIER_LABELS[org.tier]}</Badge>
          </>
        }
      />
      {legalAid ? (
        <section aria-labelledby="legal-aid" className="rounded-lg border-2 border-primary bg-white p-4 shadow-sm sm:p-6">
          <h2 id="legal-aid" className="text-xl font-bold">法律援助</h2>
          <p className="mt-2 text-lg text-slate-800">
            待审查 <strong>{legalAid.review}</strong> 件，待指派 <strong>{legalAid.assign}</strong> 件，待处理申请与异议 <strong>{legalAid.requests}</strong> 件，待回访归档 <strong>{legalAid.aftercare}</strong> 件。
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <LinkButton href="/staff/legal-aid" size="lg">法律援助审查</LinkButton>
            <LinkButton href="/staff/lawyers" size="lg" variant="secondary">律师质量监督</LinkButton>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="work-orders" className="rounded-lg border-2 border-primary bg-white p-4 shadow-sm sm:p-6">
        <h2 id="work-orders" className="text-xl font-bold">工单</h2>
        <p className="mt-2 text-lg text-slate-800">
          本网点未办结 <strong>{open}</strong> 件，其中已超期{" "}
          <strong className={overdue ? "text-danger" : undefined}>{overdue}</strong> 件。
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <LinkButton href="/staff/work-orders" size="lg">
            工单收件箱（未办结 {open}，已超期 {overdue}）
          </LinkButton>
          <LinkButton href="/staff/intake" size="lg" variant="secondary">
            登记来访/来电
          </LinkButton>
          <LinkButton href="/staff/legal-aid/new" size="lg" variant="secondary">
            代为登记法律援助申请
          </LinkButton>
          {me.role === "STAFF" || me.role === "MEDIATOR" ? <LinkButton href="/staff/mediation" size="lg" variant="secondary">人民调解</LinkButton> : null}
          {me.role === "STAFF" || me.role === "MEDIATOR" ? <LinkButton href="/staff/mediation/new" size="lg" variant="secondary">登记调解案件</LinkButton> : null}
          {overdue ? (
            <LinkButton href="/staff/work-orders?due=overdue" size="lg" variant="ghost">
              查看已超期工单
            </LinkButton>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="subtree">
        <h2 id="subtree" className="text-xl font-bold">本网点及下辖网点</h2>
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ["中心", w.subtree.centres],
            ["工作站", w.subtree.stations],
            ["工作室", w.subtree.rooms],
            ["工作人员", w.colleagues],
          ].map(([label, value]) => (
            <li key={label} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-slate-600">{label}</p>
              <p className="text-2xl font-bold" data-testid={`count-${label}`}>{value}</p>
            </li>
          ))}
        </ul>
        {f ? (
          <p className="mt-3 text-slate-700">
            {org.region.name}共有村（社区）{f.villages} 个，设工作室的 {f.villagesWithRoom} 个（覆盖率 {formatShare(f.villagesWithRoom, f.villages)}），
            有法律顾问的 {f.villagesWithAdviser} 个（{formatShare(f.villagesWithAdviser, f.villages)}）
            {f.residents !== null ? `；常住人口 ${formatCount(f.residents)} 人` : ""}。
          </p>
        ) : null}
      </section>

      {w.children.length ? (
        <Card title={`下辖网点（${w.children.length}）`} as="section">
          <div {...SCROLL_REGION} className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">下辖网点列表</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">名称</th>
                  <th scope="col" className="py-2 pr-4">类型</th>
                  <th scope="col" className="py-2 pr-4">所在地</th>
                  <th scope="col" className="py-2 pr-4">电话</th>
                  <th scope="col" className="py-2">下级网点</th>
                </tr>
              </thead>
              <tbody>
                {w.children.map((c) => (
                  <tr key={c.id} className="border-b border-slate-100">
                    <td className="py-2 pr-4">{c.name}</td>
                    <td className="py-2 pr-4">{TIER_SHORT_LABELS[c.tier]}</td>
                    <td className="py-2 pr-4">{c.region.name}</td>
                    <td className="py-2 pr-4">{c.phone}</td>
                    <td className="py-2">{c._count.children}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}

      <Card title="本网点对外信息" description="群众在「找服务网点」中看到的信息，请保持准确。" as="section">
        <ContactForm organization={org} />
        <p className="mt-3 text-sm text-slate-600">
          网点名称、层级和隶属关系由系统管理员维护。<Link href={`/service-points/${org.id}`}>查看公开页面</Link>
          {" · "}
          <Link href={`/service-points/${org.id}/poster`}>打印二维码海报</Link>
        </p>
      </Card>
    </div>
  );
}
