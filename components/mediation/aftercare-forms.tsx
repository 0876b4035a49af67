"use client";

import { useState } from "react";
import type { ActionState } from "@/lib/api/action";
import { PERFORMANCE_LABELS, PERFORMANCE_ROUTE_LABELS, type PerformanceResult, type PerformanceRoute } from "@/lib/mediation/labels";
import { CONFIRMATION_WINDOW_DAYS, STATUS_MATTER_QUESTION } from "@/lib/mediation/aftercare-rules";
import { CheckboxField, ErrorList, Field, TextField, errorsFor } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnnounce, useStepForm } from "@/components/forms/step-form";
import { Textarea } from "@/components/ui/textarea";
import { Select } from "@/components/ui/select";
import { SignaturePads, type SignatureParty } from "@/components/mediation/aftercare-signature-pad";
import {
  recordAgreementAction, recordConfirmationAction, recordPerformanceAction, reportToCourtAction,
} from "@/app/staff/mediation/aftercare-actions";

// The committee's forms after a mediation (rendered by aftercare-section.tsx inside a StepPanel,
// whose announcement each form feeds through useAnnounce).

function Hidden({ number }: { number: string }) {
  return <input type="hidden" name="number" value={number} />;
}

/** The errors under signatures.<partyId>, keyed as the pads look them up. */
function signatureErrors(state: ActionState<unknown>) {
  if (!state || state.ok) return undefined;
  return Object.fromEntries(Object.entries(state.fieldErrors ?? {}).filter(([k]) => k.startsWith("signatures")));
}

export function AgreementForm({
  number, parties, today, categoryHint, crimeRisk,
}: { number: string; parties: SignatureParty[]; today: string; categoryHint: string | null; crimeRisk: boolean }) {
  const done = useAnnounce();
  const [oral, setOral] = useState(false);
  const { state, formProps } = useStepForm(recordAgreementAction, (r) =>
    done(
      r.confirmationDueOn
        ? `已记录调解协议，案件调解成功并已办结。当事人可在 ${r.confirmationDueOn} 前共同申请司法确认，已通知各方当事人。`
        : "已记录调解协议，案件调解成功并已办结，已通知各方当事人。",
    ),
  );
  const sigErrors = signatureErrors(state);
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <CheckboxField
        name="oral"
        id="agreement-oral"
        label="当事人认为无需制作调解协议书，采取口头协议方式（由调解员记录协议内容，人民调解法第二十八条）"
        checked={oral}
        onChange={(e) => setOral(e.currentTarget.checked)}
        errors={errorsFor(state, "oral")}
      />
      <Field name="facts" id="agreement-facts" label="纠纷的主要事实" required errors={errorsFor(state, "facts")}>
        {(c) => <Textarea {...c} rows={4} maxLength={4000} />}
      </Field>
      <Field name="disputes" id="agreement-disputes" label="争议事项" required errors={errorsFor(state, "disputes")}>
        {(c) => <Textarea {...c} rows={2} maxLength={2000} />}
      </Field>
      <Field name="responsibilities" id="agreement-responsibilities" label="各方当事人的责任" required errors={errorsFor(state, "responsibilities")}>
        {(c) => <Textarea {...c} rows={3} maxLength={2000} />}
      </Field>
      <Field
        name="terms"
        id="agreement-terms"
        label={oral ? "口头协议内容" : "协议内容"}
        required
        hint="写明各方达成的具体约定，如赔偿金额、支付对象等。"
        errors={errorsFor(state, "terms")}
      >
        {(c) => <Textarea {...c} rows={5} maxLength={4000} />}
      </Field>
      <Field name="performanceManner" id="agreement-manner" label="履行方式" required hint="如：一次性现金支付、分期转账、当场交付等。" errors={errorsFor(state, "performanceManner")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="performanceDueOn" id="agreement-due" type="date" min={today} label="履行期限" required errors={errorsFor(state, "performanceDueOn")} />
        <TextField
          name="signedOn"
          id="agreement-signed"
          type="date"
          max={today}
          defaultValue={today}
          label="协议生效日期"
          hint="各方签名、调解员签名并加盖印章之日。"
          required
          errors={errorsFor(state, "signedOn")}
        />
      </div>
      {!oral ? (
        <div className="space-y-1">
          {categoryHint ? <p className="text-sm text-slate-700">{categoryHint}</p> : null}
          <CheckboxField
            name="statusMatter"
            id="agreement-status-matter"
            label={`${STATUS_MATTER_QUESTION}（涉及的，不能申请司法确认）`}
            errors={errorsFor(state, "statusMatter")}
          />
        </div>
      ) : null}
      {crimeRisk ? (
        <CheckboxField name="crimePrevented" id="agreement-crime-prevented" label="通过调解化解了矛盾，防止了民转刑" errors={errorsFor(state, "crimePrevented")} />
      ) : null}
      {!oral ? <SignaturePads parties={parties} errors={sigErrors} /> : null}
      <FormMessage state={state} />
      <SubmitButton>记录协议，调解成功</SubmitButton>
    </form>
  );
}

