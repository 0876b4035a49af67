import Link from "next/link";
import { ErrorList, Field } from "@/components/forms/field";
import { Select } from "@/components/ui/select";

export type ChoiceOptions = { maxChoices: number; options: { userId: number; label: string; fits: boolean }[]; fitsShown: boolean };

const RANK = ["第一", "第二", "第三", "第四", "第五"];

/**
 * 选择律师（点援）: one native select per rank, all named `lawyerChoices` so the form sends them in
 * order; a rank left at "不选" is dropped by the server. Lawyers whose expertise fits the matter come
 * first. The errors of the whole ranking (e.g. the same lawyer twice) show under the group.
 */
export function LawyerChoiceFields({ choices, idPrefix, defaults = [], errors }: {
  choices: ChoiceOptions;
  idPrefix: string;
  defaults?: number[];
  errors?: string[];
}) {
  const errorId = `${idPrefix}-error`;
  const fits = choices.options.filter((o) => o.fits);
  const others = choices.options.filter((o) => !o.fits);
  const options = (
    <>
      <option value="">不选</option>
      {choices.fitsShown && fits.length ? (
        <>
          <optgroup label="擅长本类案件">{fits.map((o) => <option key={o.userId} value={o.userId}>{o.label}</option>)}</optgroup>
          <optgroup label="其他律师">{others.map((o) => <option key={o.userId} value={o.userId}>{o.label}</option>)}</optgroup>
        </>
      ) : (
        choices.options.map((o) => <option key={o.userId} value={o.userId}>{o.label}</option>)
      )}
    </>
  );
  return (
    <div className="space-y-4" aria-describedby={errors?.length ? errorId : undefined}>
      <p className="text-slate-700">
        按意愿先后选择最多 {choices.maxChoices} 名律师。决定给予法律援助后，先请第一选择的律师接受委托，律师不能承办时依次请下一位。
        想了解律师，请看<Link href="/lawyers" target="_blank" className="mx-1">律师名录（新窗口打开）</Link>。
      </p>
      {Array.from({ length: choices.maxChoices }, (_, i) => (
        <Field key={i} name="lawyerChoices" id={`${idPrefix}-${i + 1}`} label={`${RANK[i] ?? `第 ${i + 1} `}选择`} optional={i > 0}>
          {(c) => <Select {...c} defaultValue={defaults[i] ? String(defaults[i]) : ""}>{options}</Select>}
        </Field>
      ))}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
