import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { listApiClients } from "@/lib/api-clients/manage-api-clients";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateApiClientForm, RevokeApiClientButton } from "./_components/api-client-forms";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "API 客户端" };

const time = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

/** Machine clients of /api/v1 (12348 hotline desk, mobile app, WeChat backend) and their tokens. */
export default async function AdminApiClientsPage() {
  const clients = await loadPage(listApiClients, {}, "/admin/api-clients");
  const active = clients.filter((c) => !c.revokedAt).length;
  return (
    <div className="space-y-6">
      <PageHeader
        title="API 客户端"
        description="热线坐席、移动端和微信端通过访问令牌调用接口，每个客户端以指定角色代表一个网点。"
        actions={
          <BackLink href="/admin">返回管理后台</BackLink>
        }
      />

      <Card title="新建客户端" description="令牌只在创建后显示一次，系统只保存其摘要。" as="section">
        <CreateApiClientForm />
      </Card>

      <section aria-labelledby="clients-title" className="space-y-3">
        <h2 id="clients-title" className="text-xl font-bold">
          已有客户端（有效 {active} 个，共 {clients.length} 个）
        </h2>
        {clients.length === 0 ? (
          <EmptyState headingAs="h3" title="还没有 API 客户端" description="在上方新建后，把令牌交给对接方配置。" />
        ) : (
          <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[52rem] text-left">
              <caption className="sr-only">API 客户端列表：名称、角色、所属网点、令牌前缀、创建和最近使用时间、状态</caption>
              <thead>
                <tr className="border-b border-slate-300 bg-slate-50">
                  <th scope="col" className="px-3 py-2">名称</th>
                  <th scope="col" className="px-3 py-2">角色</th>
                  <th scope="col" className="px-3 py-2">所属网点</th>
                  <th scope="col" className="px-3 py-2">令牌前缀</th>
                  <th scope="col" className="px-3 py-2">创建时间</th>
                  <th scope="col" className="px-3 py-2">最近使用</th>
                  <th scope="col" className="px-3 py-2">状态</th>
                  <th scope="col" className="px-3 py-2">操作</th>
                </tr>
              </thead>
              <tbody>
                {clients.map((c) => (
                  <tr key={c.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">{c.name}</th>
                    <td className="px-3 py-2 whitespace-nowrap">{ROLE_LABELS[c.role]}</td>
                    <td className="px-3 py-0">
                      <Link href={`/admin/organizations/${c.organization.id}`} className="inline-flex min-h-11 items-center">
                        {c.organization.name}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      <code className="font-mono">{c.tokenPrefix}…</code>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{time(c.createdAt)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{time(c.lastUsedAt)}</td>
                    <td className="px-3 py-2">
                      {c.revokedAt ? (
                        <Badge tone="neutral">已吊销</Badge>
                      ) : (
                        <Badge tone="success">有效</Badge>
                      )}
                    </td>
                    <td className="px-3 py-1">
                      {c.revokedAt ? <span className="text-sm text-slate-600">吊销于 {time(c.revokedAt)}</span> : <RevokeApiClientButton id={c.id} name={c.name} />}
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
