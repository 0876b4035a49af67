"use client";

import type { ObjectionOutcome } from "@/lib/generated/prisma/enums";
import { OBJECTION_OUTCOME_LABELS } from "@/lib/legal-aid/labels";
import { errorsFor, ErrorList, Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnnounce, useStepForm } from "@/components/forms/step-form";
import { Textarea } from "@/components/ui/textarea";
import { decide } from "../actions";

const OUTCOMES: ObjectionOutcome[] = ["UPHELD", "CORRECTED"];
const DONE: Record<ObjectionOutcome, string> = {
  UPHELD: "已决定维持不予法律援助的决定，已通知申请人和法律援助中心。",
  CORRECTED: "已责令法律援助中心改正，申请已退回重新审查，已通知申请人和法律援助中心。",
};

/** 维持 or 责令改正, with the written opinion; `id` keeps the controls of each objection apart. */
export function DecideObjectionForm({ number, id }: { number: string; id: string }) {
  const announce = useAnnounce();
  const { state, formProps } = useStepForm(decide, (r) => announce(`${number}：${DONE[r.outcome]}`));
  const outcomeErrors = errorsFor(state, "outcome");
  const invalid = !!outcomeErrors?.length;
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="number" value={number} />
      <fieldset>
        <legend className="font-medium text-slate-900">
          审查结果 <span className="text-danger" aria-hidden="true">*</span>
        </legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {OUTCOMES.map((o) => (
            <label
              key={o}
              htmlFor={`${id}-${o}`}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border-2 border-slate-400 bg-white px-4 py-2 has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:checked]:font-semibold"
            >
              <input
                type="radio"
                id={`${id}-${o}`}
                name="outcome"
                value={o}
                required
                className="size-6 shrink-0 accent-primary"
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${id}-outcome-error` : undefined}
              />
              {OBJECTION_OUTCOME_LABELS[o]}
            </label>
          ))}
        </div>
        <ErrorList id={`${id}-outcome-error`} errors={outcomeErrors} />
      </fieldset>
      <Field name="note" id={`${id}-note`} label="审查意见" required hint="写明维持或责令改正的理由，申请人和法律援助中心都会看到。" errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={3} maxLength={1000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>作出决定</SubmitButton>
    </form>
  );
}
