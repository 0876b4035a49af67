import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { fieldErrorsOf } from "@/lib/api/use-case";
import { AUDIT_EXPORT_LIMIT, AuditSearchInput, getAuditSearchScope, searchAuditEvents, shanghaiTime } from "@/lib/audit/search";
import { AUDIT_AREAS, AUDIT_RESULT_LABELS, TARGET_TYPE_LABELS, type AuditArea } from "@/lib/audit/labels";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { AuditResult, Role } from "@/lib/generated/prisma/enums";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field } from "@/components/forms/field";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "审计记录" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim();

const FILTER_NAMES = ["from", "to", "actor", "role", "area", "action", "targetType", "targetId", "result", "ip"] as const;
type FilterName = (typeof FILTER_NAMES)[number];

const RESULT_TONES: Record<AuditResult, BadgeTone> = { SUCCESS: "success", DENIED: "danger", FAILED: "warning" };

/**
 * 审计记录: search the audit trail (live and archived events) by period, actor, role, action, target,
 * result and IP; 50 a page, newest first; export the same search as CSV. Every search and export
 * is itself recorded.
 */
export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const typed = Object.fromEntries(FILTER_NAMES.map((k) => [k, one(sp[k])])) as Record<FilterName, string>;
  const cursor = one(sp.cursor);
  const query = (values: Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1])).toString();
  const here = `/admin/audit${query({ ...typed, cursor }) ? `?${query({ ...typed, cursor })}` : ""}`;

  // The scope first: it checks the permission, whether or not the filters are valid.
  const scope = await loadPage(getAuditSearchScope, {}, here);
  const parsed = AuditSearchInput.safeParse({ ...typed, cursor });
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const data = parsed.success ? await loadPage(searchAuditEvents, parsed.data, here) : null;
  // The form shows what was applied (the default period filled in), or what was typed when it was invalid.
  const shown: Record<FilterName, string> = data
    ? (Object.fromEntries(FILTER_NAMES.map((k) => [k, String(data.filters[k] ?? "")])) as Record<FilterName, string>)
    : typed;
  const applied = data ? query(shown) : "";
  const filtered = FILTER_NAMES.some((k) => typed[k]);
  const targetTypes = { ...TARGET_TYPE_LABELS, ...(shown.targetType && !TARGET_TYPE_LABELS[shown.targetType] ? { [shown.targetType]: shown.targetType } : {}) };

  return (
    <div className="space-y-6">
      <PageHeader
        title="审计记录"
        description={`登录（成功和失败）、每一项写操作、查看含个人信息的记录、各类导出和被拒绝的访问都会记入审计记录，记录不能修改或删除。超过留存期的记录转入归档，仍可在这里查到。${scope.region ? `您是${scope.region}的管理员：只能查看本地区账号和服务网点的记录。` : ""}`}
        actions={<BackLink href="/admin">返回管理后台</BackLink>}
      />

      <form method="get" action="/admin/audit" role="search" aria-label="查询审计记录" className="rounded-lg border border-slate-200 bg-white p-4" noValidate>
        {!parsed.success ? (
          <p role="alert" className="mb-4 text-danger">
            查询条件有误，请按提示修改后再查询。
          </p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field name="from" label="开始日期" hint="北京时间；不填则为最近 7 天" errors={errors.from}>
            {(c) => <Input {...c} type="date" defaultValue={shown.from} />}
          </Field>
          <Field name="to" label="结束日期" hint="含当天" errors={errors.to}>
            {(c) => <Input {...c} type="date" defaultValue={shown.to} />}
          </Field>
          <Field name="actor" label="操作人" hint="用户名、手机号，或姓名的一部分" errors={errors.actor}>
            {(c) => <Input {...c} defaultValue={shown.actor} autoComplete="off" />}
          </Field>
          <Field name="role" label="角色" errors={errors.role}>
            {(c) => (
              <Select {...c} defaultValue={shown.role}>
                <option value="">全部</option>
                {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
                  <option key={r} value={r}>{ROLE_LABELS[r]}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field name="area" label="业务类别" errors={errors.area}>
            {(c) => (
              <Select {...c} defaultValue={shown.area}>
                <option value="">全部</option>
                {(Object.keys(AUDIT_AREAS) as AuditArea[]).map((a) => (
                  <option key={a} value={a}>{AUDIT_AREAS[a]}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field name="action" label="操作代码" hint="代码开头即可，例如 auth.signIn、legalAid" errors={errors.action}>
            {(c) => <Input {...c} defaultValue={shown.action} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field name="targetType" label="对象类型" errors={errors.targetType}>
            {(c) => (
              <Select {...c} defaultValue={shown.targetType}>
                <option value="">全部</option>
                {Object.entries(targetTypes).map(([type, label]) => (
                  <option key={type} value={type}>{label}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field name="targetId" label="对象编号" hint="工单编号、用户编号等" errors={errors.targetId}>
            {(c) => <Input {...c} defaultValue={shown.targetId} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field name="result" label="结果" errors={errors.result}>
            {(c) => (
              <Select {...c} defaultValue={shown.result}>
                <option value="">全部</option>
                {(Object.keys(AUDIT_RESULT_LABELS) as AuditResult[]).map((r) => (
                  <option key={r} value={r}>{AUDIT_RESULT_LABELS[r]}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field name="ip" label="IP 地址" hint="可只填开头，例如 10.2." errors={errors.ip}>
            {(c) => <Input {...c} defaultValue={shown.ip} autoComplete="off" spellCheck={false} inputMode="decimal" />}
          </Field>
        </div>
        {errors.cursor ? <p role="alert" className="mt-4 text-danger">{errors.cursor[0]}</p> : null}
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit">查询</Button>
          {filtered || cursor ? (
            <Link href="/admin/audit" className={buttonClassName({ variant: "ghost" })}>
              清除条件
            </Link>
          ) : null}
        </div>
      </form>

      {data ? (
        <section aria-labelledby="results-title" className="space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="results-title" className="text-xl font-bold">
              {data.filters.from} 至 {data.filters.to} 的记录{cursor ? "（续）" : ""}
            </h2>
            {data.items.length ? (
              <a href={`/api/v1/audit/export?${applied}`} download className={buttonClassName({ variant: "secondary" })}>
                导出为 CSV<span className="sr-only">（当前查询条件）</span>
              </a>
            ) : null}
          </div>
          {data.items.length ? (
            <p className="text-slate-600">按时间从新到旧，每页 50 条；导出包含全部符合条件的记录（最多 {AUDIT_EXPORT_LIMIT} 条）。</p>
          ) : null}

          {data.items.length === 0 ? (
            <EmptyState headingAs="h3" title="没有符合条件的记录" description="请调整时间范围或其他条件后再查询。" />
          ) : (
            <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full min-w-[64rem] text-left">
                <caption className="sr-only">审计记录，按时间从新到旧：时间、操作人、所属机构、操作、对象、结果、IP 地址和详情</caption>
                <thead>
                  <tr className="border-b border-slate-300 bg-slate-50">
                    <th scope="col" className="px-3 py-2">时间（北京时间）</th>
                    <th scope="col" className="px-3 py-2">操作人</th>
                    <th scope="col" className="px-3 py-2">所属机构</th>
                    <th scope="col" className="px-3 py-2">操作</th>
                    <th scope="col" className="px-3 py-2">对象</th>
                    <th scope="col" className="px-3 py-2">结果</th>
                    <th scope="col" className="px-3 py-2">IP 地址</th>
                    <th scope="col" className="px-3 py-2">详情</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100 align-top">
                      <th scope="row" className="px-3 py-2 font-normal whitespace-nowrap tabular-nums">
                        {shanghaiTime(e.at)}
                        {e.archived ? (
                          <span className="mt-1 block">
                            <Badge tone="neutral">已归档</Badge>
                          </span>
                        ) : null}
                      </th>
                      <td className="px-3 py-2">
                        {e.actor}
                        {e.roleLabel ? <span className="block text-sm text-slate-600">{e.roleLabel}</span> : null}
                      </td>
                      <td className="px-3 py-2">{e.organization ?? "—"}</td>
                      <td className="px-3 py-2">
                        {e.actionLabel}
                        <code className="block text-sm break-all text-slate-600">{e.action}</code>
                      </td>
                      <td className="px-3 py-2">
                        {e.targetType ? (
                          <>
                            {e.targetTypeLabel} <span className="break-all">{e.targetId}</span>
                            {e.targetName ? <span className="block text-sm text-slate-600">{e.targetName}</span> : null}
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="px-3 py-2">
                        <Badge tone={RESULT_TONES[e.result]}>{e.resultLabel}</Badge>
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap tabular-nums">{e.ip ?? "—"}</td>
                      <td className="px-3 py-2">
                        {e.detail !== null || e.userAgent ? (
                          <details>
                            <summary className="min-h-11 cursor-pointer py-2 text-primary">
                              展开<span className="sr-only">第 {e.id} 号记录的详情</span>
                            </summary>
                            {e.userAgent ? <p className="max-w-xs text-sm break-words text-slate-700">终端：{e.userAgent}</p> : null}
                            {e.detail !== null ? (
                              <pre className="mt-1 max-w-sm overflow-x-auto rounded bg-slate-50 p-2 text-sm whitespace-pre-wrap break-all text-slate-800">
                                {JSON.stringify(e.detail, null, 2)}
                              </pre>
                            ) : null}
                          </details>
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {data.nextCursor || cursor ? (
            <nav aria-label="分页" className="flex flex-wrap items-center gap-3">
              {data.nextCursor ? (
                <Link href={`/admin/audit?${query({ ...shown, cursor: data.nextCursor })}`} className={buttonClassName({ variant: "secondary" })}>
                  下一页（更早的记录）
                </Link>
              ) : null}
              {cursor ? (
                <Link href={`/admin/audit?${applied}`} className="inline-flex min-h-11 items-center">
                  回到第一页
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
