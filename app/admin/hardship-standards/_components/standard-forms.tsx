"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { deleteStandard, saveStandard } from "../actions";
import { RemoveForm } from "@/components/forms/remove-form";

type RegionChoice = { code: string; name: string };

/** Add a standard, or replace the one of the same region and date. */
export function StandardForm({ regions }: { regions: RegionChoice[] }) {
  const { state, formProps } = useActionForm(saveStandard);
  const replaced = state?.ok && state.data.replaced;
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2">
      <TextField
        name="regionCode"
        label="区划代码"
        required
        inputMode="numeric"
        autoComplete="off"
        list="hardship-regions"
        hint="12 位统计用区划代码；可从列表中选择市或县（市、区），乡镇也可以单独设置。"
        errors={errorsFor(state, "regionCode")}
      />
      <datalist id="hardship-regions">
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </datalist>
      <TextField name="effectiveFrom" label="生效日期" type="date" required errors={errorsFor(state, "effectiveFrom")} />
      <TextField
        name="monthlyIncomePerCapita"
        label="每人每月收入标准（元）"
        required
        inputMode="numeric"
        autoComplete="off"
        hint="家庭人均月收入不高于此数即属于经济困难。"
        errors={errorsFor(state, "monthlyIncomePerCapita")}
      />
      <TextField name="basis" label="依据文件" required maxLength={200} hint="如：某市司法局 某司发〔2024〕12号" errors={errorsFor(state, "basis")} />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton>保存标准</SubmitButton>
        <FormMessage state={state} success={replaced ? "已替换同一区划、同一生效日期的标准" : "已保存"} />
      </div>
    </form>
  );
}

export function RemoveStandardForm({ id, label }: { id: number; label: string }) {
  return <RemoveForm action={deleteStandard} id={id} label={label} />;
}
