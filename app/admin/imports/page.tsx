import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { getImportBatch, listImportBatches } from "@/lib/imports/run-import";
import { KIND_LABELS, KIND_ORDER } from "@/lib/imports/columns";
import { MAX_ROWS } from "@/lib/imports/read-file";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ImportForm } from "./_components/import-form";
import { ImportReportTable } from "./_components/import-report";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "历史数据导入" };

const time = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" });
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * 历史数据导入: templates, the upload (server action), the batches so far, and one batch's report
 * (`?batch=`) — e.g. for a file an automated client sent through POST /api/v1/imports.
 */
export default async function AdminImportsPage({ searchParams }: { searchParams: Promise<{ batch?: string | string[] }> }) {
  const batchId = one((await searchParams).batch);
  const batches = await loadPage(listImportBatches, {}, "/admin/imports");
  const batch = batchId ? await loadPage(getImportBatch, { id: batchId }, `/admin/imports?batch=${batchId}`) : null;

  return (
    <div className="space-y-8">
      <PageHeader
        title="历史数据导入"
        description={`把以往在表格中登记的工单、法律援助案件、人民调解案件导入系统，导入后与系统中登记的记录一样计入各项指标。每个文件最多 ${MAX_ROWS} 行；任何一行不符合要求时整个文件都不导入，并列出每一行的问题；同一地区、同一来源编号的记录再次导入时跳过，不会重复。`}
        actions={<BackLink href="/admin">返回管理后台</BackLink>}
      />

      <Card as="section" title="下载模板" description="模板的第一行是表头，第二行是示例（导入前请删除）；Excel 模板另有“填写说明”工作表。各列的说明也见 README“历史数据导入”。">
        <ul className="grid gap-3 sm:grid-cols-3">
          {KIND_ORDER.map((kind) => (
            <li key={kind} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium">{KIND_LABELS[kind]}</p>
              <p className="mt-1 flex flex-wrap gap-x-4">
                <a href={`/api/v1/imports/templates/${kind}?format=xlsx`} download className="inline-flex min-h-11 items-center">
                  Excel 模板<span className="sr-only">（{KIND_LABELS[kind]}）</span>
                </a>
                <a href={`/api/v1/imports/templates/${kind}?format=csv`} download className="inline-flex min-h-11 items-center">
                  CSV 模板<span className="sr-only">（{KIND_LABELS[kind]}）</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      </Card>

      <Card as="section" title="导入文件">
        <ImportForm kinds={KIND_ORDER.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
      </Card>

      {batch ? (
        <section aria-labelledby="batch-title" className="space-y-3">
          <h2 id="batch-title" className="text-xl font-bold">
            批次 {batch.id}：{batch.fileName}
          </h2>
          <p>
            {KIND_LABELS[batch.kind]}，{time(batch.createdAt)}，{batch.createdBy}。共 {batch.totalRows} 行，
            {batch.status === "APPLIED" ? `新导入 ${batch.importedRows} 行，跳过 ${batch.skippedRows} 行。` : `${batch.rejectedRows} 行不符合要求，整个文件未导入。`}
          </p>
          {batch.report.length ? <ImportReportTable report={batch.report} caption={`批次 ${batch.id} 未通过校验的行`} /> : null}
        </section>
      ) : null}

      <section aria-labelledby="batches-title" className="space-y-3">
        <h2 id="batches-title" className="text-xl font-bold">导入记录</h2>
        {batches.length === 0 ? (
          <EmptyState headingAs="h3" title="还没有导入过文件" />
        ) : (
          <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[48rem] text-left">
              <caption className="sr-only">最近 50 个导入批次：时间、类型、文件、结果、行数、操作人</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">批次</th>
                  <th scope="col" className="px-3 py-2">时间</th>
                  <th scope="col" className="px-3 py-2">类型</th>
                  <th scope="col" className="px-3 py-2">文件</th>
                  <th scope="col" className="px-3 py-2">结果</th>
                  <th scope="col" className="px-3 py-2 text-right">总行数</th>
                  <th scope="col" className="px-3 py-2 text-right">导入</th>
                  <th scope="col" className="px-3 py-2 text-right">跳过</th>
                  <th scope="col" className="px-3 py-2 text-right">未通过</th>
                  <th scope="col" className="px-3 py-2">操作人</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link href={`/admin/imports?batch=${b.id}#batch-title`} className="inline-flex min-h-11 items-center">
                        {b.id}<span className="sr-only">（查看批次详情）</span>
                      </Link>
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">{time(b.createdAt)}</td>
                    <td className="px-3 py-2">{KIND_LABELS[b.kind]}</td>
                    <td className="px-3 py-2 break-all">{b.fileName}</td>
                    <td className="px-3 py-2">
                      {b.status === "APPLIED" ? <Badge tone="success">已导入</Badge> : <Badge tone="danger">未导入</Badge>}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{b.totalRows}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{b.importedRows}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{b.skippedRows}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{b.rejectedRows}</td>
                    <td className="px-3 py-2">{b.createdBy}</td>
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