export function ConfirmationAppliedForm({
  number, dueOn, defaultCourt, today, categoryHint,
}: { number: string; dueOn: string; defaultCourt: string | null; today: string; categoryHint: string | null }) {
  const done = useAnnounce();
  const { state, formProps } = useStepForm(recordConfirmationAction, () => done("已登记司法确认申请，已通知各方当事人。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <input type="hidden" name="step" value="APPLIED" />
      <p className="text-slate-700">
        双方当事人应当自调解协议生效之日起 {CONFIRMATION_WINDOW_DAYS} 日内（{dueOn} 前）共同向人民法院申请司法确认（人民调解法第三十三条）。
      </p>
      {categoryHint ? <p className="text-sm text-slate-700">{categoryHint}</p> : null}
      <CheckboxField name="statusMatter" id="confirmation-status-matter" label={STATUS_MATTER_QUESTION} errors={errorsFor(state, "statusMatter")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="appliedOn" id="confirmation-applied" type="date" max={today} label="申请日期" required errors={errorsFor(state, "appliedOn")} />
        <TextField
          name="court"
          id="confirmation-court"
          label="受理申请的人民法院"
          defaultValue={defaultCourt ?? undefined}
          maxLength={80}
          required
          errors={errorsFor(state, "court")}
        />
      </div>
      <Field name="note" id="confirmation-applied-note" label="说明" optional errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>登记申请</SubmitButton>
    </form>
  );
}

export function ConfirmationAcceptedForm({ number, today }: { number: string; today: string }) {
  const done = useAnnounce();
  const { state, formProps } = useStepForm(recordConfirmationAction, () => done("已登记人民法院受理司法确认申请。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <input type="hidden" name="step" value="ACCEPTED" />
      <TextField name="acceptedOn" id="confirmation-accepted" type="date" max={today} label="受理日期" required errors={errorsFor(state, "acceptedOn")} />
      <Field name="note" id="confirmation-accepted-note" label="说明（如法院案号）" optional errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">登记受理</SubmitButton>
    </form>
  );
}

export function ConfirmationResultForm({ number }: { number: string }) {
  const done = useAnnounce();
  const { state, formProps } = useStepForm(recordConfirmationAction, (r) =>
    done(r.granted ? "已登记：人民法院确认调解协议有效，已告知当事人可以申请强制执行。" : "已登记：人民法院不予确认，已告知当事人后续途径。"),
  );
  const errors = errorsFor(state, "granted");
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <input type="hidden" name="step" value="RESULT" />
      <fieldset aria-describedby={errors ? "confirmation-granted-error" : undefined}>
        <legend className="font-medium">
          人民法院的决定<span className="ml-1 text-danger" aria-hidden="true">*</span>
        </legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {[
            { value: "true", label: "确认调解协议有效" },
            { value: "false", label: "不予确认（确认无效）" },
          ].map((o) => (
            <label key={o.value} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="granted" value={o.value} className="size-5 accent-primary" aria-invalid={errors ? true : undefined} />
              {o.label}
            </label>
          ))}
        </div>
        <ErrorList id="confirmation-granted-error" errors={errors} />
      </fieldset>
      <Field name="note" id="confirmation-result-note" label="说明" hint="不予确认的，写明法院的理由。" errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>登记结果</SubmitButton>
    </form>
  );
}

const RESULTS = Object.entries(PERFORMANCE_LABELS) as [PerformanceResult, string][];
const ROUTES = Object.entries(PERFORMANCE_ROUTE_LABELS) as [PerformanceRoute, string][];

export function PerformanceForm({ number }: { number: string }) {
  const done = useAnnounce();
  const [result, setResult] = useState<PerformanceResult | null>(null);
  const { state, formProps } = useStepForm(recordPerformanceAction, (r) =>
    done(r.route ? "已登记履行回访，已告知当事人后续途径。" : "已登记履行回访。"),
  );
  const resultErrors = errorsFor(state, "result");
  return (
    <form {...formProps} className="space-y-4" onReset={() => setResult(null)}>
      <Hidden number={number} />
      <fieldset aria-describedby={resultErrors ? "performance-result-error" : undefined}>
        <legend className="font-medium">
          履行情况<span className="ml-1 text-danger" aria-hidden="true">*</span>
        </legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {RESULTS.map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="result"
                value={value}
                className="size-5 accent-primary"
                aria-invalid={resultErrors ? true : undefined}
                onChange={() => setResult(value)}
              />
              {label}
            </label>
          ))}
        </div>
        <ErrorList id="performance-result-error" errors={resultErrors} />
      </fieldset>
      {result && result !== "PERFORMED" ? (
        <Field name="route" id="performance-route" label="引导当事人采取的途径" required errors={errorsFor(state, "route")}>
          {(c) => (
            <Select {...c} defaultValue="">
              <option value="">请选择</option>
              {ROUTES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field name="note" id="performance-note" label="回访情况" optional errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={3} maxLength={1000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>登记履行回访</SubmitButton>
    </form>
  );
}

export function ReportToCourtForm({ number, court }: { number: string; court: string }) {
  const done = useAnnounce();
  const { state, formProps } = useStepForm(reportToCourtAction, () => done(`已登记向${court}反馈调解结果。`));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <p className="text-slate-700">打印《委派调解结果反馈函》（调解成功的附调解协议内容）送交{court}后，在此登记已反馈。</p>
      <FormMessage state={state} />
      <SubmitButton>登记已向法院反馈</SubmitButton>
    </form>
  );
}
