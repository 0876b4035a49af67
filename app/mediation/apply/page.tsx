import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { getResidentHome } from "@/lib/accounts/get-resident-home";
import { PageHeader } from "@/components/ui/page-header";
import { HOTLINE } from "@/components/site/hotline";
import { loadRegionChoices } from "@/components/work-orders/region-choices";
import { ApplyForm } from "./_components/apply-form";
import { submitMediation } from "./actions";

export const metadata: Metadata = { title: "申请人民调解" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STAFF_ROLES = ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"];

/** 网上申请人民调解: a signed-in resident applies; the committee's staff register cases at /staff/mediation/new. */
export default async function MediationApplyPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const me = await loadPage(getMe, {}, "/mediation/apply");
  if (me.role !== "RESIDENT") redirect(STAFF_ROLES.includes(me.role) ? "/staff/mediation/new" : "/forbidden");
  const [home, regions] = await Promise.all([
    loadPage(getResidentHome, {}, "/mediation/apply"),
    loadRegionChoices(sp, "/mediation/apply"),
  ]);
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link href="/" className="inline-flex min-h-11 items-center">← 返回首页</Link>
      </p>
      <PageHeader
        title="申请人民调解"
        description={
          <>
            邻里、婚姻家庭、房屋宅基地、合同、损害赔偿等民间纠纷，可以申请由纠纷发生地的人民调解委员会免费调解。调解须双方自愿；
            有疑问请拨打 <a href={`tel:${HOTLINE}`}>{HOTLINE}</a>。
          </>
        }
      />
      <ApplyForm regions={regions} me={{ name: home.name, phoneMasked: home.phoneMasked }} action={submitMediation} />
    </div>
  );
}
