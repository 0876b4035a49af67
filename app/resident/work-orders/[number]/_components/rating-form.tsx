"use client";

import type { Satisfaction } from "@/lib/generated/prisma/enums";
import { SATISFACTION_LABELS } from "@/lib/work-orders/labels";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { RatingFields } from "@/components/work-orders/rating-fields";
import { rate } from "../../actions";

/**
 * 评价 for the latest closing. Rendered whether or not it is rated yet, so after submitting (the
 * page re-renders with the rating) the thanks appear in the same live region that was there before.
 */
export function RatingForm({ number, rated }: { number: string; rated: Satisfaction | null }) {
  const { state, formProps } = useActionForm(rate);
  const score = rated ?? (state?.ok ? state.data.score : null);
  return (
    <div className="space-y-4">
      <div role="status" aria-live="polite">
        {score ? (
          <div className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
            <p className="text-lg font-semibold">感谢您的评价</p>
            <p>您的评价：{SATISFACTION_LABELS[score]}。</p>
            {score === "UNSATISFIED" ? <p>我们已要求办理网点跟踪整改，工作人员会与您联系。</p> : null}
          </div>
        ) : null}
      </div>
      {score ? null : (
        <form {...formProps} className="space-y-5">
          <input type="hidden" name="number" value={number} />
          <RatingFields scoreErrors={errorsFor(state, "score")} commentErrors={errorsFor(state, "comment")} />
          <FormMessage state={state} />
          <SubmitButton size="lg" block>提交评价</SubmitButton>
        </form>
      )}
    </div>
  );
}
