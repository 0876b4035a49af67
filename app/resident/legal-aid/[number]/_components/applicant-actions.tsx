"use client";

import type { ReactNode } from "react";
import type { LegalAidStatus } from "@/lib/generated/prisma/enums";
import { errorsFor, Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Step, StepPanel, useStepForm, type Done } from "@/components/forms/step-form";
import { Textarea } from "@/components/ui/textarea";
import { RatingFields } from "@/components/work-orders/rating-fields";
import { LawyerChoiceFields, type ChoiceOptions } from "@/components/legal-aid/lawyer-choice-fields";
import { changeLawyer, choose, object, rate, supply, withdraw } from "../../actions";

type Props = {
  number: string;
  status: LegalAidStatus;
  /** a refusal without an objection yet */
  mayObject: boolean;
  changeRequested: boolean;
  rated: boolean;
  /** 点援: the lawyers to rank from, and the current ranking (null when choosing is over) */
  choice: { options: ChoiceOptions; current: number[] } | null;
};

/** What the applicant can do now, one large form per step; the outcome is announced above. */
export function ApplicantActions(p: Props) {
  return <StepPanel className="space-y-4">{(done) => <ApplicantSteps {...p} done={done} />}</StepPanel>;
}

function ApplicantSteps(p: Props & { done: Done }) {
  const setNotice = p.done;
  const s = p.status;
  const forms: ReactNode[] = [];
  if (p.choice) {
    const again = p.choice.current.length > 0;
    forms.push(
      <Step key="choose" summary={again ? "重新选择律师（点援）" : "选择为您办案的律师（点援）"} open={!again && s === "APPROVED"}>
        <ChooseForm number={p.number} choice={p.choice} onDone={setNotice} />
      </Step>,
    );
  }
  if (s === "MATERIALS_REQUESTED") forms.push(<Step key="supply" summary="补充材料" open><SupplyForm number={p.number} onDone={setNotice} /></Step>);
  if ((s === "CLOSED" || s === "TERMINATED") && !p.rated) forms.push(<Step key="rate" summary="评价承办律师的服务" open><RateForm number={p.number} onDone={setNotice} /></Step>);
  if (s === "REFUSED" && p.mayObject) forms.push(<Step key="object" summary="对不予法律援助的决定提出异议"><ObjectionForm number={p.number} onDone={setNotice} /></Step>);
  if (s === "ASSIGNED" && !p.changeRequested) forms.push(<Step key="change" summary="申请更换律师"><ChangeLawyerForm number={p.number} onDone={setNotice} /></Step>);
  if (s === "SUBMITTED" || s === "MATERIALS_REQUESTED") forms.push(<Step key="withdraw" summary="撤回申请"><WithdrawForm number={p.number} onDone={setNotice} /></Step>);
  return forms.length ? <div className="space-y-3">{forms}</div> : null;
}

function Hidden({ number }: { number: string }) {
  return <input type="hidden" name="number" value={number} />;
}

function SupplyForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(supply, () => onDone("材料已提交，审查继续进行。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="attachments" id="supply-files" label="上传材料" hint="拍照或选择图片、PDF 文件，最多 5 个，每个不超过 10MB。" errors={errorsFor(state, "attachments")}>
        {(c) => <input {...c} type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" className="block min-h-11 w-full text-base" />}
      </Field>
      <Field name="note" id="supply-note" label="说明" optional hint="也可以写明已经交到窗口的材料。" errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={3} maxLength={2000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton size="lg" block pendingText="正在上传…">提交补充材料</SubmitButton>
    </form>
  );
}

function ChooseForm({ number, choice, onDone }: { number: string; choice: NonNullable<Props["choice"]>; onDone: Done }) {
  const { state, formProps } = useStepForm(choose, () => onDone("已保存您选择的律师。决定给予法律援助后，会依次请您选择的律师接受委托。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <LawyerChoiceFields choices={choice.options} idPrefix="choose-lawyer" defaults={choice.current} errors={errorsFor(state, "lawyerChoices")} />
      <FormMessage state={state} />
      <SubmitButton size="lg" block>保存选择</SubmitButton>
    </form>
  );
}

function RateForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(rate, () => onDone("感谢您的评价！"));
  return (
    <form {...formProps} className="space-y-5">
      <Hidden number={number} />
      <RatingFields id="case-rating" scoreErrors={errorsFor(state, "score")} commentErrors={errorsFor(state, "comment")} />
      <FormMessage state={state} />
      <SubmitButton size="lg" block>提交评价</SubmitButton>
    </form>
  );
}

function ObjectionForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(object, () => onDone("异议已提交，司法局会在 5 个工作日内作出处理决定。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="reason" id="objection-reason" label="异议理由" required hint="说明您为什么认为应当给予法律援助（法律援助法第四十九条）。" errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={4} maxLength={2000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton size="lg">提交异议</SubmitButton>
    </form>
  );
}

function ChangeLawyerForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(changeLawyer, () => onDone("更换律师的申请已提交，法律援助中心会尽快处理并告诉您结果。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="detail" id="change-detail" label="申请更换的理由" required errors={errorsFor(state, "detail")}>
        {(c) => <Textarea {...c} rows={3} maxLength={1000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">提交申请</SubmitButton>
    </form>
  );
}

function WithdrawForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(withdraw, () => onDone("申请已撤回。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="reason" id="withdraw-reason" label="撤回原因" optional errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="danger">确认撤回申请</SubmitButton>
    </form>
  );
}
