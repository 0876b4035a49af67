import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { getAdminOverview } from "@/lib/admin/get-admin-overview";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { REGION_LEVEL_LABELS, TIER_SHORT_LABELS } from "@/lib/network/rules";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import type { OrganizationTier, RegionLevel, Role } from "@/lib/generated/prisma/enums";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "管理后台" };

const SECTIONS = [
  { href: "/admin/organizations", title: "服务网点", text: "新建、编辑、移动中心、工作站和工作室" },
  { href: "/admin/regions", title: "行政区划", text: "区划树、常住人口" },
  { href: "/admin/calendar", title: "工作日历", text: "法定节假日和调休上班日" },
  { href: "/admin/users", title: "账号管理", text: "查找账号，强制下线、解除锁定、停用账号、重置动态验证码" },
  { href: "/admin/api-clients", title: "API 客户端", text: "热线、移动端、微信端的访问令牌" },
  { href: "/admin/work-order-rules", title: "工单办理规则", text: "各类事项的受理层级和办理时限" },
  { href: "/admin/hardship-standards", title: "经济困难标准", text: "法律援助经济困难标准（按地区、生效日期）" },
  { href: "/admin/legal-aid-rules", title: "法律援助时限设置", text: "指派、补充材料、异议审查、结案材料的期限" },
  { href: "/admin/notifications", title: "消息发送记录", text: "站内消息与短信（开发环境短信网关）" },
  { href: "/admin/targets", title: "规划指标", text: "各地区年度规划目标，以及经费、法律明白人等填报数据" },
  { href: "/admin/imports", title: "历史数据导入", text: "从表格导入以往的工单、法律援助和人民调解案件" },
  { href: "/admin/audit", title: "审计记录", text: "登录、查看个人信息、导出和各项操作的记录，可查询和导出" },
];

export default async function AdminConsolePage() {
  const o = await loadPage(getAdminOverview, {}, "/admin");
  return (
    <div className="space-y-6">
      <PageHeader title="管理后台" />
      <ul className="grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block min-h-11 rounded-lg border border-slate-200 bg-white p-4 no-underline hover:border-primary">
              <span className="text-lg font-semibold">{s.title}</span>
              <span className="mt-1 block text-slate-600">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="grid gap-4 sm:grid-cols-3">
        <Card title="区划" as="section">
          <ul>
            {(Object.entries(o.regions) as [RegionLevel, number][]).map(([k, v]) => (
              <li key={k}>{REGION_LEVEL_LABELS[k]}：{v}</li>
            ))}
          </ul>
        </Card>
        <Card title="网点" as="section">
          <ul>
            {(Object.entries(o.organizations) as [OrganizationTier, number][]).map(([k, v]) => (
              <li key={k}>{TIER_SHORT_LABELS[k]}：{v}</li>
            ))}
          </ul>
        </Card>
        <Card title="账号角色" as="section">
          <ul>
            {(Object.entries(o.roles) as [Role, number][]).map(([k, v]) => (
              <li key={k}>{ROLE_LABELS[k]}：{v}</li>
            ))}
          </ul>
          <p className="mt-2 text-slate-600">有效 API 客户端 {o.apiClients} 个；日历例外日 {o.calendarDays} 天</p>
        </Card>
      </div>
      <Card title="最近的审计记录" as="section">
        <div {...SCROLL_REGION} className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left">
            <caption className="sr-only">最近 15 条审计记录</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">时间</th>
                <th scope="col" className="py-2 pr-3">操作</th>
                <th scope="col" className="py-2 pr-3">结果</th>
                <th scope="col" className="py-2 pr-3">角色</th>
                <th scope="col" className="py-2">对象</th>
              </tr>
            </thead>
            <tbody>
              {o.recentAudit.map((e) => (
                <tr key={e.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">{new Date(e.at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</td>
                  <td className="py-2 pr-3">{e.action}</td>
                  <td className="py-2 pr-3">{e.resultLabel}</td>
                  <td className="py-2 pr-3">{e.roleLabel ?? "—"}</td>
                  <td className="py-2">{e.targetType ? `${e.targetType} #${e.targetId}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
