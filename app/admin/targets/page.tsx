import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { formatTargetValue, listFigures, listTargets, MANUAL_FIGURES, TARGET_CHOICE_GROUPS } from "@/lib/stats/targets";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { REGION_LEVEL_LABELS } from "@/lib/network/rules";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { TargetProgress } from "@/components/stats/target-progress";
import { EditTargetForm, FigureForm, RemoveFigureForm, RemoveTargetForm, TargetForm } from "./_components/target-forms";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "规划指标" };

const FIRST_YEAR = 2020;
const LAST_YEAR = 2035;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * 规划指标: a region's targets for a year (`?region=&year=`, default the first city or county in
 * the admin's scope and the current year), the figures the system cannot count, and the progress.
 */
export default async function AdminTargetsPage({ searchParams }: { searchParams: Promise<{ region?: string | string[]; year?: string | string[] }> }) {
  const params = await searchParams;
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
  const asked = Number(one(params.year));
  // an out-of-range year in the address falls back to this year rather than a 404
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= LAST_YEAR ? asked : thisYear;
  const { targets, regions } = await loadPage(listTargets, { year }, "/admin/targets");
  const region = regions.find((r) => r.code === one(params.region)) ?? regions[0];

  if (!region) {
    return (
      <div className="space-y-6">
        <PageHeader title="规划指标" actions={<BackLink href="/admin">返回管理后台</BackLink>} />
        <EmptyState title="还没有市或县（市、区）区划" description="请先在“行政区划”中建立区划，再设置规划指标。" />
      </div>
    );
  }
  const returnTo = `/admin/targets?region=${region.code}&year=${year}`;
  const figures = await loadPage(listFigures, { regionCode: region.code, year }, returnTo);
  const rows = targets.filter((t) => t.regionCode === region.code);
  const scope = { regionCode: region.code, regionName: region.name, year };
  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

  return (
    <div className="space-y-8">
      <PageHeader
        title="规划指标"
        description="按地区和年度设置规划目标（如“十四五”规划指标表），并填报经费、法律明白人等系统无法统计的数据；完成情况按指标口径从业务记录计算。"
        actions={<BackLink href="/admin">返回管理后台</BackLink>}
      />

      <form method="get" action="/admin/targets" aria-label="选择地区和年度" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="targets-region" className="block font-medium">地区</label>
          <Select id="targets-region" name="region" defaultValue={region.code} className="w-64">
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {`${r.level === "COUNTY" ? "　" : ""}${r.name}（${REGION_LEVEL_LABELS[r.level]}）`}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="targets-year" className="block font-medium">年度</label>
          <Select id="targets-year" name="year" defaultValue={String(year)} className="w-32">
            {years.map((y) => (
              <option key={y} value={y}>
                {y} 年
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">查看</Button>
      </form>

      <section aria-labelledby="targets-title" className="space-y-3">
        <h2 id="targets-title" className="text-xl font-bold">
          {region.name} {year} 年规划目标
        </h2>
        {rows.length === 0 ? (
          <EmptyState headingAs="h3" title={`尚未设置 ${region.name} ${year} 年的规划目标`} description="在下方选择指标并填写目标值。" />
        ) : (
          <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[40rem] text-left">
              <caption className="sr-only">{region.name} {year} 年规划目标：指标、目标值、来源、操作</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">指标</th>
                  <th scope="col" className="px-3 py-2">目标值</th>
                  <th scope="col" className="px-3 py-2">来源</th>
                  <th scope="col" className="px-3 py-2">操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((t) => (
                  <tr key={t.id} className="border-t border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">{t.name}</th>
                    <td className="px-3 py-2 tabular-nums whitespace-nowrap">{formatTargetValue(t.indicatorId, t.target)}</td>
                    <td className="px-3 py-2">{t.source ?? "—"}</td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap items-start gap-3">
                        <EditTargetForm id={t.id} indicatorId={t.indicatorId} name={t.name} target={t.target} source={t.source} scope={scope} />
                        <RemoveTargetForm id={t.id} label={`${region.name} ${year} 年“${t.name}”的目标`} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <Card as="section" title="新增规划目标" description={`为 ${region.name} ${year} 年设置；同一指标已有目标的，保存后替换原目标。`}>
        <TargetForm key={`${region.code}-${year}`} scope={scope} groups={TARGET_CHOICE_GROUPS.map((g) => ({ label: g.label, options: [...g.options] }))} />
      </Card>

      <section aria-labelledby="figures-title" className="space-y-3">
        <h2 id="figures-title" className="text-xl font-bold">
          {region.name} {year} 年填报数据
        </h2>
        <p className="text-slate-600">统计期截止日期在 {year} 年内的填报数据；同一项目取截止日期最近的一期作为实际值。</p>
        {figures.length === 0 ? (
          <EmptyState headingAs="h3" title="暂无填报数据" />
        ) : (
          <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[40rem] text-left">
              <caption className="sr-only">{region.name} {year} 年填报数据：项目、统计期、数值、来源、操作</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">项目</th>
                  <th scope="col" className="px-3 py-2">统计期</th>
                  <th scope="col" className="px-3 py-2">数值</th>
                  <th scope="col" className="px-3 py-2">来源</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">操作</span></th>
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => (
                  <tr key={f.id} className="border-t border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">{f.name}</th>
                    <td className="px-3 py-2 tabular-nums whitespace-nowrap">{f.periodStart} 至 {f.periodEnd}</td>
                    <td className="px-3 py-2 tabular-nums whitespace-nowrap">{formatTargetValue(f.key, f.value)}</td>
                    <td className="px-3 py-2">{f.source}</td>
                    <td className="px-3 py-2">
                      <RemoveFigureForm id={f.id} label={`${f.name} ${f.periodStart} 至 ${f.periodEnd} 的填报数据`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Card as="section" titleAs="h3" title="填报数据" description="同一项目、同一统计期已有数据的，保存后更正原数据。">
          <FigureForm
            key={`${region.code}-${year}`}
            scope={scope}
            choices={MANUAL_FIGURES.map((f) => ({ id: f.key, label: `${f.name}（${f.unit}）`, description: f.description }))}
          />
        </Card>
      </section>

      <TargetProgress regionCode={region.code} year={year} returnTo={returnTo} />
    </div>
  );
}
