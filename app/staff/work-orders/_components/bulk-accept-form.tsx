"use client";

import { useEffect } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { ErrorList, errorsFor } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { bulkAccept } from "../actions";

export const BULK_FORM_ID = "bulk-accept";

/**
 * 批量受理: the checkboxes live in the server-rendered table rows and join this form through their
 * `form` attribute, so the list itself needs no client code. After a success the boxes are cleared.
 * It stays mounted when no row is left to accept, so the success message is still read out.
 */
export function BulkAcceptForm({ enabled }: { enabled: boolean }) {
  const { state, formProps } = useActionForm(bulkAccept);
  useEffect(() => {
    if (state?.ok) formProps.ref.current?.reset();
  }, [state, formProps.ref]);
  return (
    <form {...formProps} id={BULK_FORM_ID} className="space-y-2">
      {enabled ? (
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary" pendingText="正在受理…">
            批量受理所选工单
          </SubmitButton>
          <p className="text-sm text-slate-600">勾选下表中待受理的工单后点击，所选工单都由您承办。</p>
        </div>
      ) : null}
      <ErrorList errors={errorsFor(state, "numbers")} />
      <FormMessage state={state} success={state?.ok ? `已受理 ${state.data.count} 个工单，由您承办。` : undefined} />
    </form>
  );
}
