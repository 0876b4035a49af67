"use client";

import { errorsFor, Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Step, useAnnounce, useStepForm } from "@/components/forms/step-form";
import { Textarea } from "@/components/ui/textarea";
import { reinstate, suspend } from "../actions";

/** 暂停: in a disclosure, so a long list stays scannable; `id` keeps each lawyer's controls apart. */
export function SuspendForm({ lawyerUserId, name, id }: { lawyerUserId: number; name: string; id: string }) {
  const announce = useAnnounce();
  const { state, formProps } = useStepForm(suspend, (r) =>
    announce(
      `已暂停${r.name}承办法律援助案件，已从律师名录中撤下${r.withdrawnOffers ? `；撤回 ${r.withdrawnOffers} 件待接受的派单，案件已转给受援人的下一选择或抢单池` : ""}。已通知该律师。`,
    ),
  );
  return (
    <Step summary={`暂停${name}承办法律援助`}>
      <form {...formProps} className="space-y-4">
        <input type="hidden" name="lawyerUserId" value={lawyerUserId} />
        <Field
          name="reason"
          id={`${id}-reason`}
          label="暂停理由"
          required
          hint="4–300 字，律师会在通知中看到。暂停后该律师不在名录中，不能接受派单、抢单或被指派；在办案件不受影响，如需更换律师请按更换程序办理。"
          errors={errorsFor(state, "reason")}
        >
          {(c) => <Textarea {...c} rows={3} maxLength={300} />}
        </Field>
        <FormMessage state={state} />
        <SubmitButton variant="danger">确认暂停</SubmitButton>
      </form>
    </Step>
  );
}

/** 恢复: the lawyer returns to the roster; the note is optional and goes to the lawyer. */
export function ReinstateForm({ lawyerUserId, name, id }: { lawyerUserId: number; name: string; id: string }) {
  const announce = useAnnounce();
  const { state, formProps } = useStepForm(reinstate, (r) => announce(`已恢复${r.name}承办法律援助案件，重新列入律师名录。已通知该律师。`));
  return (
    <Step summary={`恢复${name}承办法律援助`}>
      <form {...formProps} className="space-y-4">
        <input type="hidden" name="lawyerUserId" value={lawyerUserId} />
        <Field name="note" id={`${id}-note`} label="恢复说明" optional hint="律师会在通知中看到，最多 300 字。" errors={errorsFor(state, "note")}>
          {(c) => <Textarea {...c} rows={2} maxLength={300} />}
        </Field>
        <FormMessage state={state} />
        <SubmitButton>确认恢复</SubmitButton>
      </form>
    </Step>
  );
}
