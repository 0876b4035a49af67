import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { listMyNotifications, MY_NOTIFICATIONS_LIMIT } from "@/lib/notify/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { MarkAllReadForm } from "./_components/mark-all-read-form";

export const metadata: Metadata = { title: "我的消息" };

const time = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" });

/** The signed-in user's in-app messages (工单受理、办结、评价提醒 …), newest first. */
export default async function MyNotificationsPage() {
  const { items, unread } = await loadPage(listMyNotifications, {}, "/notifications");
  return (
    <div className="space-y-6">
      <PageHeader
        title="我的消息"
        description={items.length ? `未读 ${unread} 条。显示最近 ${MY_NOTIFICATIONS_LIMIT} 条消息。` : undefined}
      />
      {items.length === 0 ? (
        <EmptyState title="暂时没有消息" description="您的申请有进展时，我们会在这里通知您。" />
      ) : (
        <>
          <MarkAllReadForm />
          <ol className="space-y-3" aria-label="消息列表，从新到旧">
            {items.map((n) => (
              <li
                key={n.id}
                className={n.readAt ? "rounded-lg border border-slate-200 bg-white p-4" : "rounded-lg border-2 border-primary bg-white p-4"}
              >
                <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  {n.readAt ? null : <Badge tone="info">未读</Badge>}
                  <time dateTime={n.createdAt.toISOString()}>{time(n.createdAt)}</time>
                </div>
                <p className="mt-1 text-lg break-words text-slate-900">{n.body}</p>
                {/* Only links inside the portal: a message never sends the reader elsewhere. */}
                {n.link?.startsWith("/") && !n.link.startsWith("//") ? (
                  <Link href={n.link} className="mt-1 inline-flex min-h-11 items-center">
                    查看详情<span className="sr-only">：{n.body}</span>
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
