"use client";

import { useEffect } from "react";
import type { RegionLevel } from "@/lib/generated/prisma/enums";
import { REGION_LEVEL_LABELS } from "@/lib/network/rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { createRegionAction, setRegionPopulationAction, updateRegionAction } from "../actions";

/** A new region one level below `parent` (a city when there is no parent). */
export function CreateRegionForm({ parent, level }: { parent: { id: number; code: string; name: string } | null; level: RegionLevel }) {
  const { state, formProps } = useActionForm(createRegionAction);
  const { ref } = formProps;
  // A created region appears in the table above; clear the form for the next one.
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state, ref]);
  const prefix = parent ? parent.code.replace(/0+$/, "") : "";
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="level" value={level} />
      <input type="hidden" name="parentId" value={parent?.id ?? ""} />
      <p className="text-slate-700">
        新建的区划级别：<strong>{REGION_LEVEL_LABELS[level]}</strong>
        {parent ? `，上级为「${parent.name}」` : ""}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="code"
          id="create-code"
          label="区划代码"
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          hint={`12 位统计用区划代码${prefix ? `，以 ${prefix} 开头` : ""}，末尾补 0。`}
          errors={errorsFor(state, "code")}
        />
        <TextField name="name" id="create-name" label="区划名称" required maxLength={60} autoComplete="off" errors={errorsFor(state, "name")} />
      </div>
      {errorsFor(state, "parentId") || errorsFor(state, "level") ? (
        <FieldErrorsNote messages={[...(errorsFor(state, "parentId") ?? []), ...(errorsFor(state, "level") ?? [])]} />
      ) : null}
      <FormMessage state={state} success={state?.ok ? `已新建区划 ${state.data.code}` : undefined} />
      <SubmitButton>新建区划</SubmitButton>
    </form>
  );
}

/** Errors about hidden fields (parent, level): nothing to correct in the form, so shown as text. */
function FieldErrorsNote({ messages }: { messages: string[] }) {
  return (
    <ul className="space-y-0.5 text-danger">
      {messages.map((m) => (
        <li key={m}>⚠ {m}</li>
      ))}
    </ul>
  );
}

type MoveTarget = { id: number; code: string; name: string; parent: { name: string } | null };

/** Rename the region, or move it under another region of its parent's level (its subtree moves too). */
export function UpdateRegionForm({
  region,
  moveTargets,
}: {
  region: { id: number; name: string; parentId: number | null; level: RegionLevel };
  moveTargets: MoveTarget[];
}) {
  const { state, formProps } = useActionForm(updateRegionAction);
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="id" value={region.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" id="update-name" label="区划名称" required maxLength={60} defaultValue={region.name} errors={errorsFor(state, "name")} />
        {region.parentId ? (
          <Field name="parentId" id="update-parent" label="上级区划" required hint="改选后，本区划及其全部下级随之移动。" errors={errorsFor(state, "parentId")}>
            {(control) => (
              <Select {...control} defaultValue={region.parentId ?? ""}>
                {moveTargets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.parent ? `${t.parent.name} · ` : ""}
                    {t.name}（{t.code}）
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : (
          <input type="hidden" name="parentId" value="" />
        )}
      </div>
      <FormMessage state={state} success="已保存" />
      <SubmitButton>保存修改</SubmitButton>
    </form>
  );
}

/** The resident population (常住人口) of a region in a year: the denominator of per-10,000 rates. */
export function PopulationForm({ regions, defaultYear }: { regions: { id: number; name: string; code: string }[]; defaultYear: number }) {
  const { state, formProps } = useActionForm(setRegionPopulationAction);
  return (
    <form {...formProps} className="space-y-4">
      <Field name="regionId" id="population-region" label="区划" required errors={errorsFor(state, "regionId")}>
        {(control) => (
          <Select {...control} defaultValue={regions[0]?.id ?? ""}>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}（{r.code}）
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="year"
          id="population-year"
          label="年份"
          required
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          defaultValue={defaultYear}
          errors={errorsFor(state, "year")}
        />
        <TextField
          name="residents"
          id="population-residents"
          label="常住人口（人）"
          required
          type="number"
          inputMode="numeric"
          min={0}
          hint="以统计公报数据为准；同一年重复录入会覆盖原数。"
          errors={errorsFor(state, "residents")}
        />
      </div>
      <FormMessage state={state} success={state?.ok ? `已保存 ${state.data.year} 年常住人口 ${state.data.residents.toLocaleString("zh-CN")} 人` : undefined} />
      <SubmitButton>保存人口</SubmitButton>
    </form>
  );
}
