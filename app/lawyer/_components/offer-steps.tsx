"use client";

import { useState } from "react";
import { errorsFor, Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useAnnounce, useStepForm } from "@/components/forms/step-form";
import { accept, decline, take } from "../legal-aid/actions";

// One or two taps on a phone: "接受委托" takes the case at once; "不能承办" opens the reason field
// in place, and its own button sends it.

export function OfferSteps({ id, number }: { id: number; number: string }) {
  const announce = useAnnounce();
  const [declining, setDeclining] = useState(false);
  const accepted = useStepForm(accept, () => announce(`已接受委托，案件 ${number} 已在“正在承办”中。请尽快联系受援人。`));
  const declined = useStepForm(decline, () => announce(`已谢绝案件 ${number}，系统已通知受援人并派给下一位律师。`));
  return (
    <div className="mt-3 space-y-3">
      <form {...accepted.formProps}>
        <input type="hidden" name="id" value={id} />
        <FormMessage state={accepted.state} />
        <SubmitButton size="lg" block pendingText="正在接受…">接受委托</SubmitButton>
      </form>
      {declining ? (
        <form {...declined.formProps} className="space-y-3">
          <input type="hidden" name="id" value={id} />
          <Field name="reason" id={`decline-reason-${id}`} label="不能承办的原因" required errors={errorsFor(declined.state, "reason")}>
            {(c) => <Textarea {...c} rows={2} maxLength={300} autoFocus />}
          </Field>
          <FormMessage state={declined.state} />
          <SubmitButton variant="secondary" size="lg" block pendingText="正在提交…">确认不能承办</SubmitButton>
        </form>
      ) : (
        <Button type="button" variant="secondary" size="lg" block onClick={() => setDeclining(true)}>不能承办</Button>
      )}
    </div>
  );
}

export function TakeFromPool({ number }: { number: string }) {
  const announce = useAnnounce();
  const taken = useStepForm(take, () => announce(`接单成功，案件 ${number} 已在“正在承办”中。请尽快联系受援人。`));
  return (
    <form {...taken.formProps} className="mt-3 space-y-2">
      <input type="hidden" name="number" value={number} />
      <FormMessage state={taken.state} />
      <SubmitButton size="lg" block pendingText="正在接单…">我来承办</SubmitButton>
    </form>
  );
}
