import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { getLawyerWorkspace } from "@/lib/lawyers/get-lawyer-workspace";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "律师工作台" };

export default async function LawyerWorkspacePage() {
  const p = await loadPage(getLawyerWorkspace, {}, "/lawyer");
  return (
    <div className="space-y-6">
      <PageHeader title="律师工作台" description={`${p.firm.name} · ${p.kind === "LAWYER" ? "执业律师" : "基层法律服务工作者"}`} />
      <Card title="我的执业信息" as="section">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">执业证号</dt>
          <dd>{p.licenceNumber}</dd>
          <dt className="text-slate-600">执业年份</dt>
          <dd>{p.practiceSinceYear} 年起（{new Date().getFullYear() - p.practiceSinceYear} 年）</dd>
          <dt className="text-slate-600">擅长领域</dt>
          <dd className="flex flex-wrap gap-1">{p.expertiseLabels.map((l) => <Badge key={l} tone="info">{l}</Badge>)}</dd>
          <dt className="text-slate-600">服务地区</dt>
          <dd>{p.serviceRegions.map((r) => r.name).join("、") || "—"}</dd>
          <dt className="text-slate-600">同时承办援助案件上限</dt>
          <dd>{p.concurrentCaseCap} 件</dd>
          <dt className="text-slate-600">承接法律援助</dt>
          <dd>{p.acceptsLegalAid ? "是" : "否"}</dd>
          <dt className="text-slate-600">律师事务所</dt>
          <dd>{p.firm.name}（{p.firm.region.name}，{p.firm.address}，{p.firm.phone}）</dd>
        </dl>
      </Card>
      <section aria-labelledby="offers">
        <h2 id="offers" className="text-xl font-bold">待接单与承办案件</h2>
        <EmptyState className="mt-3" headingAs="h3" title="目前没有派给您的案件" description="受援人选择您或案件进入抢单池后，会在这里出现。" />
      </section>
    </div>
  );
}
