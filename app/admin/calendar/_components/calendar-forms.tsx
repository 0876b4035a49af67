"use client";

import { useEffect } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { removeCalendarDayAction, setCalendarDayAction } from "../actions";
import { KIND_LABELS } from "./kind-labels";

/** Adds a date, or replaces what is set for it. */
export function SetDayForm({ year }: { year: number }) {
  const { state, formProps } = useActionForm(setCalendarDayAction);
  const { ref } = formProps;
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state, ref]);
  return (
    <form {...formProps} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="date"
          id="day-date"
          label="日期"
          required
          type="date"
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          hint="已设置过的日期会被替换。"
          errors={errorsFor(state, "date")}
        />
        <Field name="kind" id="day-kind" label="类别" required errors={errorsFor(state, "kind")}>
          {(control) => (
            <Select {...control} defaultValue="HOLIDAY">
              <option value="HOLIDAY">{KIND_LABELS.HOLIDAY}</option>
              <option value="WORKDAY">{KIND_LABELS.WORKDAY}</option>
            </Select>
          )}
        </Field>
        <TextField name="name" id="day-name" label="名称" required maxLength={40} hint="如：春节、国庆节" errors={errorsFor(state, "name")} />
      </div>
      <FormMessage
        state={state}
        success={state?.ok ? `已将 ${state.data.date} 设为${KIND_LABELS[state.data.kind]}（${state.data.name}）` : undefined}
      />
      <SubmitButton>保存</SubmitButton>
    </form>
  );
}

/** The remove button of one row: the date goes back to the ordinary Monday–Friday rule. */
export function RemoveDayButton({ date, name }: { date: string; name: string }) {
  const { state, formProps } = useActionForm(removeCalendarDayAction);
  const failure = state && !state.ok ? state.message : null;
  return (
    <form {...formProps}>
      <input type="hidden" name="date" value={date} />
      <SubmitButton variant="secondary" className="whitespace-nowrap" pendingText="正在删除…" aria-label={`删除 ${date} ${name}`}>
        删除
      </SubmitButton>
      <p role="status" className="text-sm text-danger">
        {failure}
      </p>
    </form>
  );
}
