"use client";

import { useEffect, useRef } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { HOTLINE } from "@/components/site/hotline";
import { RatingFields } from "@/components/work-orders/rating-fields";
import { rateWithLink } from "../../actions";

export function LinkRatingForm({ token }: { token: string }) {
  const { state, formProps } = useActionForm(rateWithLink);
  const thanks = useRef<HTMLDivElement>(null);
  const done = state?.ok ? state.data : null;
  useEffect(() => {
    if (done) thanks.current?.focus();
  }, [done]);
  if (done) {
    return (
      <div ref={thanks} tabIndex={-1} className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900 focus:outline-none">
        <p className="text-lg font-semibold">感谢您的评价</p>
        {done.score === "UNSATISFIED" ? <p>我们已要求办理网点跟踪整改，工作人员会与您联系。</p> : <p>祝您生活顺利。</p>}
        <p className="mt-2">
          还有法律问题，可以随时拨打 <a href={`tel:${HOTLINE}`}>{HOTLINE}</a>。
        </p>
      </div>
    );
  }
  return (
    <form {...formProps} className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <RatingFields scoreErrors={errorsFor(state, "score")} commentErrors={errorsFor(state, "comment")} />
      <FormMessage state={state} />
      <SubmitButton size="lg" block>提交评价</SubmitButton>
    </form>
  );
}
