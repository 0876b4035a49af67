"use client";

import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";

type RemoveAction<R> = (previous: ActionState<R>, input: FormData) => Promise<Result<R>>;

/** "删除" for one row of an admin table: posts the row's id; the button names what it deletes for screen readers. */
export function RemoveForm<R>({ action, id, label }: { action: RemoveAction<R>; id: number; label: string }) {
  const { state, formProps } = useActionForm(action);
  return (
    <form {...formProps}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingText="正在删除…" aria-label={`删除${label}`}>
        删除
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
