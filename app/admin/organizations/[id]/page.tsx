import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { getOrganization } from "@/lib/network/get-organization";
import { getOrganizationFormOptions } from "@/lib/network/admin-queries";
import { TIER_LABELS } from "@/lib/network/rules";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { buttonClassName } from "@/components/ui/button";
import { updateOrganizationAction } from "../actions";
import { OrganizationForm } from "../_components/organization-form";
import { ParentPicker } from "../_components/parent-picker";

export const metadata: Metadata = { title: "编辑服务网点" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function EditOrganizationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const path = `/admin/organizations/${encodeURIComponent(id)}`;
  // The options are read first: they need "organization.manage", so a non-admin is sent to
  // /forbidden rather than shown this form for a service point they may merely read.
  // No `parent` in the query keeps the current parent; `?parent=` (empty) means no parent at all.
  const parentInQuery = first(sp.parent)?.trim();
  const typedButInvalid = !!parentInQuery && !/^\d{1,9}$/.test(parentInQuery);
  const options = await loadPage(
    getOrganizationFormOptions,
    { parent: parentInQuery === undefined ? undefined : typedButInvalid ? "" : parentInQuery, organizationId: id },
    path,
  );
  const org = await loadPage(getOrganization, { id }, path);
  const parentValue = parentInQuery ?? (org.parent ? String(org.parent.id) : "");
  const moving = !typedButInvalid && (options.parent?.id ?? null) !== (org.parent?.id ?? null);
  return (
    <div className="space-y-6">
      <PageHeader
        title={org.name}
        description={`${TIER_LABELS[org.tier]} · 编号 ${org.id} · ${org.region.name}`}
        actions={
          <>
            <Link href="/admin/organizations" className="inline-flex min-h-11 items-center">
              返回网点列表
            </Link>
            <Link href={`/service-points/${org.id}/poster`} className="inline-flex min-h-11 items-center">
              二维码海报
            </Link>
            {org.tier !== "ROOM" ? (
              <Link href={`/admin/organizations/new?parent=${org.id}`} className={buttonClassName({ variant: "secondary" })}>
                新建下级网点
              </Link>
            ) : null}
          </>
        }
      />
      {first(sp.created) ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          网点已新建，可以继续完善信息。
        </p>
      ) : null}
      <ParentPicker
        action={path}
        value={parentValue}
        parent={options.parent}
        parentNotFound={options.parentNotFound || typedButInvalid}
        suggestedTier={options.suggestedTier}
      />
      <Card
        title="第二步：修改网点信息"
        description={moving ? "您已选用新的上级网点：保存后网点连同其下级网点一起移动。" : "移动网点即更改上级网点和所在区划，下级网点随之移动。"}
        as="section"
      >
        <OrganizationForm
          key={options.parent?.id ?? "none"}
          action={updateOrganizationAction}
          organization={org}
          parent={options.parent}
          regions={options.regions}
          suggestedTier={options.suggestedTier}
          parentMissing={options.parentNotFound || typedButInvalid}
        />
      </Card>
    </div>
  );
}
