"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import type { RegisteredMediationCase } from "@/lib/mediation/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { buttonClassName } from "@/components/ui/button";
import { DateTime } from "@/components/work-orders/format";
import { RegionPicker, type RegionPickerProps } from "@/components/work-orders/region-picker";
import { PartyFields } from "@/components/mediation/party-fields";
import { FormSection } from "@/components/forms/form-section";
import { MediationCategoryField } from "@/components/mediation/category-field";
import { CONSENT_NOTICES, MEDIATION_NOTICE } from "@/lib/personal-data/categories";

type Regions = Pick<RegionPickerProps, "counties" | "townships" | "villages" | "value">;
type ApplyAction = (previous: ActionState<RegisteredMediationCase>, input: FormData) => Promise<Result<RegisteredMediationCase>>;

/**
 * 申请人民调解: the resident (the first applicant, from their account) names the other side; the
 * committee then asks the other side whether they agree (Art. 17). Every message comes from the
 * server, next to its field.
 */
export function ApplyForm({ regions, me, action }: { regions: Regions; me: { name: string; phoneMasked: string | null }; action: ApplyAction }) {
  const { state, formProps } = useActionForm(action);
  if (state?.ok) return <Submitted result={state.data} />;
  const e = (name: string) => errorsFor(state, name);
  return (
    <form {...formProps} className="space-y-6">
      <p className="text-slate-600">带 <span className="text-danger">*</span> 的为必填项。人民调解不收费。</p>
      <FormMessage state={state} />

      <FormSection title="纠纷类别与地点">
        <MediationCategoryField errors={e("category")} />
        <RegionPicker {...regions} id="mediation-region" legend="纠纷发生地" hint="由当地村（社区）或乡镇（街道）的人民调解委员会调解，请尽量选到村（社区）。" errors={e("regionCode")} />
      </FormSection>

      <FormSection title="事情经过">
        <Field name="summary" label="发生了什么，双方争的是什么" required hint="时间、地点、经过，以及您希望怎样解决。" errors={e("summary")}>
          {(c) => <Textarea {...c} rows={6} maxLength={4000} />}
        </Field>
      </FormSection>

      <FormSection title="当事人">
        <div className="rounded-md bg-slate-50 p-3">
          <p className="font-semibold text-slate-900">您自己（申请人）</p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">姓名</dt>
            <dd>{me.name}</dd>
            <dt className="text-slate-600">手机号</dt>
            <dd>{me.phoneMasked ?? "未登记"}</dd>
          </dl>
          <TextField name="self.address" label="您的住址" optional maxLength={160} autoComplete="street-address" errors={e("self.address")} className="mt-3" />
        </div>
        <p className="text-slate-700">请填写对方当事人（被申请人）。涉及多方的，可以继续添加；调解员会先征求对方是否同意调解。</p>
        <PartyFields
          errors={e}
          idPrefix="apply-party"
          initialRows={3}
          maxRows={50}
          defaultRole={() => "RESPONDENT"}
          rowTitle={(i) => `对方当事人 ${i + 1}`}
          addLabel="添加一方"
        />
      </FormSection>

      <FormSection title="争议金额">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="amountInvolved" label="争议金额（元）" optional inputMode="decimal" hint="不涉及金钱的可以不填" errors={e("amountInvolved")} />
          <TextField name="peopleInvolved" label="涉及人数" optional type="number" min={2} inputMode="numeric" hint="不填按当事人数计算" errors={e("peopleInvolved")} />
        </div>
      </FormSection>

      <FormSection title="个人信息告知">
        <p className="text-slate-700">提交申请即表示：{CONSENT_NOTICES[MEDIATION_NOTICE].PERSONAL_INFO}对方当事人的信息只用于联系和调解。</p>
      </FormSection>

      <SubmitButton size="lg" block pendingText="正在提交…">提交调解申请</SubmitButton>
    </form>
  );
}

function Submitted({ result }: { result: RegisteredMediationCase }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-4 rounded-lg border border-green-300 bg-green-50 p-4 sm:p-6">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-bold text-green-900 focus:outline-none">调解申请已提交</h2>
      <dl className="grid gap-x-4 gap-y-2 text-slate-900 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">案件编号</dt>
        <dd className="text-lg font-semibold">{result.number}</dd>
        <dt className="text-slate-700">调解委员会</dt>
        <dd>{result.committee.name}</dd>
        <dt className="text-slate-700">调解期限</dt>
        <dd><DateTime value={result.dueAt} /> 前（一般一个月内调结）</dd>
      </dl>
      <h3 className="font-semibold text-slate-900">现在：等待对方同意调解</h3>
      <p className="text-slate-800">
        人民调解遵循自愿原则。调解员会联系对方当事人，征求是否同意调解。对方同意后，调解员会与您约定调解的时间和地点；
        对方明确拒绝的，依法不能调解，我们会告诉您可以通过仲裁、行政处理或诉讼等途径解决。进展会通过站内消息告知您。
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href={`/resident/mediation/${result.number}`} className={buttonClassName({ size: "lg" })}>查看调解进度</Link>
        <Link href="/resident" className={buttonClassName({ variant: "secondary", size: "lg" })}>返回我的服务</Link>
      </div>
    </div>
  );
}
