import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { PageHeader } from "@/components/ui/page-header";
import { HOTLINE } from "@/components/site/hotline";
import { loadRegionChoices } from "@/components/work-orders/region-choices";
import { ApplicationForm } from "./_components/application-form";
import { submitApplication } from "./actions";

export const metadata: Metadata = { title: "申请法律援助" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 网上申请法律援助: a signed-in resident applies; staff take in walk-ins through the API or (later) their own form. */
export default async function ApplyPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const me = await loadPage(getMe, {}, "/legal-aid/apply");
  if (me.role !== "RESIDENT") redirect(["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"].includes(me.role) ? "/staff/legal-aid/new" : "/forbidden");
  const regions = await loadRegionChoices(sp, "/legal-aid/apply");
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link href="/legal-aid/check" className="inline-flex min-h-11 items-center">← 先看看能不能申请</Link>
      </p>
      <PageHeader
        title="申请法律援助"
        description={
          <>
            提交后由县级公共法律服务中心在 7 个工作日内审查决定。材料不齐的，工作人员会一次性告诉您需要补充什么。有疑问请拨打{" "}
            <a href={`tel:${HOTLINE}`}>{HOTLINE}</a>。
          </>
        }
      />
      <ApplicationForm regions={regions} me={{ name: me.name }} action={submitApplication} />
    </div>
  );
}
