"use client";

import type { ReactNode } from "react";
import type { LegalAidStatus, QualityGrade } from "@/lib/generated/prisma/enums";
import { QUALITY_GRADE_LABELS, QUALITY_METHODS, REQUEST_KIND_LABELS, TERMINATION_REASONS, type TerminationReason } from "@/lib/legal-aid/labels";
import { errorsFor, CheckboxField, ErrorList, Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Step, StepPanel, useStepForm, type Done } from "@/components/forms/step-form";
import { Textarea } from "@/components/ui/textarea";
import { Badge } from "@/components/ui/badge";
import { RatingFields } from "@/components/work-orders/rating-fields";
import { advanceAid, approve, archive, askForMaterials, assign, decide, followUp, grade, recordMaterials, refuse } from "../../actions";

export type Candidate = {
  userId: number;
  name: string;
  firmName: string;
  expertiseLabels: string[];
  expertiseMatch: boolean;
  servesArea: boolean;
  load: number;
  cap: number;
  full: boolean;
  conflict: string | null;
  rating: { satisfiedRate: number | null; goodRate: number | null; closed: number } | null;
};

export type OpenRequest = { id: number; kind: "TERMINATION" | "CHANGE_LAWYER"; reason: string; detail: string; filedAt: string };

type Props = {
  number: string;
  status: LegalAidStatus;
  materialsRequested: boolean;
  candidates: Candidate[];
  openRequests: OpenRequest[];
  rated: boolean;
  graded: boolean;
};

/** The officer's steps that the case's status allows; the outcome is announced above them. */
export function CaseActions(p: Props) {
  return <StepPanel>{(done) => <CaseSteps {...p} done={done} />}</StepPanel>;
}

function CaseSteps(p: Props & { done: Done }) {
  const setNotice = p.done;
  const s = p.status;
  const forms: ReactNode[] = [];
  if (s === "SUBMITTED") {
    forms.push(
      <Step key="approve" summary="决定给予法律援助" open><ApproveForm number={p.number} onDone={setNotice} /></Step>,
      !p.materialsRequested ? <Step key="materials" summary="一次性告知补充材料"><MaterialsForm number={p.number} onDone={setNotice} /></Step> : null,
      <Step key="refuse" summary="决定不予法律援助"><RefuseForm number={p.number} onDone={setNotice} /></Step>,
      <Step key="advance" summary="先行提供法律援助（紧急情况）"><AdvanceAidForm number={p.number} onDone={setNotice} /></Step>,
    );
  }
  if (s === "MATERIALS_REQUESTED") {
    forms.push(
      <Step key="supplied" summary="登记申请人现场补充的材料" open><SuppliedForm number={p.number} onDone={setNotice} /></Step>,
      <Step key="refuse" summary="决定不予法律援助"><RefuseForm number={p.number} onDone={setNotice} /></Step>,
      <Step key="advance" summary="先行提供法律援助（紧急情况）"><AdvanceAidForm number={p.number} onDone={setNotice} /></Step>,
    );
  }
  if (s === "APPROVED") {
    forms.push(<Step key="assign" summary="指派承办律师" open><AssignForm number={p.number} candidates={p.candidates} onDone={setNotice} /></Step>);
  }
  for (const r of p.openRequests) {
    forms.push(
      <Step key={`request-${r.id}`} summary={`处理申请：${REQUEST_KIND_LABELS[r.kind]}`} open>
        <DecideRequestForm number={p.number} request={r} onDone={setNotice} />
      </Step>,
    );
  }
  if (s === "CLOSED" && !p.rated) forms.push(<Step key="followup" summary="电话回访受援人" open><FollowUpForm number={p.number} onDone={setNotice} /></Step>);
  if ((s === "CLOSED" || s === "TERMINATED") && !p.graded) forms.push(<Step key="grade" summary="质量评估"><GradeForm number={p.number} onDone={setNotice} /></Step>);
  if (s === "CLOSED" || s === "TERMINATED") forms.push(<Step key="archive" summary="归档"><ArchiveForm number={p.number} onDone={setNotice} /></Step>);

  const shown = forms.filter(Boolean);
  return shown.length ? <div className="space-y-3">{shown}</div> : <p className="text-slate-600">当前状态下没有需要您办理的操作。</p>;
}

