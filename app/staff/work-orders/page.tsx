import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { listInbox, listColleagues } from "@/lib/work-orders/queries";
import { CHANNEL_LABELS, STATUS_LABELS, TYPE_LABELS } from "@/lib/work-orders/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/forms/filter-select";
import { Input } from "@/components/ui/input";
import { Checkbox } from "@/components/ui/checkbox";
import { Button, buttonClassName, LinkButton } from "@/components/ui/button";
import { DateTime } from "@/components/work-orders/format";
import { DueBadge } from "@/components/work-orders/due-badge";
import { StatusBadge } from "@/components/work-orders/status-badge";
import { BULK_FORM_ID, BulkAcceptForm } from "./_components/bulk-accept-form";

export const metadata: Metadata = { title: "工单收件箱" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

const FILTER_KEYS = ["status", "type", "channel", "due", "mine", "q"] as const;
type Filters = Record<(typeof FILTER_KEYS)[number], string>;

const query = (filters: Filters, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams(Object.entries({ ...filters, ...extra }).filter(([, v]) => v));
  return params.size ? `?${params}` : "";
};

// Rows become cards on phones (one DOM, so the checkboxes are not doubled); the header row stays
// for screen readers, which still read each cell with its column.
const cell = "max-md:flex max-md:gap-2 max-md:py-0.5 md:px-2 md:py-3 md:align-top";
const cellLabel = "shrink-0 text-slate-600 md:hidden";

/** 工单收件箱: the service point's orders, most urgent first. Filters are a plain GET form. */
export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, one(sp[k])])) as Filters;
  const cursor = one(sp.cursor);
  const returnTo = `/staff/work-orders${query(filters, { cursor })}`;
  const [inbox, colleagues] = await Promise.all([
    loadPage(listInbox, { ...filters, cursor: cursor || undefined }, returnTo),
    loadPage(listColleagues, {}, returnTo),
  ]);
  const acceptable = inbox.items.some((o) => o.status === "NEW" || o.status === "REOPENED");
  const filtered = FILTER_KEYS.some((k) => filters[k]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="工单收件箱"
        description="本网点负责办理的工单，按办理期限由近到远排列。"
        actions={<LinkButton href="/staff/intake">登记来访/来电</LinkButton>}
      />

      <p className="text-lg text-slate-800" data-testid="inbox-counts">
        未办结 <strong>{inbox.counts.open}</strong> 件，其中已超期 <strong className={inbox.counts.overdue ? "text-danger" : undefined}>{inbox.counts.overdue}</strong> 件
        {inbox.counts.overdue && filters.due !== "overdue" ? (
          <>
            {" "}
            <Link href="/staff/work-orders?due=overdue" className="inline-flex min-h-11 items-center">只看已超期</Link>
          </>
        ) : null}
      </p>

      <form method="get" action="/staff/work-orders" role="search" aria-label="筛选工单" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div className="sm:col-span-2 lg:col-span-3">
            <label htmlFor="filter-q" className="block font-medium">搜索</label>
            <Input id="filter-q" name="q" type="search" defaultValue={filters.q} placeholder="编号、姓名或手机号" maxLength={40} />
          </div>
          <FilterSelect id="filter-status" name="status" label="状态" defaultValue={filters.status || "OPEN"} all={["OPEN", "未办结（全部）"]} options={Object.entries(STATUS_LABELS)} />
          <FilterSelect id="filter-type" name="type" label="事项类型" defaultValue={filters.type} options={Object.entries(TYPE_LABELS)} />
          <FilterSelect id="filter-channel" name="channel" label="来源渠道" defaultValue={filters.channel} options={Object.entries(CHANNEL_LABELS)} />
          <FilterSelect id="filter-due" name="due" label="办理期限" defaultValue={filters.due} options={[["soon", "即将到期"], ["overdue", "已超期"]]} />
          <div className="flex min-h-11 items-center gap-3 sm:pt-7">
            <Checkbox id="filter-mine" name="mine" value="1" defaultChecked={filters.mine === "1"} />
            <label htmlFor="filter-mine">只看我的（我承办的工单）</label>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit">筛选</Button>
          {filtered ? (
            <LinkButton href="/staff/work-orders" variant="secondary">清除筛选</LinkButton>
          ) : null}
        </div>
      </form>

      {inbox.items.length === 0 ? (
        <EmptyState
          title={filtered || cursor ? "没有符合条件的工单" : "本网点暂无未办结的工单"}
          description="群众来访或来电时，可以点击「登记来访/来电」录入。"
          action={<LinkButton href="/staff/intake" variant="secondary">登记来访/来电</LinkButton>}
        />
      ) : (
        <section aria-labelledby="list-heading" className="space-y-3">
          <h2 id="list-heading" className="text-xl font-bold">工单（本页 {inbox.items.length} 件）</h2>
          <BulkAcceptForm enabled={acceptable} colleagues={colleagues} />
          <table aria-label="工单列表" className="w-full text-left max-md:block">
            <caption className="sr-only">工单列表，按办理期限由近到远排列</caption>
            <thead className="max-md:sr-only">
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-2 py-2"><span className="sr-only">选择</span></th>
                <th scope="col" className="px-2 py-2">编号与事项</th>
                <th scope="col" className="px-2 py-2">类型与渠道</th>
                <th scope="col" className="px-2 py-2">群众</th>
                <th scope="col" className="px-2 py-2">地区</th>
                <th scope="col" className="px-2 py-2">办理期限</th>
                <th scope="col" className="px-2 py-2">状态</th>
              </tr>
            </thead>
            <tbody className="max-md:block max-md:space-y-3">
              {inbox.items.map((o) => {
                const canAccept = o.status === "NEW" || o.status === "REOPENED";
                return (
                  <tr key={o.number} className="border-b border-slate-200 max-md:block max-md:rounded-lg max-md:border max-md:bg-white max-md:p-3 md:bg-white">
                    <td className={`${cell} max-md:float-right`}>
                      {canAccept ? (
                        <label className="inline-flex size-11 cursor-pointer items-center justify-center">
                          <Checkbox form={BULK_FORM_ID} name="numbers" value={o.number} />
                          <span className="sr-only">选择工单 {o.number}</span>
                        </label>
                      ) : null}
                    </td>
                    <td className={cell}>
                      <span className="max-md:block">
                        <Link href={`/staff/work-orders/${o.number}`} className="inline-flex min-h-11 items-center font-medium md:min-h-0">
                          {o.number}
                        </Link>
                        <span className="block text-slate-900">{o.subject}</span>
                      </span>
                    </td>
                    <td className={cell}>
                      <span className={cellLabel} aria-hidden="true">类型：</span>
                      <span>
                        {TYPE_LABELS[o.type]}
                        <span className="block text-sm text-slate-600">{CHANNEL_LABELS[o.channel]}</span>
                      </span>
                    </td>
                    <td className={cell}>
                      <span className={cellLabel} aria-hidden="true">群众：</span>
                      <span>
                        {o.requesterName}
                        <span className="block text-sm text-slate-600">{o.requesterPhone}</span>
                      </span>
                    </td>
                    <td className={cell}>
                      <span className={cellLabel} aria-hidden="true">地区：</span>
                      {o.region.name}
                    </td>
                    <td className={cell}>
                      <span className={cellLabel} aria-hidden="true">期限：</span>
                      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <DateTime value={o.dueAt} />
                        <DueBadge state={o.dueState} />
                      </span>
                    </td>
                    <td className={cell}>
                      <span className={cellLabel} aria-hidden="true">状态：</span>
                      <span className="flex flex-wrap items-center gap-2">
                        <StatusBadge status={o.status} />
                        {o.mine ? <span className="text-sm text-slate-700">我承办</span> : null}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      <nav aria-label="分页" className="flex flex-wrap gap-3">
        {cursor ? (
          <Link href={`/staff/work-orders${query(filters)}`} className={buttonClassName({ variant: "secondary" })}>
            回到第一页
          </Link>
        ) : null}
        {inbox.nextCursor ? (
          <Link href={`/staff/work-orders${query(filters, { cursor: inbox.nextCursor })}`} className={buttonClassName({ variant: "primary" })}>
            下一页
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
