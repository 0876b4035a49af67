"use client";

import { ErrorList, errorsFor, Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { StepPanel, useStepForm, type Done } from "@/components/forms/step-form";
import { Textarea } from "@/components/ui/textarea";
import { respond } from "../../actions";

/**
 * 是否同意调解: the party answers here instead of waiting for the mediator's call. Large choices for
 * a phone. The panel stays on the page after the answer (the form goes), so its outcome is still read out.
 */
export function ConsentAnswer({ number, pending }: { number: string; pending: boolean }) {
  return <StepPanel className="space-y-4">{(done) => (pending ? <AnswerForm number={number} done={done} /> : null)}</StepPanel>;
}

function AnswerForm({ number, done }: { number: string; done: Done }) {
  const { state, formProps } = useStepForm(respond, (r) =>
    done(r.status === "REFUSED" ? "已告知调解委员会：您不同意调解。调解不会进行。" : "已告知调解委员会：您同意调解。调解员会与您约定时间和地点。"),
  );
  return (
    <form {...formProps} className="space-y-4 rounded-lg border-2 border-primary bg-white p-4 sm:p-6">
      <input type="hidden" name="number" value={number} />
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">您是否同意由人民调解委员会调解这件纠纷？</legend>
        <p className="text-slate-700">人民调解免费、自愿。您不同意的，调解不会进行，不影响您通过其他途径解决。</p>
        <label className="flex min-h-12 items-center gap-3 rounded-md border border-slate-300 px-4"><input type="radio" name="agreed" value="yes" className="size-6" />同意调解</label>
        <label className="flex min-h-12 items-center gap-3 rounded-md border border-slate-300 px-4"><input type="radio" name="agreed" value="no" className="size-6" />不同意调解</label>
        <ErrorList errors={errorsFor(state, "agreed")} />
      </fieldset>
      <Field name="note" id="consent-answer-note" label="想对调解员说的话" optional errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton size="lg" block>提交</SubmitButton>
    </form>
  );
}
