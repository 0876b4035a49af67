"use client";

import type { ReactNode } from "react";
import type { LegalAidOutcome } from "@/lib/generated/prisma/enums";
import { OUTCOME_LABELS, PROGRESS_KINDS, TERMINATION_REASONS } from "@/lib/legal-aid/labels";
import { errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Step, StepPanel, useStepForm, type Done } from "@/components/forms/step-form";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { close, progress, terminate } from "../../actions";

type Props = {
  number: string;
  /** the case is in progress (ASSIGNED); otherwise only the outcome of the last step is shown */
  active: boolean;
  /** today's date in Beijing time (YYYY-MM-DD), the latest date a form accepts */
  today: string;
  /** the lawyer already asked to end the aid and the centre has not decided */
  terminationPending: boolean;
  /** "15 个工作日" — how long after the case ended the closing materials are due */
  closingLimit: string;
};

/** The lawyer's steps on a case in progress; the outcome is announced above them. */
export function LawyerCaseActions(p: Props) {
  return <StepPanel>{(done) => (p.active ? <LawyerSteps {...p} done={done} /> : null)}</StepPanel>;
}

function LawyerSteps(p: Props & { done: Done }) {
  const setNotice = p.done;
  const forms: ReactNode[] = [
    <Step key="progress" summary="记录办案进展" open><ProgressForm {...p} onDone={setNotice} /></Step>,
  ];
  if (!p.terminationPending) {
    forms.push(
      <Step key="close" summary="结案并提交结案材料"><CloseForm {...p} onDone={setNotice} /></Step>,
      <Step key="terminate" summary="申请终止法律援助"><TerminationForm {...p} onDone={setNotice} /></Step>,
    );
  }
  return (
    <>
      {p.terminationPending ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          您已申请终止法律援助，法律援助中心处理前不能结案。
        </p>
      ) : null}
      <div className="space-y-3">{forms}</div>
    </>
  );
}

type FormProps = Props & { onDone: Done };

function Hidden({ number }: { number: string }) {
  return <input type="hidden" name="number" value={number} />;
}

function ProgressForm({ number, today, onDone }: FormProps) {
  const { state, formProps } = useStepForm(progress, () => onDone("办案进展已记录，已告知受援人。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="kind" id="progress-kind" label="进展类型" required errors={errorsFor(state, "kind")}>
        {(c) => (
          <Select {...c} defaultValue="">
            <option value="" disabled>请选择</option>
            {Object.entries(PROGRESS_KINDS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </Select>
        )}
      </Field>
      <TextField name="on" id="progress-on" label="日期" type="date" required max={today} defaultValue={today} errors={errorsFor(state, "on")} className="max-w-xs" />
      <Field name="note" id="progress-note" label="进展情况" required hint="写明做了什么、结果如何，2 至 1000 字。受援人会收到进展提醒。" errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={3} maxLength={1000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>保存进展</SubmitButton>
    </form>
  );
}

function TerminationForm({ number, onDone }: FormProps) {
  const { state, formProps } = useStepForm(terminate, () => onDone("终止法律援助的申请已提交，法律援助中心审查后会告诉您结果。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <p className="text-slate-700">有法律援助法第四十八条规定的情形之一的，可以申请终止法律援助，由法律援助中心审查决定。</p>
      <Field name="reason" id="termination-reason" label="终止的理由" required errors={errorsFor(state, "reason")}>
        {(c) => (
          <Select {...c} defaultValue="">
            <option value="" disabled>请选择</option>
            {Object.entries(TERMINATION_REASONS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </Select>
        )}
      </Field>
      <Field name="detail" id="termination-detail" label="具体情况" required hint="说明事实和依据，4 至 1000 字。" errors={errorsFor(state, "detail")}>
        {(c) => <Textarea {...c} rows={3} maxLength={1000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="danger">申请终止法律援助</SubmitButton>
    </form>
  );
}

const OUTCOMES = Object.keys(OUTCOME_LABELS) as LegalAidOutcome[];

function CloseForm({ number, today, closingLimit, onDone }: FormProps) {
  const { state, formProps } = useStepForm(close, () => onDone("案件已结案，结案材料已提交。法律援助中心将回访受援人并进行质量评估。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <p className="text-slate-700">结案材料应在案件办结之日起 {closingLimit}内提交（法律援助法第五十条）。</p>
      <TextField name="endedOn" id="close-ended-on" label="办结日期" type="date" required max={today} defaultValue={today} hint="判决、裁决、调解书生效或服务完成的日期。" errors={errorsFor(state, "endedOn")} className="max-w-xs" />
      <Field name="outcome" id="close-outcome" label="办理结果" required errors={errorsFor(state, "outcome")}>
        {(c) => (
          <Select {...c} defaultValue="">
            <option value="" disabled>请选择</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{OUTCOME_LABELS[o]}</option>)}
          </Select>
        )}
      </Field>
      <Field name="summary" id="close-summary" label="结案小结" required hint="办案经过和结果，10 至 2000 字。" errors={errorsFor(state, "summary")}>
        {(c) => <Textarea {...c} rows={5} maxLength={2000} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="moneyRecovered" id="close-money" label="挽回经济损失（元）" optional inputMode="decimal" hint="没有的可以不填。" errors={errorsFor(state, "moneyRecovered")} />
        <TextField name="feesWaived" id="close-fees" label="减免收费（元）" optional inputMode="decimal" hint="如诉讼费、鉴定费减免；没有的可以不填。" errors={errorsFor(state, "feesWaived")} />
      </div>
      <Field
        name="attachments"
        id="close-files"
        label="结案材料"
        required
        hint="判决书、裁决书、调解书、结案报告等，图片或 PDF，最多 5 个，每个不超过 10MB。"
        errors={errorsFor(state, "attachments")}
      >
        {(c) => <input {...c} type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" className="block min-h-11 w-full text-base" />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>结案</SubmitButton>
    </form>
  );
}
