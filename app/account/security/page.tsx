import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { getAccountSecurity } from "@/lib/accounts/account-security";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { SCROLL_REGION } from "@/components/ui/scroll-region";
import { ChangePasswordForm } from "./_components/change-password-form";
import { EndSessionButton } from "./_components/end-session-button";
import { TotpSection } from "./_components/totp-section";

export const metadata: Metadata = { title: "账号安全" };

const time = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");
const OUTCOME_TONE: Record<string, BadgeTone> = { 成功: "success", 失败: "warning", 锁定: "danger" };

/** 账号安全: one's own password, signed-in devices, sign-in history and second factor (every role). */
export default async function AccountSecurityPage() {
  const data = await loadPage(getAccountSecurity, {}, "/account/security");
  return (
    <div className="space-y-6">
      <PageHeader
        title="账号安全"
        description={`登录账号：${data.login}。为保护您和群众的信息，${data.idleMinutes} 分钟无操作将自动退出（退出前 2 分钟提醒，可选择继续使用）。`}
      />

      <Card title="修改密码" as="section" description={data.passwordChangedAt ? `上次修改：${time(data.passwordChangedAt)}` : "建议定期修改密码，不要与其他网站使用相同的密码。"}>
        <ChangePasswordForm />
      </Card>

      {data.totp.available ? (
        <Card title="动态验证码（双因素登录）" as="section">
          <TotpSection key={data.totp.enabled ? "on" : "off"} enabled={data.totp.enabled} enabledAt={data.totp.enabledAt ? time(data.totp.enabledAt) : null} pending={data.totp.pending} />
        </Card>
      ) : null}

      <section aria-labelledby="sessions-title" className="space-y-3">
        <h2 id="sessions-title" className="text-xl font-bold">
          已登录的设备（{data.sessions.length} 台）
        </h2>
        <p className="text-slate-700">不认识的设备请立即退出，并修改密码。</p>
        <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[40rem] text-left">
            <caption className="sr-only">已登录的设备：设备、IP 地址、登录时间、最近活动</caption>
            <thead>
              <tr className="border-b border-slate-300 bg-slate-50">
                <th scope="col" className="px-3 py-2">设备</th>
                <th scope="col" className="px-3 py-2">IP 地址</th>
                <th scope="col" className="px-3 py-2">登录时间</th>
                <th scope="col" className="px-3 py-2">最近活动</th>
                <th scope="col" className="px-3 py-2">操作</th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr key={s.handle} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">{s.device}</th>
                  <td className="px-3 py-2">{s.ip ?? "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{time(s.createdAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{time(s.lastSeenAt)}</td>
                  <td className="px-3 py-1">{s.current ? <Badge tone="info">当前设备</Badge> : <EndSessionButton handle={s.handle} device={s.device} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="text-xl font-bold">
          最近的登录记录
        </h2>
        {data.history.length === 0 ? (
          <EmptyState headingAs="h3" title="还没有登录记录" />
        ) : (
          <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[40rem] text-left">
              <caption className="sr-only">最近 {data.history.length} 次登录：时间、结果、说明、IP 地址、设备</caption>
              <thead>
                <tr className="border-b border-slate-300 bg-slate-50">
                  <th scope="col" className="px-3 py-2">时间</th>
                  <th scope="col" className="px-3 py-2">结果</th>
                  <th scope="col" className="px-3 py-2">说明</th>
                  <th scope="col" className="px-3 py-2">IP 地址</th>
                  <th scope="col" className="px-3 py-2">设备</th>
                </tr>
              </thead>
              <tbody>
                {data.history.map((h, i) => (
                  <tr key={i} className="border-b border-slate-100">
                    <td className="px-3 py-2 whitespace-nowrap">{time(h.at)}</td>
                    <td className="px-3 py-2">
                      <Badge tone={OUTCOME_TONE[h.outcome]}>{h.outcome}</Badge>
                    </td>
                    <td className="px-3 py-2">{h.detail ?? "—"}</td>
                    <td className="px-3 py-2">{h.ip ?? "—"}</td>
                    <td className="px-3 py-2">{h.device}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="text-sm text-slate-600">如发现不是您本人的登录，请立即修改密码，并联系系统管理员。</p>
      </section>
    </div>
  );
}
