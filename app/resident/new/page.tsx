import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { PageHeader } from "@/components/ui/page-header";
import { HOTLINE } from "@/components/site/hotline";
import { loadRegionChoices } from "@/components/work-orders/region-choices";
import { SubmitForm } from "./_components/submit-form";

export const metadata: Metadata = { title: "网上咨询/投诉" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const STAFF_ROLES = ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"];

/** 网上咨询/投诉: a signed-in resident's own submission; the order is routed to a service point on save. */
export default async function NewRequestPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const me = await loadPage(getMe, {}, "/resident/new");
  if (me.role !== "RESIDENT") redirect(STAFF_ROLES.includes(me.role) ? "/staff/intake" : "/forbidden");
  const regions = await loadRegionChoices(sp, "/resident/new");
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link href="/resident" className="inline-flex min-h-11 items-center">← 返回我的服务</Link>
      </p>
      <PageHeader
        title="网上咨询/投诉"
        description={
          <>
            写下您遇到的问题，我们会交给离您最近的公共法律服务网点办理，并在办理期限内答复。情况紧急请直接拨打{" "}
            <a href={`tel:${HOTLINE}`}>{HOTLINE}</a>。
          </>
        }
      />
      <SubmitForm regions={regions} />
    </div>
  );
}
