import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { listOutbox } from "@/lib/notify/queries";
import type { NotificationChannel, NotificationStatus } from "@/lib/generated/prisma/enums";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { DeliverNowForm } from "./_components/deliver-now-form";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "消息发送记录" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim();
const time = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

const CHANNEL_LABELS: Record<NotificationChannel, string> = { IN_APP: "站内消息", SMS: "短信" };
const STATUS: Record<NotificationStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "待发送", tone: "warning" },
  SENT: { label: "已发送", tone: "success" },
  FAILED: { label: "发送失败", tone: "danger" },
};

/**
 * The notification outbox: every in-app message and SMS the portal has queued, newest first. With
 * the development gateway (SMS_GATEWAY unset or "outbox") no SMS leaves the server; this table is
 * where one reads what would have been sent. Phones are masked.
 */
export default async function AdminNotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filters = { channel: one(sp.channel), status: one(sp.status) };
  const cursor = { before: one(sp.before), after: one(sp.after) };
  const query = (extra: Record<string, string>) =>
    new URLSearchParams(Object.entries({ ...filters, ...extra }).filter(([, v]) => v)).toString();
  const href = (extra: Record<string, string>) => `/admin/notifications${query(extra) ? `?${query(extra)}` : ""}`;
  const data = await loadPage(listOutbox, { ...filters, ...cursor }, href(cursor));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-6">
      <PageHeader
        title="消息发送记录（开发环境短信网关）"
        description="系统发出的站内消息和短信都先写入发件箱，后台任务每分钟发送一次。失败的消息会自动重试，5 次后标记为发送失败。"
        actions={
          <BackLink href="/admin">返回管理后台</BackLink>
        }
      />

      <Card title="短信网关" as="section">
        {data.smsGateway === "outbox" ? (
          <p>
            当前为<strong>开发环境网关</strong>：短信只记录在下表中，<strong>不会真正发送</strong>到手机。接入短信服务商后，设置环境变量 SMS_GATEWAY 即可切换。
          </p>
        ) : data.smsGateway ? (
          <p>当前短信网关：{data.smsGateway}</p>
        ) : (
          <p role="alert" className="text-danger">环境变量 SMS_GATEWAY 的值无效，短信无法发送。请检查服务器配置。</p>
        )}
        <p className="mt-2 text-slate-700">
          {filters.channel ? `${CHANNEL_LABELS[filters.channel as NotificationChannel]}：` : ""}
          待发送 <strong className="tabular-nums">{data.counts.PENDING ?? 0}</strong> 条 · 已发送{" "}
          <strong className="tabular-nums">{data.counts.SENT ?? 0}</strong> 条 · 发送失败{" "}
          <strong className="tabular-nums">{data.counts.FAILED ?? 0}</strong> 条
        </p>
        <div className="mt-4">
          <DeliverNowForm />
        </div>
      </Card>

      <form method="get" action="/admin/notifications" role="search" aria-label="筛选消息" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="filter-channel" className="block font-medium">渠道</label>
            <Select id="filter-channel" name="channel" defaultValue={filters.channel}>
              <option value="">全部</option>
              {(Object.keys(CHANNEL_LABELS) as NotificationChannel[]).map((c) => (
                <option key={c} value={c}>{CHANNEL_LABELS[c]}</option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="filter-status" className="block font-medium">状态</label>
            <Select id="filter-status" name="status" defaultValue={filters.status}>
              <option value="">全部</option>
              {(Object.keys(STATUS) as NotificationStatus[]).map((s) => (
                <option key={s} value={s}>{STATUS[s].label}</option>
              ))}
            </Select>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit">查找</Button>
          {filtered ? (
            <Link href="/admin/notifications" className={buttonClassName({ variant: "ghost" })}>
              清除条件
            </Link>
          ) : null}
        </div>
      </form>

      {data.items.length === 0 ? (
        <EmptyState title="没有符合条件的消息" description={filtered ? "请换个条件再查。" : "系统还没有发出过消息。"} />
      ) : (
        <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[56rem] text-left">
            <caption className="sr-only">
              消息发送记录，按时间从新到旧：编号、渠道、接收人（手机号已打码）、内容、状态和尝试次数、创建时间、发送时间
            </caption>
            <thead>
              <tr className="border-b border-slate-300 bg-slate-50">
                <th scope="col" className="px-3 py-2">编号</th>
                <th scope="col" className="px-3 py-2">渠道</th>
                <th scope="col" className="px-3 py-2">接收人</th>
                <th scope="col" className="px-3 py-2">内容</th>
                <th scope="col" className="px-3 py-2">状态</th>
                <th scope="col" className="px-3 py-2">创建时间</th>
                <th scope="col" className="px-3 py-2">发送时间</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((n) => (
                <tr key={n.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-normal tabular-nums">{n.id}</th>
                  <td className="px-3 py-2 whitespace-nowrap">{CHANNEL_LABELS[n.channel]}</td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    {n.recipientPhoneMasked ?? (n.recipientUserId ? `用户 #${n.recipientUserId}` : "—")}
                  </td>
                  <td className="max-w-md px-3 py-2 break-words">
                    {n.body}
                    {n.link ? <span className="block text-sm text-slate-600 break-all">链接：{n.link}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={STATUS[n.status].tone}>{STATUS[n.status].label}</Badge>
                    <span className="block text-sm text-slate-600">尝试 {n.attempts} 次</span>
                    {n.lastError ? <span className="block max-w-48 text-sm break-words text-danger">{n.lastError}</span> : null}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{time(n.createdAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{time(n.sentAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data.newerThan || data.olderThan ? (
        <nav aria-label="分页" className="flex flex-wrap items-center gap-3">
          {data.newerThan ? (
            <Link href={href({ after: String(data.newerThan) })} className={buttonClassName({ variant: "secondary" })}>
              较新的消息
            </Link>
          ) : null}
          {data.olderThan ? (
            <Link href={href({ before: String(data.olderThan) })} className={buttonClassName({ variant: "secondary" })}>
              更早的消息
            </Link>
          ) : null}
          {data.newerThan ? (
            <Link href={href({})} className="inline-flex min-h-11 items-center">
              回到最新
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
