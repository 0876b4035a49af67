"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField, errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { TIER_LABELS } from "@/lib/network/rules";
import { saveTypeRule } from "../actions";

type Rule = { type: string; handlingTier: string; needsDecider: boolean; limitValue: number; limitUnit: string; dueSoonHours: number };

export function TypeRuleForm({ rule }: { rule: Rule }) {
  const { state, formProps } = useActionForm(saveTypeRule);
  const id = (name: string) => `${rule.type}-${name}`;
  return (
    <form {...formProps} className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <input type="hidden" name="type" value={rule.type} />
      <Field name="handlingTier" id={id("tier")} label="受理层级" errors={errorsFor(state, "handlingTier")}>
        {(c) => (
          <Select {...c} defaultValue={rule.handlingTier}>
            {Object.entries(TIER_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </Select>
        )}
      </Field>
      <TextField name="limitValue" id={id("limit")} label="办理时限" type="number" min={1} defaultValue={rule.limitValue} errors={errorsFor(state, "limitValue")} />
      <Field name="limitUnit" id={id("unit")} label="时限单位" errors={errorsFor(state, "limitUnit")}>
        {(c) => (
          <Select {...c} defaultValue={rule.limitUnit}>
            <option value="WORKING_DAYS">工作日</option>
            <option value="CALENDAR_DAYS">自然日</option>
            <option value="HOURS">小时</option>
          </Select>
        )}
      </Field>
      <TextField name="dueSoonHours" id={id("soon")} label="到期前提醒（小时）" type="number" min={0} defaultValue={rule.dueSoonHours} errors={errorsFor(state, "dueSoonHours")} />
      <CheckboxField name="needsDecider" id={id("decider")} label="须由作出法律援助决定的中心办理" defaultChecked={rule.needsDecider} className="sm:col-span-2" />
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton>保存</SubmitButton>
        <FormMessage state={state} success="已保存" />
      </div>
    </form>
  );
}
