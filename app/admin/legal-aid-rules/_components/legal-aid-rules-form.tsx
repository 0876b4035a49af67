"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { saveLegalAidRules } from "../actions";
import type { LegalAidLimits } from "@/lib/legal-aid/case";

type Rule = LegalAidLimits;

/** Each limit with its legal basis next to it, so the admin sees what the number stands for. */
export function LegalAidRulesForm({ rule }: { rule: Rule }) {
  const { state, formProps } = useActionForm(saveLegalAidRules);
  const e = (name: string) => errorsFor(state, name);
  return (
    <form {...formProps} className="mt-3 space-y-5">
      <FormMessage state={state} success="已保存" />
      <Field name="dayBasis" label="期限按什么计算" hint="适用于下面四项以天计的期限。法律规定的“日”通常按工作日执行；如本地规定按自然日，请改选。" errors={e("dayBasis")}>
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
      <fieldset className="space-y-5 border-t border-slate-200 pt-4">
        <legend className="pt-4 text-base font-semibold text-slate-900">点援制设置</legend>
        <TextField
          name="offerHours"
          label="律师接单期限（小时，1–168）"
          hint="受援人选择的律师须在此期限内接受或拒绝派单，逾期视为不接单，依次派给下一位所选律师；都未接单的进入抢单池，抢单池也开放这么长时间，仍无人接单的由法律援助中心直接指派。均不超过指派律师的期限。默认 24。"
          type="number"
          min={1}
          max={168}
          inputMode="numeric"
          defaultValue={rule.offerHours}
          errors={e("offerHours")}
        />
        <TextField
          name="maxChoices"
          label="受援人可选律师人数（人，1–5）"
          hint="受援人从律师名册中按先后顺序最多可以选择的律师人数。只影响此后提交的选择。默认 3。"
          type="number"
          min={1}
          max={5}
          inputMode="numeric"
          defaultValue={rule.maxChoices}
          errors={e("maxChoices")}
        />
        <TextField
          name="choiceHours"
          label="决定给予法律援助后，受援人还可以选择律师的时间（小时，1–72）"
          optional
          hint="留空表示直到指派律师的期限届满前都可以选择或重新选择（默认）。填写后，超过这个时间只能由法律援助中心指派。"
          type="number"
          min={1}
          max={72}
          inputMode="numeric"
          defaultValue={rule.choiceHours ?? ""}
          errors={e("choiceHours")}
        />
      </fieldset>
      <SubmitButton>保存</SubmitButton>
    </form>
  );
}