function Hidden({ number }: { number: string }) {
  return <input type="hidden" name="number" value={number} />;
}

function ApproveForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(approve, () => onDone("已决定给予法律援助，请在 3 个工作日内指派律师。已通知申请人。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="note" id="approve-note" label="审查意见" optional errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={2} maxLength={1000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>确认给予法律援助</SubmitButton>
    </form>
  );
}

function MaterialsForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(askForMaterials, () => onDone("已一次性告知申请人需补充的材料，审查期限暂停计算。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field
        name="materials"
        id="materials-list"
        label="需补充的全部材料（每行一项）"
        required
        hint="一次性告知：本申请只能告知一次，请把需要的材料一次列全。申请人补充后恢复计时；逾期未补充的视为撤回申请。"
        errors={errorsFor(state, "materials")}
      >
        {(c) => <Textarea {...c} rows={5} maxLength={4000} />}
      </Field>
      <Field name="note" id="materials-note" label="补充说明" optional errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">发出一次性告知</SubmitButton>
    </form>
  );
}

function SuppliedForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(recordMaterials, () => onDone("已登记补充材料，审查期限恢复计算。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="note" id="supplied-note" label="补充了哪些材料" required errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={3} maxLength={2000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">登记补充材料</SubmitButton>
    </form>
  );
}

function RefuseForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(refuse, () => onDone("已决定不予法律援助，决定书和异议权利已告知申请人。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="reasons" id="refuse-reasons" label="不予法律援助的理由" required hint="写明事实和依据，申请人会在决定书中看到。" errors={errorsFor(state, "reasons")}>
        {(c) => <Textarea {...c} rows={4} maxLength={2000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="danger">确认不予法律援助</SubmitButton>
    </form>
  );
}

function AdvanceAidForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(advanceAid, () => onDone("已决定先行提供法律援助，请立即指派律师。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <p className="text-slate-700">距法定时效或期限届满不足 7 日，或需要立即申请财产保全、证据保全、先予执行的，可以先行提供法律援助，材料随后补交（法律援助法第四十四条）。</p>
      <CheckboxField name="preservation" id="advance-preservation" label="需要立即申请保全或先予执行" errors={errorsFor(state, "preservation")} />
      <Field name="reason" id="advance-reason" label="紧急情况说明" required errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={2} maxLength={300} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">确认先行提供法律援助</SubmitButton>
    </form>
  );
}

const pct = (v: number | null) => (v === null ? "暂无" : `${Math.round(v * 100)}%`);

function AssignForm({ number, candidates, onDone }: { number: string; candidates: Candidate[]; onDone: Done }) {
  const { state, formProps } = useStepForm(assign, () => onDone("已指派律师，已通知申请人和律师。"));
  const errors = errorsFor(state, "lawyerUserId");
  if (!candidates.length) return <p>没有可指派的法律援助律师，请联系管理员维护律师名册。</p>;
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <fieldset>
        <legend className="font-medium">选择承办律师（已按擅长领域、服务地区和在办案件数排序）</legend>
        <ul className="mt-3 space-y-2">
          {candidates.map((c) => {
            const blocked = !!c.conflict || c.full;
            const id = `lawyer-${c.userId}`;
            return (
              <li key={c.userId}>
                <label htmlFor={id} className={"flex min-h-14 items-start gap-3 rounded-lg border-2 px-4 py-3 " + (blocked ? "border-slate-200 bg-slate-50 text-slate-700" : "cursor-pointer border-slate-400 bg-white has-[:checked]:border-primary has-[:checked]:bg-primary-soft")}>
                  <input type="radio" id={id} name="lawyerUserId" value={c.userId} disabled={blocked} className="mt-1 size-6 shrink-0 accent-primary" aria-invalid={errors ? true : undefined} aria-describedby={errors ? "assign-error" : undefined} />
                  <span className="space-y-1">
                    <span className="block font-semibold">{c.name}（{c.firmName}）</span>
                    <span className="flex flex-wrap gap-1">
                      {c.expertiseMatch ? <Badge tone="success">擅长此类案件</Badge> : null}
                      {c.servesArea ? <Badge tone="info">服务本地区</Badge> : <Badge>非本地区</Badge>}
                      <Badge tone={c.full ? "danger" : "neutral"}>在办 {c.load}/{c.cap} 件{c.full ? "，已满" : ""}</Badge>
                      {c.conflict ? <Badge tone="danger">利益冲突</Badge> : null}
                    </span>
                    <span className="block text-sm text-slate-700">
                      擅长：{c.expertiseLabels.join("、") || "—"}；满意率 {pct(c.rating?.satisfiedRate ?? null)}，质量优良率 {pct(c.rating?.goodRate ?? null)}
                    </span>
                    {c.conflict ? <span className="block text-sm text-danger">{c.conflict}</span> : null}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        <ErrorList id="assign-error" errors={errors} />
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton>指派</SubmitButton>
    </form>
  );
}

function DecideRequestForm({ number, request, onDone }: { number: string; request: OpenRequest; onDone: Done }) {
  const { state, formProps } = useStepForm(decide, () => onDone(`已处理${REQUEST_KIND_LABELS[request.kind]}申请。`));
  const id = `request-${request.id}`;
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <input type="hidden" name="requestId" value={request.id} />
      <p>
        {request.kind === "TERMINATION" ? `律师申请终止，理由：${TERMINATION_REASONS[request.reason as TerminationReason] ?? request.reason}。` : "受援人申请更换律师。"}
        <span className="block whitespace-pre-wrap">{request.detail}</span>
      </p>
      <Field name="note" id={`${id}-note`} label="处理意见" required errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={2} maxLength={1000} />}
      </Field>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="approve" value="true">同意</SubmitButton>
        <SubmitButton name="approve" value="false" variant="secondary">不同意</SubmitButton>
      </div>
    </form>
  );
}

function FollowUpForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(followUp, () => onDone("回访记录已保存。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <RatingFields id="followup" scoreErrors={errorsFor(state, "score")} />
      <Field name="result" id="followup-result" label="回访情况" required errors={errorsFor(state, "result")}>
        {(c) => <Textarea {...c} rows={3} maxLength={1000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>保存回访记录</SubmitButton>
    </form>
  );
}

const GRADES: QualityGrade[] = ["EXCELLENT", "GOOD", "PASS", "FAIL"];

function GradeForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(grade, () => onDone("质量评估已保存。"));
  const gradeErrors = errorsFor(state, "grade");
  const methodErrors = errorsFor(state, "methods");
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <fieldset>
        <legend className="font-medium">评估等级 <span className="text-danger" aria-hidden="true">*</span></legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {GRADES.map((g) => (
            <label key={g} htmlFor={`grade-${g}`} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-4 has-[:checked]:border-primary has-[:checked]:bg-primary-soft">
              <input type="radio" id={`grade-${g}`} name="grade" value={g} className="size-5 accent-primary" aria-invalid={gradeErrors ? true : undefined} aria-describedby={gradeErrors ? "grade-error" : undefined} />
              {QUALITY_GRADE_LABELS[g]}
            </label>
          ))}
        </div>
        <ErrorList id="grade-error" errors={gradeErrors} />
      </fieldset>
      <fieldset>
        <legend className="font-medium">评估方法（法律援助法第五十九条） <span className="text-danger" aria-hidden="true">*</span></legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {Object.entries(QUALITY_METHODS).map(([k, label]) => (
            <CheckboxField key={k} name="methods" value={k} id={`method-${k}`} label={label} />
          ))}
        </div>
        <ErrorList id="methods-error" errors={methodErrors} />
      </fieldset>
      <Field name="note" id="grade-note" label="评估意见" optional errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={2} maxLength={1000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>保存质量评估</SubmitButton>
    </form>
  );
}

function ArchiveForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(archive, () => onDone("案件已归档。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <p className="text-slate-700">归档前须完成质量评估；已结案的案件还须完成回访。</p>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">结案归档</SubmitButton>
    </form>
  );
}
