"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { runOverdueCheck } from "../actions";

export function OverdueCheckForm() {
  const { state, formProps } = useActionForm(runOverdueCheck);
  return (
    <form {...formProps} className="mt-3 flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingText="正在检查…">立即检查超期工单</SubmitButton>
      <FormMessage state={state} success={state?.ok ? `已上报 ${state.data.escalated} 个超期工单` : undefined} />
    </form>
  );
}
