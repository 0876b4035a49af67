import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { PageHeader } from "@/components/ui/page-header";
import { loadRegionChoices } from "@/components/work-orders/region-choices";
import { ApplicationForm } from "@/app/legal-aid/apply/_components/application-form";
import { takeIn } from "./actions";

export const metadata: Metadata = { title: "代为登记法律援助申请" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Staff at any tier register a walk-in or hotline applicant; the deciding county centre reviews it. */
export default async function StaffLegalAidIntakePage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const me = await loadPage(getMe, {}, "/staff/legal-aid/new");
  // Residents apply for themselves; the action refuses them here anyway, the page just sends them there.
  if (me.role === "RESIDENT") redirect("/legal-aid/apply");
  if (!["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"].includes(me.role)) redirect("/forbidden");
  const regions = await loadRegionChoices(sp, "/staff/legal-aid/new", me.region?.code?.slice(0, 6).padEnd(12, "0"));
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link href="/staff" className="inline-flex min-h-11 items-center">← 返回工作台</Link>
      </p>
      <PageHeader
        title="代为登记法律援助申请"
        description="窗口来访或电话申请的，由首问网点登记；系统交给作出决定的县级中心在 7 个工作日内审查。"
      />
      <ApplicationForm regions={regions} me={{ name: "" }} action={takeIn} staff />
    </div>
  );
}
