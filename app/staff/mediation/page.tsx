import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { listMediationCases, MEDIATION_VIEWS, type MediationView } from "@/lib/mediation/queries";
import { MEDIATION_CATEGORY_LABELS, MEDIATION_SOURCE_LABELS } from "@/lib/mediation/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { Button, LinkButton } from "@/components/ui/button";
import { FilterSelect } from "@/components/forms/filter-select";
import { DateTime } from "@/components/work-orders/format";
import { DueBadge } from "@/components/work-orders/due-badge";
import { Countdown } from "@/components/legal-aid/case-status";
import { MediationFlags, MediationStatusBadge } from "@/components/mediation/status-badge";

export const metadata: Metadata = { title: "人民调解" };

const VIEW_LABELS: Record<MediationView, { label: string; empty: string }> = {
  mine: { label: "我的案件", empty: "您目前没有负责或协助调解的案件。" },
  committee: { label: "本委员会全部案件", empty: "本调解委员会及下辖调解组织目前没有在办的调解案件。" },
  done: { label: "已结束", empty: "还没有已结束的调解案件。" },
};

const FLAG_OPTIONS = [["major", "重大纠纷"], ["crimeRisk", "有民转刑风险"], ["referral", "法院/公安/信访委派移送"]] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/**
 * 人民调解工作台: a mediator's own cases by the next session, then the deadline; the committee
 * head's view of every open case of the committee (and the committees below it); the ended ones.
 */
export default async function MediationWorkspacePage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const me = await loadPage(getMe, {}, "/staff/mediation");
  if (me.role === "RESIDENT") redirect("/resident");
  const fallback: MediationView = me.role === "MEDIATOR" ? "mine" : "committee";
  const view = MEDIATION_VIEWS.find((v) => v === sp.view) ?? fallback;
  const filters = { category: one(sp.category) ?? "", source: one(sp.source) ?? "", flag: one(sp.flag) ?? "" };
  const q = await loadPage(listMediationCases, { view, ...filters }, `/staff/mediation?view=${view}`);
  const query = (v: MediationView) => {
    const p = new URLSearchParams({ view: v });
    for (const [k, val] of Object.entries(filters)) if (val) p.set(k, val);
    return `/staff/mediation?${p}`;
  };
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff" className="inline-flex min-h-11 items-center">← 返回工作台</Link>
      </p>
      <PageHeader
        title="人民调解"
        description="调解期限一般为一个月（20 个工作日，节假日顺延），经当事人申请可以延长。有调解安排的案件按调解时间排在前面，其余按期限排序。"
        actions={<LinkButton href="/staff/mediation/new" variant="secondary">登记调解案件</LinkButton>}
      />
      {sp.escalated ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">案件已上报上级调解组织，案件记录已一并移交。</p>
      ) : null}

      <nav aria-label="案件范围">
        <ul className="flex flex-wrap gap-2">
          {MEDIATION_VIEWS.map((v) => (
            <li key={v}>
              <Link
                href={query(v)}
                aria-current={v === view ? "page" : undefined}
                className={
                  "inline-flex min-h-11 items-center rounded-md border px-3 " +
                  (v === view ? "border-primary bg-primary text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-50")
                }
              >
                {VIEW_LABELS[v].label}（{q.counts[v]}）
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action="/staff/mediation" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end">
        <input type="hidden" name="view" value={view} />
        <FilterSelect id="filter-category" name="category" label="纠纷类别" defaultValue={filters.category} options={Object.entries(MEDIATION_CATEGORY_LABELS)} />
        <FilterSelect id="filter-source" name="source" label="案件来源" defaultValue={filters.source} options={Object.entries(MEDIATION_SOURCE_LABELS)} />
        <FilterSelect id="filter-flag" name="flag" label="重点案件" defaultValue={filters.flag} options={FLAG_OPTIONS} all={["", "不限"]} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary">筛选</Button>
          {filtered ? <LinkButton href={`/staff/mediation?view=${view}`} variant="ghost">清除筛选</LinkButton> : null}
        </div>
      </form>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="text-xl font-bold">{VIEW_LABELS[view].label}</h2>
        {q.items.length === 0 ? (
          <EmptyState className="mt-3" headingAs="h3" title="没有案件" description={filtered ? "没有符合筛选条件的案件。" : VIEW_LABELS[view].empty} />
        ) : (
          <ul className="mt-3 space-y-3">
            {q.items.map((i) => (
              <li key={i.number} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/staff/mediation/${i.number}`} className="inline-flex min-h-11 items-center text-lg font-semibold">
                    {i.partiesText} · {i.categoryLabel}
                  </Link>
                  <MediationStatusBadge status={i.status} />
                  <MediationFlags major={i.flags.major} crimeRisk={i.flags.crimeRisk} referral={i.flags.referral} />
                </div>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-[auto_1fr]">
                  <dt>编号</dt>
                  <dd>{i.number}</dd>
                  {view !== "done" ? (
                    <>
                      <dt>下次调解</dt>
                      <dd>{i.nextSession ? <><DateTime value={i.nextSession.at} />，{i.nextSession.placeLabel}：{i.nextSession.place}</> : "尚未安排"}</dd>
                      <dt>调解期限</dt>
                      <dd className="flex flex-wrap items-center gap-2">
                        <DateTime value={i.dueAt} /> <Countdown due={i.dueAt} /> <DueBadge state={i.dueState} />
                        {i.extendedDays ? <Badge>已延长 {i.extendedDays} 个工作日</Badge> : null}
                      </dd>
                    </>
                  ) : (
                    <>
                      <dt>结束时间</dt>
                      <dd>{i.endedAt ? <DateTime value={i.endedAt} /> : "—"}</dd>
                    </>
                  )}
                  <dt>调解员</dt>
                  <dd>{i.mediator?.name ?? "尚未指定"}</dd>
                  {view !== "mine" ? (
                    <>
                      <dt>调解委员会</dt>
                      <dd>{i.committee.name}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        )}
        {q.truncated ? <p className="mt-3 text-slate-700">只显示前 500 件，请用筛选条件缩小范围。</p> : null}
      </section>
    </div>
  );
}
