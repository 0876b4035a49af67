import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { WorkOrderChannel } from "@/lib/generated/prisma/enums";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { PageHeader } from "@/components/ui/page-header";
import { countyOf, loadRegionChoices } from "@/components/work-orders/region-choices";
import { IntakeArea } from "./_components/intake-form";
import { INTAKE_CHANNELS } from "./_components/channels";

export const metadata: Metadata = { title: "登记来访/来电" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const STAFF_ROLES = ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"];

/** 登记来访/来电: the quick entry for a walk-in or a 12348 call; the order is routed on save. */
export default async function IntakePage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const me = await loadPage(getMe, {}, "/staff/intake");
  if (!STAFF_ROLES.includes(me.role)) redirect("/forbidden");
  // The staff's own county is the likeliest place of the matter.
  const regions = await loadRegionChoices(sp, "/staff/intake", me.region ? countyOf(me.region.code) : undefined);
  const asked = one(sp.channel) as WorkOrderChannel;
  const defaultChannel: WorkOrderChannel = INTAKE_CHANNELS.includes(asked)
    ? asked
    : me.organization?.tier === "CENTRE" ? "HOTLINE_12348" : "WALK_IN";

  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link href="/staff/work-orders" className="inline-flex min-h-11 items-center">← 返回工单收件箱</Link>
      </p>
      <PageHeader
        title="登记来访/来电"
        description="录入群众来访或 12348 来电的诉求。保存后系统按事项类型和地区自动分派网点、计算办理期限，并短信告知群众工单编号。"
      />
      <IntakeArea regions={regions} defaultChannel={defaultChannel} />
    </div>
  );
}
