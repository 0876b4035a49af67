"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { markNotificationsReadAction } from "../actions";

/** Marks every unread message of the signed-in user read (no ids sent: "all of mine"). */
export function MarkAllReadForm() {
  const { state, formProps } = useActionForm(markNotificationsReadAction);
  return (
    <form {...formProps} className="space-y-3">
      <SubmitButton variant="secondary" pendingText="正在标记…">
        全部标为已读
      </SubmitButton>
      <FormMessage state={state} success={state?.ok ? `已将 ${state.data.marked} 条消息标为已读。` : undefined} />
    </form>
  );
}
