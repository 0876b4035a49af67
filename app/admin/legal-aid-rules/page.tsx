import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { getLegalAidRules } from "@/lib/legal-aid/rules";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { LegalAidRulesForm } from "./_components/legal-aid-rules-form";

export const metadata: Metadata = { title: "法律援助时限设置" };

const UNIT_LABELS: Record<string, string> = { WORKING_DAYS: "个工作日", CALENDAR_DAYS: "个自然日", HOURS: "小时" };

/**
 * 法律援助时限设置: the limits after the application and the 点援制 settings; the decision limit is the
 * LEGAL_AID work-order rule.
 */
export default async function LegalAidRulesPage() {
  const { rule, decision } = await loadPage(getLegalAidRules, {}, "/admin/legal-aid-rules");
  return (
    <div className="space-y-6">
      <PageHeader
        title="法律援助时限设置"
        description="法律援助案件各环节的办理期限，以及点援制（受援人选择律师、律师自主接单）的设置。修改只影响此后开始计算的期限，已经算出的期限不变。工作日扣除法定节假日并计入调休上班日（见工作日历）。"
        actions={<BackLink href="/admin">返回管理后台</BackLink>}
      />
      <section aria-labelledby="decision" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="decision" className="text-lg font-semibold">审查决定期限</h2>
        <p className="mt-1 text-slate-700">
          《法律援助法》第四十三条：法律援助机构应当自收到申请之日起七日内审查，作出是否给予法律援助的决定。
          这一期限就是法律援助申请工单的办理时限，当前为
          <strong className="mx-1">{decision ? `${decision.limitValue} ${UNIT_LABELS[decision.limitUnit]}` : "未设置"}</strong>
          ，补充材料期间暂停计时。
        </p>
        <p className="mt-2">
          <Link href="/admin/work-order-rules" className="inline-flex min-h-11 items-center">在「工单办理规则」中修改审查决定期限</Link>
        </p>
      </section>
      <section aria-labelledby="limits" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="limits" className="text-lg font-semibold">其他环节的期限和点援制设置</h2>
        <LegalAidRulesForm rule={rule} />
        {rule.updatedAt ? (
          <p className="mt-3 text-sm text-slate-600">最近修改：{rule.updatedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</p>
        ) : null}
      </section>
    </div>
  );
}
