"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { deliverOutboxNowAction } from "../actions";

/** "立即发送待发消息": one delivery pass now instead of waiting for the job that runs every minute. */
export function DeliverNowForm() {
  const { state, formProps } = useActionForm(deliverOutboxNowAction);
  const done = state?.ok ? state.data : null;
  const summary = done
    ? done.sent + done.retrying + done.failed === 0
      ? "没有待发送的消息。"
      : `本次发送成功 ${done.sent} 条${done.retrying ? `，${done.retrying} 条失败后将自动重试` : ""}${done.failed ? `，${done.failed} 条已达重试上限，标记为发送失败` : ""}。`
    : undefined;
  return (
    <form {...formProps} className="space-y-3">
      <SubmitButton pendingText="正在发送…">
        立即发送待发消息
      </SubmitButton>
      <FormMessage state={state} success={summary} />
    </form>
  );
}
