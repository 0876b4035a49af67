"use client";

import { useEffect } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { addMessage } from "../../actions";

/** 补充说明: the requester adds information; a paused order resumes on its own. */
export function MessageForm({ number, paused }: { number: string; paused: boolean }) {
  const { state, formProps } = useActionForm(addMessage);
  useEffect(() => {
    if (state?.ok) formProps.ref.current?.reset();
  }, [state, formProps.ref]);
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="number" value={number} />
      <Field
        name="body"
        id="message-body"
        label="补充说明"
        required
        hint={paused ? "请按工作人员的要求补充，提交后继续办理。" : "有新的情况或材料说明，可以写在这里，最多 2000 字。"}
        errors={errorsFor(state, "body")}
      >
        {(c) => <Textarea {...c} rows={5} maxLength={2000} />}
      </Field>
      <FormMessage state={state} success="已提交补充说明，工作人员会看到。" />
      <SubmitButton size="lg" block>提交补充说明</SubmitButton>
    </form>
  );
}
