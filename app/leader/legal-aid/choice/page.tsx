import type { Share } from "@/lib/stats/period";
import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { fieldErrorsOf } from "@/lib/api/use-case";
import {
  ASSIGNMENT_ROUTE_LABELS, ASSIGNMENT_ROUTES, ChoiceIndicatorsInput, TOP_LAWYERS, choiceIndicators,
} from "@/lib/legal-aid/indicators";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/forms/field";
import { formatCount, formatShare } from "@/components/figures/format";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "点援制指标" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim();
const hours = (h: number | null) => (h === null ? "—" : `${h.toFixed(1)} 小时`);
const shareText = (s: Share) => formatShare(s.numerator, s.denominator);

/**
 * 点援制指标: how legal-aid cases of the leader's region reached their lawyer in a period — the
 * 点援率 with its definition, the time from approval to the lawyer, and each lawyer's offers.
 * Server-rendered figures and tables; the period is a plain GET form so the URL can be shared.
 */
export default async function ChoiceIndicatorsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const asked = { from: one(sp.from), to: one(sp.to) };
  const query = new URLSearchParams(Object.entries(asked).filter(([, v]) => v)).toString();
  const returnTo = `/leader/legal-aid/choice${query ? `?${query}` : ""}`;
  // A wrong period is answered next to the date fields (with this year's figures meanwhile), not
  // with the 404 the page door gives an invalid input.
  const checked = ChoiceIndicatorsInput.safeParse(asked);
  const errors = checked.success ? {} : fieldErrorsOf(checked.error);
  const d = await loadPage(choiceIndicators, checked.success ? asked : {}, returnTo);
  const total = d.assigned.total;

  return (
    <div className="space-y-6">
      <p>
        <BackLink href="/leader/legal-aid">← 返回法律援助异议审查</BackLink>
      </p>
      <PageHeader
        title="点援制指标"
        description={`统计期 ${d.period.from} 至 ${d.period.to}（北京时间）。受援人选择律师、律师自主接单和法律援助中心指派三种方式确定承办律师的情况。`}
      />

      <form method="get" action="/leader/legal-aid/choice" role="search" aria-label="选择统计期" className="rounded-lg border border-slate-200 bg-white p-4">
        {checked.success ? null : (
          <p role="alert" className="mb-3 text-danger">统计期填写有误，请修改。下面暂时显示今年以来的数据。</p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="from" label="起始日期" type="date" defaultValue={asked.from || d.period.from} errors={errors.from} />
          <TextField name="to" label="截止日期" type="date" defaultValue={asked.to || d.period.to} errors={errors.to} />
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit">查询</Button>
          {query ? (
            <Link href="/leader/legal-aid/choice" className={buttonClassName({ variant: "ghost" })}>
              恢复为今年以来
            </Link>
          ) : null}
        </div>
      </form>

      <section aria-labelledby="choice-figures">
        <h2 id="choice-figures" className="text-xl font-bold">点援制</h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <li className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-slate-600">点援率</p>
            <p className="text-3xl font-bold tabular-nums">{shareText(d.choiceShare)}</p>
            <p className="text-slate-700">
              点援制 {formatCount(d.choiceShare.numerator)} 件 / 确定律师 {formatCount(total)} 件
            </p>
            <p className="text-slate-700">
              其中受援人点援率 <strong className="tabular-nums">{shareText(d.applicantChoiceShare)}</strong>
            </p>
            <details className="mt-2">
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-primary">口径说明</summary>
              <div className="mt-1 space-y-1 text-sm text-slate-700">
                {d.definition.split("\n").map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </div>
            </details>
          </li>
          <li className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-slate-600">决定援助到律师接单平均用时（点援制）</p>
            <p className="text-3xl font-bold tabular-nums">{hours(d.avgHoursApprovalToAcceptance.choiceScheme)}</p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-slate-700">
              {ASSIGNMENT_ROUTES.map((route) => (
                <div key={route} className="contents">
                  <dt>{ASSIGNMENT_ROUTE_LABELS[route]}</dt>
                  <dd className="tabular-nums">{hours(d.avgHoursApprovalToAcceptance[route])}</dd>
                </div>
              ))}
            </dl>
          </li>
          <li className="rounded-lg border border-slate-200 bg-white p-4">
            <table className="w-full text-left">
              <caption className="text-left text-slate-600">确定承办律师的方式</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">方式</th>
                  <th scope="col" className="py-1 pr-3 text-right">案件数</th>
                  <th scope="col" className="py-1 text-right">占比</th>
                </tr>
              </thead>
              <tbody>
                {ASSIGNMENT_ROUTES.map((route) => (
                  <tr key={route} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-3 font-normal">{ASSIGNMENT_ROUTE_LABELS[route]}</th>
                    <td className="py-1 pr-3 text-right tabular-nums">{formatCount(d.assigned[route])}</td>
                    <td className="py-1 text-right tabular-nums">{formatShare(d.assigned[route], total)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" className="py-1 pr-3">合计</th>
                  <td className="py-1 pr-3 text-right font-semibold tabular-nums">{formatCount(total)}</td>
                  <td className="py-1 text-right tabular-nums">{total ? "100.0%" : "—"}</td>
                </tr>
              </tbody>
            </table>
          </li>
        </ul>
        {total === 0 ? <p className="mt-3 text-slate-600">统计期内没有确定承办律师的法律援助案件，比率无法计算，显示为“—”。</p> : null}
      </section>

      <section aria-labelledby="lawyer-figures">
        <h2 id="lawyer-figures" className="text-xl font-bold">律师接单情况</h2>
        {d.lawyers.length === 0 ? (
          <EmptyState className="mt-3" headingAs="h3" title="统计期内没有派单或自主接单" description="受援人选择的律师收到派单、或律师在抢单池中接单后，会在这里列出。" />
        ) : (
          <div {...SCROLL_REGION} className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[48rem] text-left">
              <caption className="px-3 py-2 text-left text-slate-700">
                {d.lawyerCount > TOP_LAWYERS
                  ? `收到派单最多的前 ${TOP_LAWYERS} 名律师（共 ${d.lawyerCount} 名律师有派单或自主接单）`
                  : `共 ${d.lawyerCount} 名律师有派单或自主接单，按收到派单数排列`}
              </caption>
              <thead>
                <tr className="border-b border-slate-300 bg-slate-50">
                  <th scope="col" className="px-3 py-2">律师</th>
                  <th scope="col" className="px-3 py-2">律师事务所</th>
                  <th scope="col" className="px-3 py-2 text-right">收到派单</th>
                  <th scope="col" className="px-3 py-2 text-right">接受</th>
                  <th scope="col" className="px-3 py-2 text-right">拒绝</th>
                  <th scope="col" className="px-3 py-2 text-right">超时</th>
                  <th scope="col" className="px-3 py-2 text-right">撤回</th>
                  <th scope="col" className="px-3 py-2 text-right">待答复</th>
                  <th scope="col" className="px-3 py-2 text-right">自主接单</th>
                </tr>
              </thead>
              <tbody>
                {d.lawyers.map((l) => (
                  <tr key={l.userId} className="border-b border-slate-100">
                    <th scope="row" className="px-3 py-2 font-normal">{l.name}</th>
                    <td className="px-3 py-2">{l.firmName ?? "—"}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.offers}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.accepted}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.declined}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.expired}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.withdrawn}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.pending}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.poolTakes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
