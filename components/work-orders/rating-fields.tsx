import type { Satisfaction } from "@/lib/generated/prisma/enums";
import { SATISFACTION_LABELS } from "@/lib/work-orders/labels";
import { ErrorList, Field } from "@/components/forms/field";
import { Textarea } from "@/components/ui/textarea";

const SCORES: Satisfaction[] = ["SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"];

/**
 * 满意 / 基本满意 / 不满意 as three large radio rows (the whole row is the target), then an
 * optional comment. Field names match RateInput / RateByLinkInput: `score`, `comment`.
 */
export function RatingFields({ scoreErrors, commentErrors, id = "rating" }: { scoreErrors?: string[]; commentErrors?: string[]; id?: string }) {
  const invalid = !!scoreErrors?.length;
  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-lg font-medium text-slate-900">
          您对本次服务满意吗？
          <span className="ml-1 text-danger" aria-hidden="true">*</span>
        </legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          {SCORES.map((score) => (
            <label
              key={score}
              htmlFor={`${id}-${score}`}
              className="flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-400 bg-white px-4 text-lg has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:checked]:font-semibold"
            >
              <input
                type="radio"
                id={`${id}-${score}`}
                name="score"
                value={score}
                required
                className="size-6 shrink-0 accent-primary"
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${id}-score-error` : undefined}
              />
              {SATISFACTION_LABELS[score]}
            </label>
          ))}
        </div>
        <ErrorList id={`${id}-score-error`} errors={scoreErrors} />
      </fieldset>
      <Field name="comment" id={`${id}-comment`} label="评价意见" optional hint="可以写下您的感受或建议，最多 500 字。" errors={commentErrors}>
        {(control) => <Textarea {...control} rows={3} maxLength={500} />}
      </Field>
    </div>
  );
}
