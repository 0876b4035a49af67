import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { listTypeRules } from "@/lib/work-orders/type-rules";
import { TYPE_LABELS } from "@/lib/work-orders/labels";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { TypeRuleForm } from "./_components/type-rule-form";
import { OverdueCheckForm } from "./_components/overdue-check-form";

export const metadata: Metadata = { title: "工单办理规则" };

export default async function WorkOrderRulesPage() {
  const rules = await loadPage(listTypeRules, {}, "/admin/work-order-rules");
  return (
    <div className="space-y-6">
      <PageHeader
        title="工单办理规则"
        description="每类事项由哪一层级受理、办理时限多长（按工作日或小时计算，工作日扣除法定节假日并计入调休上班日），以及到期前多久提醒。"
        actions={<BackLink href="/admin">返回管理后台</BackLink>}
      />
      <section aria-labelledby="overdue" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="overdue" className="text-lg font-semibold">超期自动上报</h2>
        <p className="mt-1 text-slate-700">系统每 5 分钟检查一次：未办结且已超过办理时限的工单（暂停计时的除外）自动上报上级网点一次，并通知承办人和上级网点工作人员。</p>
        <OverdueCheckForm />
      </section>
      <ul className="space-y-4">
        {rules.map((r) => (
          <li key={r.type} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold">{TYPE_LABELS[r.type]}</h2>
            <TypeRuleForm rule={r} />
          </li>
        ))}
      </ul>
    </div>
  );
}
