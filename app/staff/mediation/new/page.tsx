import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { PageHeader } from "@/components/ui/page-header";
import { loadRegionChoices } from "@/components/work-orders/region-choices";
import { RegisterForm } from "./_components/register-form";
import { registerCase } from "./actions";

export const metadata: Metadata = { title: "登记调解案件" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Staff and mediators at any tier register a walk-in, a proactive case (主动排查) or a referral. */
export default async function RegisterMediationPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const me = await loadPage(getMe, {}, "/staff/mediation/new");
  // Residents apply for themselves; the use case refuses them here anyway.
  if (me.role === "RESIDENT") redirect("/mediation/apply");
  if (!["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"].includes(me.role)) redirect("/forbidden");
  const regions = await loadRegionChoices(sp, "/staff/mediation/new", me.region?.code?.slice(0, 6).padEnd(12, "0"));
  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link href="/staff" className="inline-flex min-h-11 items-center">← 返回工作台</Link>
      </p>
      <PageHeader
        title="登记调解案件"
        description="当事人来访申请、排查发现的纠纷（主动调解）和法院、公安、信访部门委派或移送的纠纷，都在这里登记。调解期限按工作日计算，一般一个月内调结。"
      />
      <RegisterForm regions={regions} action={registerCase} />
    </div>
  );
}
