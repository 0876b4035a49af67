"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { removeFigure, removeTarget, saveFigure, saveTarget } from "../actions";
import { RemoveForm } from "@/components/forms/remove-form";

export type ChoiceGroup = { label: string; options: { id: string; label: string }[] };
type Scope = { regionCode: string; regionName: string; year: number };

/** The region and year come from the picker above; the form only asks what the page cannot know. */
function ScopeFields({ regionCode, year }: Scope) {
  return (
    <>
      <input type="hidden" name="regionCode" value={regionCode} />
      <input type="hidden" name="year" value={year} />
    </>
  );
}

/** Adds a target for the selected region and year, or replaces the one set on the same indicator. */
export function TargetForm({ scope, groups }: { scope: Scope; groups: ChoiceGroup[] }) {
  const { state, formProps } = useActionForm(saveTarget);
  const scopeErrors = [...(errorsFor(state, "regionCode") ?? []), ...(errorsFor(state, "year") ?? [])];
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2">
      <ScopeFields {...scope} />
      <Field name="indicatorId" id="new-target-indicator" label="指标" required errors={errorsFor(state, "indicatorId")} className="sm:col-span-2">
        {(control) => (
          <Select {...control} defaultValue="">
            <option value="" disabled>
              请选择指标
            </option>
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
      <TextField
        name="target"
        id="new-target-value"
        label="目标值"
        required
        inputMode="decimal"
        autoComplete="off"
        hint="按指标的单位填写；百分比填 95 表示 95%。"
        errors={errorsFor(state, "target")}
      />
      <TextField name="source" id="new-target-source" label="目标来源" optional maxLength={200} hint="如：某县“十四五”公共法律服务体系建设规划" errors={errorsFor(state, "source")} />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton>保存目标</SubmitButton>
        <FormMessage
          state={scopeErrors.length && state && !state.ok ? { ...state, message: scopeErrors.join("；") } : state}
          success={state?.ok && state.data.replaced ? "已更新该指标的目标" : "已保存"}
        />
      </div>
    </form>
  );
}

/** Changes one listed target's value or source in place (same indicator, region and year). */
export function EditTargetForm({ id, indicatorId, name, target, source, scope }: { id: number; indicatorId: string; name: string; target: number; source: string | null; scope: Scope }) {
  const { state, formProps } = useActionForm(saveTarget);
  return (
    <details className="group">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-primary">
        修改<span className="sr-only">{name}的目标</span>
      </summary>
      <form {...formProps} className="mt-2 grid gap-3 sm:min-w-72">
        <ScopeFields {...scope} />
        <input type="hidden" name="indicatorId" value={indicatorId} />
        <TextField name="target" id={`target-${id}-value`} label="目标值" required inputMode="decimal" autoComplete="off" defaultValue={String(target)} errors={errorsFor(state, "target")} />
        <TextField name="source" id={`target-${id}-source`} label="目标来源" optional maxLength={200} defaultValue={source ?? ""} errors={errorsFor(state, "source")} />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary">保存修改</SubmitButton>
          <FormMessage state={state} success="已更新" />
        </div>
      </form>
    </details>
  );
}

export function RemoveTargetForm({ id, label }: { id: number; label: string }) {
  return <RemoveForm action={removeTarget} id={id} label={label} />;
}

/** Enters a figure the system cannot count, for the selected region, with its period and source. */
export function FigureForm({ scope, choices }: { scope: Scope; choices: { id: string; label: string; description: string }[] }) {
  const { state, formProps } = useActionForm(saveFigure);
  const regionErrors = errorsFor(state, "regionCode") ?? [];
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="regionCode" value={scope.regionCode} />
      <Field
        name="key"
        id="figure-key"
        label="填报项目"
        required
        hint="系统无法从业务记录统计的数据，按统计期填报并注明来源。"
        errors={errorsFor(state, "key")}
        className="sm:col-span-2"
      >
        {(control) => (
          <Select {...control} defaultValue="">
            <option value="" disabled>
              请选择填报项目
            </option>
            {choices.map((c) => (
              <option key={c.id} value={c.id} title={c.description}>
                {c.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <TextField name="periodStart" id="figure-start" label="统计期起始日期" type="date" required defaultValue={`${scope.year}-01-01`} errors={errorsFor(state, "periodStart")} />
      <TextField name="periodEnd" id="figure-end" label="统计期截止日期" type="date" required defaultValue={`${scope.year}-12-31`} errors={errorsFor(state, "periodEnd")} />
      <TextField name="value" id="figure-value" label="数值" required inputMode="decimal" autoComplete="off" hint="按所选项目的单位填写。" errors={errorsFor(state, "value")} />
      <TextField name="source" id="figure-source" label="数据来源" required maxLength={200} hint="如：县财政局 2025 年决算、县委依法治县办统计" errors={errorsFor(state, "source")} />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton>保存填报数据</SubmitButton>
        <FormMessage
          state={regionErrors.length && state && !state.ok ? { ...state, message: regionErrors.join("；") } : state}
          success={state?.ok && state.data.replaced ? "已更正同一统计期的数据" : "已保存"}
        />
      </div>
    </form>
  );
}

export function RemoveFigureForm({ id, label }: { id: number; label: string }) {
  return <RemoveForm action={removeFigure} id={id} label={label} />;
}
