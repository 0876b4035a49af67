"use client";

import { useEffect } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import type { OrganizationTier, RegionLevel } from "@/lib/generated/prisma/enums";
import { DEFAULT_SERVICES, REGION_LEVEL_LABELS, SERVICE_KEYS, SERVICES, TIER_LABELS, TIER_SHORT_LABELS } from "@/lib/network/rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField, ErrorList, errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";

type SaveAction<R> = (previous: ActionState<R>, input: FormData) => Promise<Result<R>>;

export type OrganizationValues = {
  id: number;
  name: string;
  tier: OrganizationTier;
  address: string;
  phone: string;
  openingHours: string;
  latitude: number | null;
  longitude: number | null;
  standardized: boolean;
  decidesLegalAid: boolean;
  legalAdviserName: string | null;
  legalAdviserPhone: string | null;
  services: string[];
  region: { id: number };
};

export type OrganizationFormProps<R extends { id: number }> = {
  action: SaveAction<R>;
  /** the service point being edited; omitted when creating one */
  organization?: OrganizationValues;
  /** the parent chosen above the form (null: none, i.e. the city centre) */
  parent: { id: number; name: string; tier: OrganizationTier } | null;
  regions: { id: number; code: string; name: string; level: RegionLevel }[];
  /** the tier preselected for a new service point under `parent` */
  suggestedTier: OrganizationTier | null;
  /** the number typed above matches no service point in scope */
  parentMissing?: boolean;
};

/**
 * Create and edit form of a service point (all fields). The parent is chosen above the form (it
 * decides which regions are offered), so here it is a read-only field that still shows its errors.
 */
export function OrganizationForm<R extends { id: number }>({
  action,
  organization: o,
  parent,
  regions,
  suggestedTier,
  parentMissing = false,
}: OrganizationFormProps<R>) {
  const { state, formProps } = useActionForm(action);
  const router = useRouter();
  const creating = !o;

  useEffect(() => {
    if (creating && state?.ok) router.push(`/admin/organizations/${state.data.id}?created=1`);
  }, [creating, state, router]);

  const tier = o?.tier ?? suggestedTier ?? undefined;
  const services = o ? o.services : DEFAULT_SERVICES[tier ?? "CENTRE"];
  const serviceErrors =
    state && !state.ok
      ? Object.entries(state.fieldErrors ?? {})
          .filter(([k]) => k === "services" || k.startsWith("services."))
          .flatMap(([, v]) => v)
      : undefined;

  return (
    <form {...formProps} className="space-y-5">
      <p className="text-slate-600">
        带 <span className="text-danger">*</span> 的为必填项。
      </p>
      {o ? <input type="hidden" name="id" value={o.id} /> : null}
      <input type="hidden" name="parentId" value={parent?.id ?? ""} />

      <TextField
        name="parentName"
        id="field-parentId"
        label="上级网点"
        readOnly
        value={
          parent
            ? `${parent.name}（${TIER_SHORT_LABELS[parent.tier]}，编号 ${parent.id}）`
            : parentMissing
              ? "上方填写的编号无效，请重新选择"
              : "无（市级中心）"
        }
        hint="要更改上级网点（移动网点），请在上方「选择上级网点」中填写编号后点「选用」。"
        errors={errorsFor(state, "parentId")}
      />
      <TextField name="name" label="网点名称" required maxLength={80} defaultValue={o?.name} errors={errorsFor(state, "name")} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="tier" label="网点层级" required errors={errorsFor(state, "tier")}>
          {(control) => (
            <Select {...control} defaultValue={tier ?? ""}>
              <option value="">请选择</option>
              {(Object.keys(TIER_LABELS) as OrganizationTier[]).map((t) => (
                <option key={t} value={t}>
                  {TIER_LABELS[t]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          name="regionId"
          label="所在区划"
          required
          hint={
            regions.length
              ? "中心设在市或县（市、区），工作站设在乡镇（街道），工作室设在村（社区）。"
              : "没有可选的区划：请先选择上级网点，或先在「行政区划」中新建区划。"
          }
          errors={errorsFor(state, "regionId")}
        >
          {(control) => (
            <Select {...control} defaultValue={o?.region.id ?? ""}>
              <option value="">请选择</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}（{REGION_LEVEL_LABELS[r.level]}，{r.code}）
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <TextField name="address" label="地址" required maxLength={160} defaultValue={o?.address} errors={errorsFor(state, "address")} autoComplete="off" />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField name="phone" label="联系电话" required type="tel" inputMode="tel" maxLength={40} defaultValue={o?.phone} errors={errorsFor(state, "phone")} />
        <TextField
          name="openingHours"
          label="办公时间"
          required
          maxLength={120}
          hint="如：工作日 9:00-12:00，14:00-17:30"
          defaultValue={o?.openingHours}
          errors={errorsFor(state, "openingHours")}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="latitude"
          label="纬度"
          optional
          inputMode="decimal"
          hint="用于「离我最近」排序，如 25.04321"
          defaultValue={o?.latitude ?? ""}
          errors={errorsFor(state, "latitude")}
        />
        <TextField
          name="longitude"
          label="经度"
          optional
          inputMode="decimal"
          hint="如 102.71234"
          defaultValue={o?.longitude ?? ""}
          errors={errorsFor(state, "longitude")}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="legalAdviserName"
          label="村（居）法律顾问姓名"
          optional
          hint="工作室填写"
          maxLength={40}
          defaultValue={o?.legalAdviserName ?? ""}
          errors={errorsFor(state, "legalAdviserName")}
        />
        <TextField
          name="legalAdviserPhone"
          label="法律顾问电话"
          optional
          type="tel"
          inputMode="tel"
          maxLength={40}
          defaultValue={o?.legalAdviserPhone ?? ""}
          errors={errorsFor(state, "legalAdviserPhone")}
        />
      </div>
      <div>
        <CheckboxField name="standardized" label="两化达标（规范化、标准化建设已达标）" defaultChecked={o?.standardized} errors={errorsFor(state, "standardized")} />
        <CheckboxField
          name="decidesLegalAid"
          label="作出法律援助决定（仅限中心）"
          defaultChecked={o?.decidesLegalAid}
          errors={errorsFor(state, "decidesLegalAid")}
        />
      </div>
      <fieldset aria-describedby={serviceErrors?.length ? "field-services-error" : undefined}>
        <legend className="font-medium text-slate-900">可办服务</legend>
        <div className="mt-1 grid sm:grid-cols-2">
          {SERVICE_KEYS.map((key) => (
            <CheckboxField key={key} name="services" id={`field-services-${key}`} value={key} label={SERVICES[key]} defaultChecked={services.includes(key)} />
          ))}
        </div>
        <ErrorList id="field-services-error" errors={serviceErrors} />
      </fieldset>
      <FormMessage state={state} success={creating && state?.ok ? `已新建网点（编号 ${state.data.id}）` : "已保存"} />
      {creating && state?.ok ? (
        // Without JavaScript there is no automatic navigation: offer the link.
        <p>
          <Link href={`/admin/organizations/${state.data.id}?created=1`} className="inline-flex min-h-11 items-center">
            打开新建的网点
          </Link>
        </p>
      ) : null}
      <SubmitButton size="lg">{creating ? "新建网点" : "保存修改"}</SubmitButton>
    </form>
  );
}
