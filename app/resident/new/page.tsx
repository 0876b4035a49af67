import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { getServicePoint } from "@/lib/network/service-point";
import { PageHeader } from "@/components/ui/page-header";
import { HOTLINE } from "@/components/site/hotline";
import { loadRegionChoices } from "@/components/work-orders/region-choices";
import { SubmitForm } from "./_components/submit-form";

export const metadata: Metadata = { title: "网上咨询/投诉" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const STAFF_ROLES = ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"];

/**
 * 网上咨询/投诉: a signed-in resident's own submission; the order is routed to a service point on
 * save, or goes to the point whose page the resident came from (?org=, checked again on the server).
 */
export default async function NewRequestPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  // ?org=<id>: sent from a service point's page (or its QR poster); kept through sign-in.
  const org = typeof sp.org === "string" && sp.org ? sp.org : null;
  const returnTo = org ? `/resident/new?org=${encodeURIComponent(org)}` : "/resident/new";
  const me = await loadPage(getMe, {}, returnTo);
  if (me.role !== "RESIDENT") redirect(STAFF_ROLES.includes(me.role) ? "/staff/intake" : "/forbidden");
  const found = org ? await loadPage(getServicePoint, { id: org }, returnTo) : null;
  // A point that takes no web requests (no consultation or complaints desk) cannot be chosen: routed as usual.
  const point = found?.requestTypes.length ? found : null;
  // The matter's place starts at the point's own village or township; the resident may change it.
  const atPoint = point && sp.county === undefined ? Object.fromEntries(point.regions.map((r) => [r.level.toLowerCase(), r.code])) : {};
  const regions = await loadRegionChoices({ ...sp, ...atPoint }, returnTo);
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link href="/resident" className="inline-flex min-h-11 items-center">← 返回我的服务</Link>
      </p>
      <PageHeader
        title="网上咨询/投诉"
        description={
          <>
            写下您遇到的问题，我们会交给{point ? point.name : "离您最近的公共法律服务网点"}办理，并在办理期限内答复。情况紧急请直接拨打{" "}
            <a href={`tel:${HOTLINE}`}>{HOTLINE}</a>。
          </>
        }
      />
      {found && !point ? (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          {found.name}暂不接收网上咨询，您的问题会交给离您最近的网点办理。
        </p>
      ) : null}
      <SubmitForm regions={regions} servicePoint={point ? { id: point.id, name: point.name, requestTypes: point.requestTypes } : null} />
    </div>
  );
}
