import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { getOrganizationFormOptions } from "@/lib/network/admin-queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { createOrganizationAction } from "../actions";
import { OrganizationForm } from "../_components/organization-form";
import { ParentPicker } from "../_components/parent-picker";

export const metadata: Metadata = { title: "新建服务网点" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim();

export default async function NewOrganizationPage({ searchParams }: { searchParams: SearchParams }) {
  const parentParam = one((await searchParams).parent);
  const returnTo = `/admin/organizations/new${parentParam ? `?parent=${encodeURIComponent(parentParam)}` : ""}`;
  const options = await loadPage(getOrganizationFormOptions, { parent: /^\d{1,9}$/.test(parentParam) ? parentParam : "" }, returnTo);
  const typedButInvalid = parentParam !== "" && !/^\d{1,9}$/.test(parentParam);
  return (
    <div className="space-y-6">
      <PageHeader
        title="新建服务网点"
        description="先选上级网点，再填写网点信息。"
        actions={
          <Link href="/admin/organizations" className="inline-flex min-h-11 items-center">
            返回网点列表
          </Link>
        }
      />
      <ParentPicker
        action="/admin/organizations/new"
        value={parentParam}
        parent={options.parent}
        parentNotFound={options.parentNotFound || typedButInvalid}
        suggestedTier={options.suggestedTier}
      />
      <Card title="第二步：填写网点信息" as="section">
        <OrganizationForm
          key={options.parent?.id ?? "none"}
          action={createOrganizationAction}
          parent={options.parent}
          regions={options.regions}
          suggestedTier={options.suggestedTier}
          parentMissing={options.parentNotFound || typedButInvalid}
        />
      </Card>
    </div>
  );
}
