"use client";

import { useEffect } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { ErrorList, errorsFor } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { bulkAccept } from "../actions";

export const BULK_FORM_ID = "bulk-accept";

/**
 * 批量受理: the checkboxes live in the server-rendered table rows and join this form through their
 * `form` attribute, so the list itself needs no client code. After a success the boxes are cleared.
 * It stays mounted when no row is left to accept, so the success message is still read out.
 */
type Colleague = { id: number; name: string; isMe: boolean };

export function BulkAcceptForm({ enabled, colleagues }: { enabled: boolean; colleagues: Colleague[] }) {
  const { state, formProps } = useActionForm(bulkAccept);
  useEffect(() => {
    if (state?.ok) formProps.ref.current?.reset();
  }, [state, formProps.ref]);
  return (
    <form {...formProps} id={BULK_FORM_ID} className="space-y-2">
      {enabled ? (
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="bulk-handler" className="block font-medium">承办人</label>
            <Select id="bulk-handler" name="handlerUserId" defaultValue="">
              <option value="">我自己</option>
              {colleagues.filter((c) => !c.isMe).map((c) => (
                <option key={c.id} value={c.id}>指派给 {c.name}</option>
              ))}
            </Select>
          </div>
          <SubmitButton variant="secondary" pendingText="正在受理…">
            批量受理所选工单
          </SubmitButton>
          <p className="text-sm text-slate-600">勾选下表中待受理的工单后点击；选择同事则批量指派给他（她）承办。</p>
        </div>
      ) : null}
      <ErrorList errors={errorsFor(state, "numbers")} />
      <ErrorList errors={errorsFor(state, "handlerUserId")} />
      <FormMessage state={state} success={state?.ok ? `已受理 ${state.data.count} 个工单。` : undefined} />
    </form>
  );
}
