import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { getLegalAidDraft } from "@/lib/legal-aid/drafts";
import { listChoiceOptions } from "@/lib/legal-aid/choice";
import { PageHeader } from "@/components/ui/page-header";
import { HOTLINE } from "@/components/site/hotline";
import { loadRegionChoices } from "@/components/work-orders/region-choices";
import { ResidentApplication } from "./_components/resident-application";

export const metadata: Metadata = { title: "申请法律援助" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The region picker's ?county=&township=&village= for a saved region code (county 6 digits, township 9, village 12). */
function regionParams(code: string | undefined) {
  if (!code || !/^\d{12}$/.test(code)) return {};
  return {
    county: `${code.slice(0, 6)}000000`,
    township: code.slice(6, 9) === "000" ? "" : `${code.slice(0, 9)}000`,
    village: code.slice(9) === "000" ? "" : code,
  };
}

/** 网上申请法律援助: a signed-in resident applies (or continues a saved draft); staff use /staff/legal-aid/new. */
export default async function ApplyPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const me = await loadPage(getMe, {}, "/legal-aid/apply");
  if (me.role !== "RESIDENT") redirect(["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"].includes(me.role) ? "/staff/legal-aid/new" : "/forbidden");
  const draft = await loadPage(getLegalAidDraft, {}, "/legal-aid/apply");
  const choices = await loadPage(listChoiceOptions, {}, "/legal-aid/apply");
  // The draft's region fills the picker unless the page's URL already chose one.
  const chosen = sp.county !== undefined || sp.township !== undefined || sp.village !== undefined;
  const regions = await loadRegionChoices(chosen ? sp : { ...sp, ...regionParams(draft?.["applicant.regionCode"]) }, "/legal-aid/apply");
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
      <ResidentApplication regions={regions} me={{ name: me.name }} draft={draft} choices={choices} />
    </div>
  );
}
