import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { listUsers, USER_LIST_LIMIT } from "@/lib/accounts/manage-users";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/empty-state";
import { SCROLL_REGION } from "@/components/ui/scroll-region";
import { UserAction } from "./_components/user-action";

export const metadata: Metadata = { title: "账号管理" };

const time = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 账号管理: accounts in the admin's scope, their lock and session state, and the 等保 actions on them. */
export default async function AdminUsersPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 40) : "";
  const { users, truncated } = await loadPage(listUsers, { q }, `/admin/users${q ? `?q=${encodeURIComponent(q)}` : ""}`);
  return (
    <div className="space-y-6">
      <PageHeader
        title="账号管理"
        description="查找账号，查看锁定和登录状态；可强制下线、解除锁定、停用或启用账号、重置动态验证码。每项操作都记入审计日志。"
        actions={<BackLink href="/admin">返回管理后台</BackLink>}
      />

      <form method="get" action="/admin/users" role="search" aria-label="查找账号" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="users-q" className="block font-medium">
            姓名、用户名或手机号
          </label>
          <Input id="users-q" name="q" type="search" defaultValue={q} maxLength={40} />
        </div>
        <Button type="submit">查找</Button>
      </form>

      <section aria-labelledby="users-title" className="space-y-3">
        <h2 id="users-title" className="text-xl font-bold">
          {q ? `“${q}”的查找结果` : "账号"}（{users.length}{truncated ? "+" : ""} 个）
        </h2>
        {truncated ? <p className="text-slate-700">只显示前 {USER_LIST_LIMIT} 个，请输入更具体的姓名、用户名或手机号。</p> : null}
        {users.length === 0 ? (
          <EmptyState headingAs="h3" title="没有找到账号" description="请检查输入，或换一个关键词。" />
        ) : (
          <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[64rem] text-left">
              <caption className="sr-only">账号列表：姓名、登录名、角色、状态、已登录设备数、最近登录时间和操作</caption>
              <thead>
                <tr className="border-b border-slate-300 bg-slate-50">
                  <th scope="col" className="px-3 py-2">姓名</th>
                  <th scope="col" className="px-3 py-2">登录名</th>
                  <th scope="col" className="px-3 py-2">角色</th>
                  <th scope="col" className="px-3 py-2">状态</th>
                  <th scope="col" className="px-3 py-2">已登录设备</th>
                  <th scope="col" className="px-3 py-2">最近登录</th>
                  <th scope="col" className="px-3 py-2">操作</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">{u.name}</th>
                    <td className="px-3 py-2">
                      {u.username ? <div>{u.username}</div> : null}
                      {u.phoneMasked ? <div className="text-slate-700">{u.phoneMasked}</div> : null}
                    </td>
                    <td className="px-3 py-2">
                      <ul>
                        {u.roles.map((r, i) => (
                          <li key={i}>
                            {ROLE_LABELS[r.role]}
                            {r.where ? <span className="text-slate-600">（{r.where}）</span> : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap gap-1">
                        {!u.active ? <Badge tone="neutral">已停用</Badge> : u.locked ? <Badge tone="danger">已锁定</Badge> : <Badge tone="success">正常</Badge>}
                        {u.totpEnabled ? <Badge tone="info">动态验证码</Badge> : null}
                      </div>
                      {u.lockedUntil ? <div className="mt-1 text-sm text-slate-700">锁定至 {time(u.lockedUntil)}</div> : null}
                    </td>
                    <td className="px-3 py-2">{u.openSessions}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{time(u.lastSignInAt)}</td>
                    <td className="px-3 py-1">
                      <div className="flex flex-wrap gap-2">
                        {u.openSessions > 0 && !u.self ? <UserAction kind="forceSignOut" userId={u.id} name={u.name} /> : null}
                        {u.locked ? <UserAction kind="unlock" userId={u.id} name={u.name} /> : null}
                        {u.totpEnabled ? <UserAction kind="resetTotp" userId={u.id} name={u.name} /> : null}
                        {u.self ? <span className="text-sm text-slate-600">（本人）</span> : <UserAction kind={u.active ? "deactivate" : "activate"} userId={u.id} name={u.name} />}
                      </div>
                    </td>
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
