import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { listCalendarYear } from "@/lib/calendar/manage-calendar";
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from "@/lib/calendar/schemas";
import { dayOfWeek, shanghaiDate } from "@/lib/calendar/working-days";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { RemoveDayButton, SetDayForm } from "./_components/calendar-forms";
import { KIND_LABELS } from "./_components/kind-labels";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "工作日历" };

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
const cellLink = "inline-flex min-h-11 items-center";

/** One year's holidays and make-up days (`?year=`, default the current year in Shanghai). */
export default async function AdminCalendarPage({ searchParams }: { searchParams: Promise<{ year?: string | string[] }> }) {
  const raw = (await searchParams).year;
  const yearParam = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
  const year = yearParam ? Number(yearParam) : thisYear;
  const days = await loadPage(listCalendarYear, { year: yearParam || thisYear }, `/admin/calendar${yearParam ? `?year=${encodeURIComponent(yearParam)}` : ""}`);
  const holidays = days.filter((d) => d.kind === "HOLIDAY").length;
  const workdays = days.length - holidays;

  return (
    <div className="space-y-6">
      <PageHeader
        title="工作日历"
        description={`${year} 年法定节假日和调休上班日`}
        actions={
          <BackLink href="/admin">返回管理后台</BackLink>
        }
      />
      <p className="rounded-lg border border-blue-200 bg-primary-soft p-4 text-slate-800">
        办理期限按工作日计算：星期一至星期五为工作日，但下表所列法定节假日除外，所列星期六、星期日调休上班日也算工作日。
        国务院办公厅公布 {thisYear + 1} 年放假安排（通常在 11 月）后，须在此录入，否则 {thisYear + 1} 年的期限只会按星期一至星期五计算。
      </p>

      <nav aria-label="选择年份" className="flex flex-wrap items-end gap-3">
        {year > CALENDAR_MIN_YEAR ? (
          <Link href={`/admin/calendar?year=${year - 1}`} className={buttonClassName({ variant: "secondary" })}>
            上一年（{year - 1}）
          </Link>
        ) : null}
        <form method="get" action="/admin/calendar" className="flex items-end gap-2">
          <div>
            <label htmlFor="calendar-year" className="block font-medium">年份</label>
            <Input id="calendar-year" name="year" type="number" inputMode="numeric" min={CALENDAR_MIN_YEAR} max={CALENDAR_MAX_YEAR} defaultValue={year} className="w-32" />
          </div>
          <Button type="submit" variant="secondary">查看</Button>
        </form>
        {year < CALENDAR_MAX_YEAR ? (
          <Link href={`/admin/calendar?year=${year + 1}`} className={buttonClassName({ variant: "secondary" })}>
            下一年（{year + 1}）
          </Link>
        ) : null}
      </nav>

      <section aria-labelledby="days-title" className="space-y-3">
        <h2 id="days-title" className="text-xl font-bold">
          {year} 年的例外日期
        </h2>
        {days.length === 0 ? (
          <EmptyState
            headingAs="h3"
            title={`尚未录入 ${year} 年的放假安排`}
            description="国务院办公厅公布放假安排后，请在下方逐日录入法定节假日和调休上班日。"
          />
        ) : (
          <>
            <p className="text-slate-700">
              共 {days.length} 天：{KIND_LABELS.HOLIDAY} {holidays} 天，{KIND_LABELS.WORKDAY} {workdays} 天。
            </p>
            <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left">
                <caption className="sr-only">{year} 年法定节假日和调休上班日：日期、安排（类别和名称）、操作</caption>
                <thead>
                  <tr className="border-b border-slate-300 bg-slate-50">
                    <th scope="col" className="px-3 py-2">日期</th>
                    <th scope="col" className="px-3 py-2">安排</th>
                    <th scope="col" className="px-3 py-2">操作</th>
                  </tr>
                </thead>
                <tbody>
                  {days.map((d) => (
                    <tr key={d.date} className="border-b border-slate-100 align-top">
                      <th scope="row" className="px-3 py-2 font-normal whitespace-nowrap">
                        <span className="tabular-nums">{d.date}</span>
                        <span className="block text-sm text-slate-600">{WEEKDAYS[dayOfWeek(d.date)]}</span>
                      </th>
                      <td className="px-3 py-2">
                        <Badge tone={d.kind === "HOLIDAY" ? "danger" : "info"}>{KIND_LABELS[d.kind]}</Badge>
                        <span className="block">{d.name}</span>
                      </td>
                      <td className="px-3 py-1">
                        <RemoveDayButton date={d.date} name={d.name} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <Card title="添加或替换一天" description="调休上班日只能是星期六或星期日。" as="section">
        <SetDayForm key={year} year={year} />
      </Card>
    </div>
  );
}
