import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { listRegionOptions } from "@/lib/network/region-options";
import { PageHeader } from "@/components/ui/page-header";
import { HOTLINE } from "@/components/site/hotline";
import { EligibilityCheck } from "./_components/eligibility-check";

export const metadata: Metadata = { title: "能不能申请法律援助？" };

/** 法律援助自助评估: a few questions, one per screen; nothing is saved or sent until "现在申请". */
export default async function LegalAidCheckPage() {
  const counties = await loadPage(listRegionOptions, {}, "/legal-aid/check");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="能不能申请法律援助？"
        description={
          <>
            回答几个简单的问题，看看您能不能得到免费的法律援助、要带哪些材料。不用登录，不会保存您填的内容。也可以拨打{" "}
            <a href={`tel:${HOTLINE}`}>{HOTLINE}</a> 问工作人员。
          </>
        }
      />
      <EligibilityCheck counties={counties.map((c) => ({ code: c.code, name: c.name }))} />
    </div>
  );
}
