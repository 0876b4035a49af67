"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { SubmittedApplication } from "@/lib/legal-aid/apply";
import { AID_FORM_LABELS, ECONOMIC_BASIS_LABELS } from "@/lib/legal-aid/application-schemas";
import { CRIMINAL_SITUATIONS, EXEMPT_GROUPS, GREEN_CHANNEL, MATTERS, NO_TEST_SITUATIONS } from "@/lib/legal-aid/eligibility";
import { CONSENT_NOTICES, LEGAL_AID_NOTICE } from "@/lib/personal-data/categories";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField, ErrorList, errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { buttonClassName } from "@/components/ui/button";
import { DateTime } from "@/components/work-orders/format";
import { RegionPicker, type RegionPickerProps } from "@/components/work-orders/region-picker";
import { LawyerChoiceFields, type ChoiceOptions } from "@/components/legal-aid/lawyer-choice-fields";
import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import { CHANNEL_LABELS } from "@/lib/work-orders/labels";
import { FormSection } from "@/components/forms/form-section";

type Regions = Pick<RegionPickerProps, "counties" | "townships" | "villages" | "value">;
type Basis = keyof typeof ECONOMIC_BASIS_LABELS;

type ApplyAction = (previous: ActionState<SubmittedApplication>, input: FormData) => Promise<Result<SubmittedApplication>>;
type DraftAction = (previous: ActionState<{ savedAt: string }>, input: FormData) => Promise<Result<{ savedAt: string }>>;

const noDraft: DraftAction = async () => ({ ok: false, code: "FORBIDDEN", message: "不能保存草稿" });
const isBasis = (v: string | undefined): v is Basis => !!v && v in ECONOMIC_BASIS_LABELS;
const clock = (iso: string) => new Date(iso).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

export type ApplicationFormProps = {
  regions: Regions;
  me: { name: string };
  action: ApplyAction;
  /** staff register a walk-in or hotline applicant (with the channel); no drafts */
  staff?: boolean;
  /** prefilled values by dotted field name ("applicant.name"), e.g. a restored draft */
  defaults?: Record<string, string>;
  /** shows "保存草稿，稍后继续", which sends the form here instead of submitting it */
  saveDraft?: DraftAction;
  /** shown above the form (not after submitting), e.g. "已恢复您上次保存的草稿" */
  notice?: ReactNode;
  /** 点援: the roster to rank lawyers from (residents; optional, also possible after submitting) */
  choices?: ChoiceOptions;
};

/**
 * 法律援助申请表: one page of plain sections; every message comes from the server next to its field.
 * Residents apply for themselves (and may save a draft); staff register a walk-in or hotline applicant.
 * Inputs are uncontrolled with defaults, so a restored draft fills them on the first render.
 */
