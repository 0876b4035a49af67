"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { MediationSource } from "@/lib/generated/prisma/enums";
import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import { INTAKE_CHANNELS, type RegisteredMediationCase } from "@/lib/mediation/schemas";
import { MEDIATION_SOURCE_LABELS, MEDIATION_STATUS_LABELS, REFERRAL_SOURCES } from "@/lib/mediation/labels";
import { CHANNEL_LABELS } from "@/lib/work-orders/labels";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField, errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Button, buttonClassName } from "@/components/ui/button";
import { DateTime } from "@/components/work-orders/format";
import { RegionPicker, type RegionPickerProps } from "@/components/work-orders/region-picker";
import { PartyFields } from "@/components/mediation/party-fields";
import { FormSection } from "@/components/forms/form-section";
import { MediationCategoryField } from "@/components/mediation/category-field";

type Regions = Pick<RegionPickerProps, "counties" | "townships" | "villages" | "value">;
type RegisterAction = (previous: ActionState<RegisteredMediationCase>, input: FormData) => Promise<Result<RegisteredMediationCase>>;

/**
 * 登记调解案件: a walk-in, a case found in dispute screening (主动排查) or a referral (法院委派, 公安、
 * 信访移送). The source decides what else is asked: the referral's authority and reference, the
 * screening note, or whether every party already agreed at the window.
 */
export function RegisterForm(props: { regions: Regions; action: RegisterAction }) {
  // "继续登记" starts a fresh form: a new key drops the last result and everything typed.
  const [generation, setGeneration] = useState(0);
  return <CaseForm key={generation} {...props} onAnother={() => setGeneration((g) => g + 1)} />;
}

function CaseForm({ regions, action, onAnother }: { regions: Regions; action: RegisterAction; onAnother: () => void }) {
  const { state, formProps } = useActionForm(action);
  const [source, setSource] = useState<MediationSource>("APPLICATION");
  if (state?.ok) return <Registered result={state.data} onAnother={onAnother} />;
  const e = (name: string) => errorsFor(state, name);
  const referral = REFERRAL_SOURCES.includes(source);
  return (
    <form {...formProps} className="space-y-6">
      <p className="text-slate-600">带 <span className="text-danger">*</span> 的为必填项。身份证号码加密保存，案件承办组织以外显示为脱敏号码。</p>
      <FormMessage state={state} />

      <FormSection title="案件来源">
        <Field name="source" label="来源" required errors={e("source")}>
          {(c) => (
            <Select {...c} value={source} onChange={(ev) => setSource(ev.target.value as MediationSource)}>
              {(Object.keys(MEDIATION_SOURCE_LABELS) as MediationSource[]).map((k) => (
                <option key={k} value={k}>{MEDIATION_SOURCE_LABELS[k]}</option>
              ))}
            </Select>
          )}
        </Field>
        {source === "APPLICATION" ? (
          <>
            <Field name="channel" label="申请方式" errors={e("channel")}>
              {(c) => (
                <Select {...c} defaultValue="WALK_IN">
                  {INTAKE_CHANNELS.map((k) => <option key={k} value={k}>{CHANNEL_LABELS[k]}</option>)}
                </Select>
              )}
            </Field>
            <CheckboxField
              name="allAgreed"
              label="双方均同意调解（登记时各方当事人均已表示同意，案件直接受理；否则由调解员先征求对方意见）"
              errors={e("allAgreed")}
            />
          </>
        ) : null}
        {referral ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="referral.authority" label="委派（移送）机关" required maxLength={80} hint="如：甲县人民法院、西镇派出所" errors={e("referral.authority")} />
            <TextField name="referral.reference" label="委派（移送）文书编号" required maxLength={60} hint="如：（2026）甲诉前调字第 123 号" errors={e("referral.reference")} />
            <TextField name="referral.deadline" label="委派期限" optional type="date" hint="法院诉前委派的调解期限" errors={e("referral.deadline")} />
          </div>
        ) : null}
        {source === "PROACTIVE" ? (
          <Field name="screeningNote" label="排查情况" optional hint="在哪里、怎样发现的纠纷（如网格员排查、走访发现）" errors={e("screeningNote")}>
            {(c) => <Textarea {...c} rows={3} maxLength={500} />}
          </Field>
        ) : null}
      </FormSection>

      <FormSection title="纠纷">
        <MediationCategoryField errors={e("category")} />
        <RegionPicker {...regions} id="register-region" legend="纠纷发生地" hint="窗口来访的，纠纷在本网点辖区内由本网点调解；其他案件交给纠纷发生地最基层的调解委员会。" errors={e("regionCode")} />
        <Field name="summary" label="纠纷事实和争议事项" required errors={e("summary")}>
          {(c) => <Textarea {...c} rows={6} maxLength={4000} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="amountInvolved" label="争议金额（元）" optional inputMode="decimal" errors={e("amountInvolved")} />
          <TextField name="peopleInvolved" label="涉及人数" optional type="number" min={2} inputMode="numeric" hint="不填按当事人数计算" errors={e("peopleInvolved")} />
        </div>
        <CheckboxField name="major" label="重大纠纷（涉及人数多、金额大或社会影响大）" errors={e("major")} />
        <CheckboxField name="crimeRisk" label="有激化为刑事案件的风险（民转刑风险）" errors={e("crimeRisk")} />
      </FormSection>

      <FormSection title="当事人">
        <p className="text-slate-700">至少两方。人数多的（如多户业主）可以继续添加，完全空白的行不会提交。</p>
        <PartyFields
          errors={e}
          idPrefix="register-party"
          initialRows={3}
          defaultRole={(i) => (i === 0 && source !== "PROACTIVE" ? "APPLICANT" : "RESPONDENT")}
          rowTitle={(i) => `当事人 ${i + 1}`}
          withIdNumber
          addLabel="添加当事人"
        />
      </FormSection>

      <SubmitButton size="lg" block pendingText="正在登记…">登记调解案件</SubmitButton>
    </form>
  );
}

function Registered({ result, onAnother }: { result: RegisteredMediationCase; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-4 rounded-lg border border-green-300 bg-green-50 p-4 sm:p-6">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-bold text-green-900 focus:outline-none">调解案件已登记</h2>
      <dl className="grid gap-x-4 gap-y-2 text-slate-900 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">案件编号</dt>
        <dd className="text-lg font-semibold">{result.number}</dd>
        <dt className="text-slate-700">状态</dt>
        <dd>{MEDIATION_STATUS_LABELS[result.status]}</dd>
        <dt className="text-slate-700">调解委员会</dt>
        <dd>{result.committee.name}</dd>
        <dt className="text-slate-700">调解期限</dt>
        <dd><DateTime value={result.dueAt} /> 前</dd>
      </dl>
      <p className="text-slate-800">
        {result.status === "AWAITING_CONSENT"
          ? "请联系对方当事人征求是否同意调解，并在案件页登记答复；对方拒绝的，依法不予调解。"
          : "已通知调解委员会安排调解员，有手机号的当事人已收到案件编号。"}
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href={`/staff/mediation/${result.number}`} className={buttonClassName({ size: "lg" })}>打开案件</Link>
        <Button variant="secondary" size="lg" onClick={onAnother}>继续登记</Button>
      </div>
    </div>
  );
}
