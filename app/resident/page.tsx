import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { getResidentHome } from "@/lib/accounts/get-resident-home";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { HOTLINE } from "@/components/site/hotline";

export const metadata: Metadata = { title: "我的服务" };

const fmt = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" }) : "—");

export default async function ResidentHomePage() {
  const me = await loadPage(getResidentHome, {}, "/resident");
  return (
    <div className="space-y-6">
      <PageHeader title={`${me.name}，您好`} description="在这里查看您的申请和办理进度。" />
      <Card title="我的账号" as="section">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">登录手机号</dt>
          <dd>{me.phoneMasked ?? "—"}</dd>
          <dt className="text-slate-600">身份证号</dt>
          <dd>{me.idNumberMasked ?? "未填写"}</dd>
          <dt className="text-slate-600">注册时间</dt>
          <dd>{fmt(me.registeredAt)}</dd>
          <dt className="text-slate-600">上次登录</dt>
          <dd>{fmt(me.lastSignInAt)}</dd>
        </dl>
      </Card>
      <section aria-labelledby="my-requests">
        <h2 id="my-requests" className="text-xl font-bold">我的申请</h2>
        <EmptyState
          className="mt-3"
          headingAs="h3"
          title="您还没有提交过申请"
          description={`需要法律咨询、法律援助或调解，可以到身边的服务网点办理，或拨打 ${HOTLINE}。`}
          action={<LinkButton href="/service-points">找身边的服务网点</LinkButton>}
        />
      </section>
    </div>
  );
}