export function ApplicationForm({ regions, me, action, staff = false, defaults = {}, saveDraft, notice, choices }: ApplicationFormProps) {
  const { state, formProps } = useActionForm(action);
  const [draftState, draftAction, draftPending] = useActionState(saveDraft ?? noDraft, null);
  const d = (name: string) => defaults[name];
  const [basis, setBasis] = useState<Basis>(() => {
    const saved = d("economic.basis");
    return isBasis(saved) ? saved : "HARDSHIP_DECLARATION";
  });
  if (state?.ok) return <Submitted application={state.data} staff={staff} />;
  const e = (name: string) => errorsFor(state, name);
  // A file's own errors ("attachments.0" …) are shown next to the one file input.
  const fileErrors = errorsFor(state, "attachments") ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (!submitter?.hasAttribute("data-save-draft")) return formProps.onSubmit(event);
    event.preventDefault();
    const data = new FormData(event.currentTarget, submitter);
    // Drafts keep text only: do not upload the chosen files just to drop them.
    for (const [key, value] of [...data.entries()]) if (value instanceof File) data.delete(key);
    // After this event: a transition started inside it would show the submit button's "正在提交…" too.
    queueMicrotask(() => startTransition(() => draftAction(data)));
  }

  // No encType: React sends a form with a server action as multipart/form-data, files included.
  return (
    <>
      {notice}
      <form {...formProps} onSubmit={onSubmit} className="space-y-6">
        <p className="text-slate-600">带 <span className="text-danger">*</span> 的为必填项。身份证号码加密保存，只用于审查。</p>
        <FormMessage state={state} />

        {staff ? (
          <Field name="channel" label="来源渠道" required errors={e("channel")}>
            {(c) => (
              <Select {...c} defaultValue={d("channel") ?? "WALK_IN"}>
                {(["WALK_IN", "HOTLINE_12348", "COURT_REFERRAL", "POLICE_REFERRAL", "PETITION_REFERRAL"] as const).map((k) => (
                  <option key={k} value={k}>{CHANNEL_LABELS[k]}</option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        <FormSection title="申请人">
          <TextField name="applicant.name" label="姓名" required defaultValue={d("applicant.name") ?? (staff ? "" : me.name)} maxLength={40} errors={e("applicant.name")} autoComplete={staff ? "off" : "name"} />
          <TextField name="applicant.idNumber" label="身份证号码" required maxLength={18} defaultValue={d("applicant.idNumber")} errors={e("applicant.idNumber")} autoComplete="off" inputMode="text" />
          <TextField name="applicant.phone" label="手机号" required inputMode="tel" maxLength={13} defaultValue={d("applicant.phone")} errors={e("applicant.phone")} autoComplete="tel" />
          <TextField name="applicant.address" label="住址" required maxLength={160} defaultValue={d("applicant.address")} errors={e("applicant.address")} autoComplete="street-address" />
          <RegionPicker {...regions} id="applicant-region" name="applicant.regionCode" legend="户籍或经常居住地" hint="决定由这个地区的县级中心作出。" errors={e("applicant.regionCode")} />
        </FormSection>

        <FormSection title="代理人（替没有完全行为能力的家人申请时填写）">
          <TextField name="agent.name" label="代理人姓名" optional maxLength={40} defaultValue={d("agent.name")} errors={e("agent.name")} />
          <TextField name="agent.relation" label="与申请人关系" optional maxLength={20} defaultValue={d("agent.relation")} hint="如：父亲、女儿、监护人" errors={e("agent.relation")} />
          <TextField name="agent.phone" label="代理人手机号" optional inputMode="tel" defaultValue={d("agent.phone")} errors={e("agent.phone")} />
        </FormSection>

        <FormSection title="要解决的事情">
          <Field name="matter.category" label="事项类别" required errors={e("matter.category")}>
            {(c) => (
              <Select {...c} defaultValue={d("matter.category") ?? ""}>
                <option value="">请选择</option>
                <optgroup label="民事、行政事项（第三十一条）">
                  {MATTERS.map((m) => <option key={m.key} value={m.key}>{m.label}</option>)}
                </optgroup>
                <optgroup label="刑事案件">
                  {CRIMINAL_SITUATIONS.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
                </optgroup>
              </Select>
            )}
          </Field>
          <Field name="matter.facts" label="简要经过" required hint="发生了什么、您希望得到什么帮助。" errors={e("matter.facts")}>
            {(c) => <Textarea {...c} rows={5} maxLength={4000} defaultValue={d("matter.facts")} />}
          </Field>
          <TextField name="matter.opposingParty" label="对方是谁" required maxLength={120} defaultValue={d("matter.opposingParty")} hint="个人姓名或单位名称" errors={e("matter.opposingParty")} />
          <TextField name="matter.authority" label="正在处理的机关或法院" optional maxLength={120} defaultValue={d("matter.authority")} hint="如：青溪区人民法院、劳动仲裁委员会" errors={e("matter.authority")} />
          <TextField name="matter.urgentDeadline" label="有没有快到期的期限" optional type="date" defaultValue={d("matter.urgentDeadline")} hint="如起诉、上诉、仲裁的最后期限。7 天内到期的可以先行援助。" errors={e("matter.urgentDeadline")} />
          <Field name="aidForm" label="希望得到的帮助" required errors={e("aidForm")}>
            {(c) => (
              <Select {...c} defaultValue={d("aidForm") ?? ""}>
                <option value="">请选择</option>
                {Object.entries(AID_FORM_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </Select>
            )}
          </Field>
        </FormSection>

        <FormSection title="经济状况">
          <fieldset>
            <legend className="font-medium">依据<span className="ml-1 text-danger" aria-hidden="true">*</span></legend>
            <div className="mt-2 space-y-2">
              {(Object.keys(ECONOMIC_BASIS_LABELS) as Basis[]).map((b) => (
                <label key={b} htmlFor={`basis-${b}`} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-400 p-3 has-[:checked]:border-primary has-[:checked]:bg-primary-soft">
                  <input type="radio" id={`basis-${b}`} name="economic.basis" value={b} checked={basis === b} onChange={() => setBasis(b)} className="size-6 accent-primary" />
                  <span>{ECONOMIC_BASIS_LABELS[b]}</span>
                </label>
              ))}
            </div>
            <ErrorList errors={e("economic.basis") ?? e("economic")} />
          </fieldset>
          {basis === "HARDSHIP_DECLARATION" ? (
            <>
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField name="economic.declaration.monthlyIncome" label="全家每月收入（元）" required type="number" min={0} inputMode="numeric" defaultValue={d("economic.declaration.monthlyIncome")} errors={e("economic.declaration.monthlyIncome")} />
                <TextField name="economic.declaration.householdSize" label="家庭人口（人）" required type="number" min={1} inputMode="numeric" defaultValue={d("economic.declaration.householdSize")} errors={e("economic.declaration.householdSize")} />
              </div>
              <CheckboxField name="economic.declaration.signed" label="个人诚信承诺：以上经济状况真实。如有隐瞒或虚报，愿意承担法律责任，并接受终止法律援助。" defaultChecked={d("economic.declaration.signed") === "on"} errors={e("economic.declaration.signed")} />
            </>
          ) : basis === "EXEMPT_GROUP" ? (
            <Field name="economic.group" label="属于哪一类" required hint="审查时需要提供相应证明。" errors={e("economic.group")}>
              {(c) => (
                <Select {...c} defaultValue={d("economic.group") ?? ""}>
                  <option value="">请选择</option>
                  {EXEMPT_GROUPS.map((g) => <option key={g.key} value={g.key}>{g.label}</option>)}
                </Select>
              )}
            </Field>
          ) : (
            <Field name="economic.situation" label="属于哪种情形" required errors={e("economic.situation")}>
              {(c) => (
                <Select {...c} defaultValue={d("economic.situation") ?? ""}>
                  <option value="">请选择</option>
                  {NO_TEST_SITUATIONS.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
                  <option value="MANDATORY_CRIMINAL">刑事案件中依法应当指派律师的情形</option>
                </Select>
              )}
            </Field>
          )}
          <Field name="greenChannel" label="绿色通道（优先办理）" optional hint="重度残疾、重病、独居老人、留守儿童可以优先办理，律师可上门。" errors={e("greenChannel")}>
            {(c) => (
              <Select {...c} defaultValue={d("greenChannel") ?? ""}>
                <option value="">不属于</option>
                {GREEN_CHANNEL.map((g) => <option key={g.key} value={g.key}>{g.label}</option>)}
              </Select>
            )}
          </Field>
        </FormSection>

        {choices ? (
          <FormSection title="选择律师（点援，选填）">
            <LawyerChoiceFields choices={choices} idPrefix="apply-lawyer" defaults={d("lawyerChoices") ? [Number(d("lawyerChoices"))] : []} errors={e("lawyerChoices")} />
          </FormSection>
        ) : null}

        <FormSection title="上传材料">
          <Field
            name="attachments"
            label="证明材料（身份证、收入证明、案件材料等，图片或 PDF，最多 5 个，每个不超过 10MB）"
            optional
            hint="手机可以直接拍照上传。现在没有的可以先不传，需要补充的，工作人员会一次性告诉您。"
            errors={fileErrors.length ? fileErrors : undefined}
          >
            {(c) => <input {...c} type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" className="block min-h-11 w-full text-base" />}
          </Field>
        </FormSection>

        <FormSection title="个人信息授权">
          <CheckboxField name="consent.personalInfo" label={CONSENT_NOTICES[LEGAL_AID_NOTICE].PERSONAL_INFO} defaultChecked={d("consent.personalInfo") === "on"} errors={e("consent.personalInfo")} />
          <CheckboxField name="consent.sensitiveInfo" label={CONSENT_NOTICES[LEGAL_AID_NOTICE].SENSITIVE_INFO} defaultChecked={d("consent.sensitiveInfo") === "on"} errors={e("consent.sensitiveInfo")} />
        </FormSection>

        <div className="space-y-3">
          <SubmitButton size="lg" block pendingText="正在提交…">提交申请</SubmitButton>
          {saveDraft ? (
            <>
              {/* formAction: without JavaScript this button posts to the draft action; formNoValidate: a draft may be half-filled */}
              <Button type="submit" variant="secondary" size="lg" block formAction={draftAction} formNoValidate data-save-draft="" disabled={draftPending} aria-busy={draftPending || undefined}>
                {draftPending ? "正在保存草稿…" : "保存草稿，稍后继续"}
              </Button>
              <div role="status" aria-live="polite" className={draftState ? "" : "sr-only"}>
                {draftState?.ok ? (
                  <p className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
                    草稿已保存（{clock(draftState.data.savedAt)}）。上传的文件不保存在草稿里，提交前请重新选择。
                  </p>
                ) : draftState ? (
                  <p className="rounded-md border border-red-300 bg-danger-soft px-4 py-3 text-danger">
                    草稿没有保存：{draftState.fieldErrors?._form?.[0] ?? draftState.message}
                  </p>
                ) : null}
              </div>
            </>
          ) : null}
        </div>
      </form>
    </>
  );
}

function Submitted({ application, staff }: { application: SubmittedApplication; staff: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-4 rounded-lg border border-green-300 bg-green-50 p-4 sm:p-6">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-bold text-green-900 focus:outline-none">申请已提交</h2>
      <dl className="grid gap-x-4 gap-y-2 text-slate-900 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">申请编号</dt>
        <dd className="text-lg font-semibold">{application.number}</dd>
        <dt className="text-slate-700">作出决定的期限</dt>
        <dd><DateTime value={application.dueAt} /> 前</dd>
      </dl>
      {staff ? (
        <>
          <p className="text-slate-800">申请已交由作出决定的县级公共法律服务中心审查，已把编号告知申请人。</p>
          <div className="flex flex-wrap gap-3">
            <Link href="/staff" className={buttonClassName({ size: "lg" })}>返回工作台</Link>
          </div>
        </>
      ) : (
        <>
          <p className="text-slate-800">审查进展会通过站内消息告知您；需要补充材料的，会一次性告诉您全部清单。</p>
          <div className="flex flex-wrap gap-3">
            <Link href={`/resident/work-orders/${application.number}`} className={buttonClassName({ size: "lg" })}>查看办理进度</Link>
            <Link href="/resident" className={buttonClassName({ variant: "secondary", size: "lg" })}>返回我的服务</Link>
          </div>
        </>
      )}
    </div>
  );
}
