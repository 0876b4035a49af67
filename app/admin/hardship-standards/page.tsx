import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { listHardshipStandards } from "@/lib/legal-aid/hardship-standards";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RemoveStandardForm, StandardForm } from "./_components/standard-forms";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "经济困难标准" };

const STATUS_LABELS = { IN_FORCE: "现行", FUTURE: "尚未生效", SUPERSEDED: "已被替代" } as const;
const yuan = (n: number) => `${n.toLocaleString("zh-CN")} 元`;

/**
 * 法律援助经济困难标准 per region and effective date (法律援助法第三十四条). The self-check and the
 * application review use the newest standard in force on the region or its nearest ancestor.
 */
export default async function HardshipStandardsPage() {
  const { standards, regions } = await loadPage(listHardshipStandards, {}, "/admin/hardship-standards");
  return (
    <div className="space-y-6">
      <PageHeader
        title="法律援助经济困难标准"
        description="按地区和生效日期设置。某地区没有单独设置的，使用上级地区的标准；同一地区以已生效的最新标准为准。"
        actions={
          <BackLink href="/admin">返回管理后台</BackLink>
        }
      />
      <section aria-labelledby="standards-title" className="space-y-3">
        <h2 id="standards-title" className="text-xl font-semibold">
          已设置的标准
        </h2>
        {standards.length === 0 ? (
          <EmptyState headingAs="h3" title="还没有设置经济困难标准" />
        ) : (
          <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left">
              <caption className="sr-only">经济困难标准列表</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">地区</th>
                  <th scope="col" className="px-3 py-2">每人每月</th>
                  <th scope="col" className="px-3 py-2">生效日期</th>
                  <th scope="col" className="px-3 py-2">状态</th>
                  <th scope="col" className="px-3 py-2">依据</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">操作</span></th>
                </tr>
              </thead>
              <tbody>
                {standards.map((s) => (
                  <tr key={s.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2">
                      {s.regionName}
                      <span className="block text-sm tabular-nums text-slate-600">{s.regionCode}</span>
                    </td>
                    <td className="px-3 py-2 tabular-nums">{yuan(s.amount)}</td>
                    <td className="px-3 py-2 tabular-nums">{s.effectiveFrom}</td>
                    <td className="px-3 py-2">{STATUS_LABELS[s.status]}</td>
                    <td className="px-3 py-2">{s.basis}</td>
                    <td className="px-3 py-2">
                      <RemoveStandardForm id={s.id} label={`${s.regionName} ${s.effectiveFrom} 起的标准`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Card as="section" title="新增或替换标准" description="同一地区、同一生效日期已有标准的，保存后替换原标准。">
        <StandardForm regions={regions} />
      </Card>
    </div>
  );
}
