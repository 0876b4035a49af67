"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { saveLegalAidRules } from "../actions";

type Rule = { dayBasis: string; assignDays: number; materialsDays: number; objectionDays: number; closingMaterialsDays: number };

/** Each limit with its legal basis next to it, so the admin sees what the number stands for. */
export function LegalAidRulesForm({ rule }: { rule: Rule }) {
  const { state, formProps } = useActionForm(saveLegalAidRules);
  const e = (name: string) => errorsFor(state, name);
  return (
    <form {...formProps} className="mt-3 space-y-5">
      <FormMessage state={state} success="已保存" />
      <Field name="dayBasis" label="期限按什么计算" hint="适用于下面四项期限。法律规定的“日”通常按工作日执行；如本地规定按自然日，请改选。" errors={e("dayBasis")}>
        {(c) => (
          <Select {...c} defaultValue={rule.dayBasis}>
            <option value="WORKING_DAYS">工作日</option>
            <option value="CALENDAR_DAYS">自然日</option>
          </Select>
        )}
      </Field>
      <TextField
        name="assignDays"
        label="指派律师的期限（天，1–30）"
        hint="第四十三条：决定给予法律援助的，应当自作出决定之日起三日内指派法律援助人员。默认 3。"
        type="number"
        min={1}
        max={30}
        inputMode="numeric"
        defaultValue={rule.assignDays}
        errors={e("assignDays")}
      />
      <TextField
        name="materialsDays"
        label="补充材料的期限（天，1–90）"
        hint="材料不齐的，一次性告知申请人需要补充的全部材料；期满仍未补充的，视为撤回申请。本地规定，默认 15。"
        type="number"
        min={1}
        max={90}
        inputMode="numeric"
        defaultValue={rule.materialsDays}
        errors={e("materialsDays")}
      />
      <TextField
        name="objectionDays"
        label="异议审查的期限（天，1–30）"
        hint="第四十九条：司法行政部门应当自收到异议之日起五日内审查，作出维持或者责令改正的决定。默认 5。"
        type="number"
        min={1}
        max={30}
        inputMode="numeric"
        defaultValue={rule.objectionDays}
        errors={e("objectionDays")}
      />
      <TextField
        name="closingMaterialsDays"
        label="提交结案材料的期限（天，1–90）"
        hint="第五十条：办理结束后，法律援助人员应当及时报告并提交法律文书副本、办理情况报告等材料；本地规定结案后 15 日内提交。默认 15。"
        type="number"
        min={1}
        max={90}
        inputMode="numeric"
        defaultValue={rule.closingMaterialsDays}
        errors={e("closingMaterialsDays")}
      />
      <SubmitButton>保存</SubmitButton>
    </form>
  );
}
