"use client";

import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";

type Withdrawn = { id: number; withdrawnAt: string };
type WithdrawAction = (previous: ActionState<Withdrawn>, input: FormData) => Promise<Result<Withdrawn>>;

/**
 * 撤回敏感个人信息处理同意 (个人信息保护法 Art. 15). What withdrawal does — and does not — is said
 * before the button, so nobody withdraws expecting their case to stop or the past to be undone.
 */
export function WithdrawConsentForm({ id, action }: { id: number; action: WithdrawAction }) {
  const { state, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="mt-2 space-y-2 rounded-md bg-slate-50 p-3">
      <input type="hidden" name="id" value={id} />
      <p className="text-slate-700">
        您可以随时撤回这项同意。撤回后，我们不再为其他目的使用这些敏感个人信息；撤回前已经进行的处理不受影响。
        办理本次申请是法律援助机构的法定职责，审查和办理所必需的处理将依法继续（个人信息保护法第十三条第一款第三项），
        因此撤回不会终止您的申请；如需终止，请选择“撤回申请”。
      </p>
      <SubmitButton variant="secondary" pendingText="正在撤回…">撤回这项同意</SubmitButton>
      <FormMessage state={state} success="已撤回这项同意。" />
    </form>
  );
}
