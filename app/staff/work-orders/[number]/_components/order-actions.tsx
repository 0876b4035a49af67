"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { WorkOrderStatus } from "@/lib/generated/prisma/enums";
import { SATISFACTION_LABELS } from "@/lib/work-orders/labels";
import { Step, StepPanel, useStepForm, type Done } from "@/components/forms/step-form";
import { errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { buttonClassName } from "@/components/ui/button";
import { accept, assign, close, escalate, followUp, pause, reply, resume, returnDown, transfer } from "../../actions";

export type OrgOption = { id: number; name: string };

type Props = {
  number: string;
  status: WorkOrderStatus;
  canEscalate: boolean;
  canReturn: boolean;
  /** the direct children to return to */
  returnOptions: OrgOption[];
  /** the sibling service points to transfer to */
  transferOptions: OrgOption[];
  /** colleagues at the actor's service point, to assign the order to (指派) */
  colleagues: OrgOption[];
  openRectification: boolean;
  /** the latest closing already has a rating, so a call-back does not ask for one */
  latestRated: boolean;
};

const OPEN_FOR_WORK: WorkOrderStatus[] = ["NEW", "IN_PROGRESS", "REOPENED"];
const HANDOVER: WorkOrderStatus[] = ["NEW", "IN_PROGRESS", "PAUSED", "REOPENED"];

/**
 * The steps the order's status allows, each its own small form with its own message. A step that
 * changes the status also changes which forms are shown (the page is re-rendered), so the outcome
 * is announced here, above the forms, where it survives that re-render.
 */
export function OrderActions(p: Props) {
  const [handedOver, setHandedOver] = useState<string | null>(null);
  const handedOverRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (handedOver) handedOverRef.current?.focus();
  }, [handedOver]);

  if (handedOver) {
    return (
      <div ref={handedOverRef} tabIndex={-1} role="status" className="mt-4 space-y-3 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
        <p className="font-medium">{handedOver}</p>
        <p>该工单已不在本网点办理，本页内容不再更新。</p>
        <Link href="/staff/work-orders" className={buttonClassName({ variant: "primary" })}>
          返回工单收件箱
        </Link>
      </div>
    );
  }
  return <StepPanel>{(done) => <OrderSteps {...p} setNotice={done} setHandedOver={setHandedOver} />}</StepPanel>;
}

/** The steps the order's status allows, each its own small form. */
function OrderSteps({ setNotice, setHandedOver, ...p }: Props & { setNotice: Done; setHandedOver: Done }) {
  const s = p.status;
  const forms: ReactNode[] = [];
  if (OPEN_FOR_WORK.includes(s)) {
    forms.push(
      <Step key="reply" summary="答复群众" open={s === "IN_PROGRESS"}><ReplyForm number={p.number} onDone={setNotice} /></Step>,
      <Step key="close" summary="办结"><CloseForm number={p.number} onDone={setNotice} /></Step>,
      <Step key="pause" summary="暂停计时（等待群众补充）"><PauseForm number={p.number} onDone={setNotice} /></Step>,
    );
    if (p.colleagues.length) forms.push(<Step key="assign" summary="指派承办人"><AssignForm number={p.number} colleagues={p.colleagues} onDone={setNotice} /></Step>);
  }
  if (s === "PAUSED") forms.push(<Step key="resume" summary="恢复计时" open><ResumeForm number={p.number} onDone={setNotice} /></Step>);
  if (s === "REOPENED" && p.openRectification) {
    forms.push(<Step key="rectify" summary="整改结果" open><FollowUpForm kind="RECTIFICATION" number={p.number} onDone={setNotice} /></Step>);
  }
  if (HANDOVER.includes(s)) {
    forms.push(<Step key="transfer" summary="转办（同级其他网点）"><TransferForm number={p.number} options={p.transferOptions} onDone={setHandedOver} /></Step>);
    if (p.canEscalate) forms.push(<Step key="escalate" summary="上报上级网点"><EscalateForm number={p.number} onDone={setHandedOver} /></Step>);
    if (p.canReturn) forms.push(<Step key="return" summary="退回下级网点"><ReturnForm number={p.number} options={p.returnOptions} onDone={setHandedOver} /></Step>);
  }
  if (s === "CLOSED") {
    forms.push(<Step key="callback" summary="回访记录" open><FollowUpForm kind="CALLBACK" number={p.number} askScore={!p.latestRated} onDone={setNotice} /></Step>);
  }
  return (
    <>
      {s === "NEW" || s === "REOPENED" ? <AcceptForm number={p.number} onDone={setNotice} /> : null}
      {forms.length ? <div className="space-y-3">{forms}</div> : <p className="text-slate-600">当前状态下没有可办理的操作。</p>}
    </>
  );
}

function Hidden({ number }: { number: string }) {
  return <input type="hidden" name="number" value={number} />;
}

function AcceptForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(accept, () => onDone("已受理，由您承办。"));
  return (
    <form {...formProps} className="space-y-2">
      <Hidden number={number} />
      <FormMessage state={state} />
      <SubmitButton size="lg" pendingText="正在受理…">受理（由我承办）</SubmitButton>
    </form>
  );
}

function AssignForm({ number, colleagues, onDone }: { number: string; colleagues: OrgOption[]; onDone: Done }) {
  const { state, formProps } = useStepForm(assign, () => onDone("已指派承办人。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="handlerUserId" id="assign-handler" label="承办人" required errors={errorsFor(state, "handlerUserId")}>
        {(c) => (
          <Select {...c} defaultValue="">
            <option value="">请选择本网点工作人员</option>
            {colleagues.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </Select>
        )}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">指派</SubmitButton>
    </form>
  );
}

function ReplyForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(reply, () => onDone("答复已发送，群众会收到通知。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="body" id="reply-body" label="答复内容" required hint="群众在短信或账号中可以看到，请使用通俗的语言。" errors={errorsFor(state, "body")}>
        {(c) => <Textarea {...c} rows={5} maxLength={4000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>发送答复</SubmitButton>
    </form>
  );
}

function CloseForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(close, (d) => onDone(d.closedOnTime ? "已办结（按期）。已邀请群众评价。" : "已办结（超过办理期限）。已邀请群众评价。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="resultSummary" id="close-result" label="办理结果" required hint="写明处理情况和结论，群众会看到。" errors={errorsFor(state, "resultSummary")}>
        {(c) => <Textarea {...c} rows={4} maxLength={2000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>办结</SubmitButton>
    </form>
  );
}

function PauseForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(pause, () => onDone("已暂停计时，已通知群众补充。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="reason" id="pause-reason" label="需要群众补充的内容" required hint="暂停期间不计入办理期限；群众补充后自动恢复计时。" errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={3} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">暂停计时</SubmitButton>
    </form>
  );
}

function ResumeForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(resume, () => onDone("已恢复计时，办理期限已相应顺延。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="reason" id="resume-reason" label="说明" optional errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>恢复计时</SubmitButton>
    </form>
  );
}

function TransferForm({ number, options, onDone }: { number: string; options: OrgOption[]; onDone: Done }) {
  const { state, formProps } = useStepForm(transfer, (d) => {
    const name = options.find((o) => o.id === d.organizationId)?.name;
    onDone(name ? `已转办至「${name}」。` : "已转办。");
  });
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <OrganizationSelect id="transfer-to" label="转给" placeholder="请选择同级网点" options={options} errors={errorsFor(state, "toOrganizationId")} />
      <Field name="reason" id="transfer-reason" label="转办理由" required errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={3} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">转办</SubmitButton>
    </form>
  );
}

function OrganizationSelect({ id, label, placeholder, options, errors }: { id: string; label: string; placeholder: string; options: OrgOption[]; errors?: string[] }) {
  return (
    <Field name="toOrganizationId" id={id} label={label} required errors={errors}>
      {(c) => (
        <Select {...c} defaultValue="">
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </Select>
      )}
    </Field>
  );
}

function EscalateForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(escalate, () => onDone("已上报上级网点。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="reason" id="escalate-reason" label="上报理由" required errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={3} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">上报</SubmitButton>
    </form>
  );
}

function ReturnForm({ number, options, onDone }: { number: string; options: OrgOption[]; onDone: Done }) {
  const { state, formProps } = useStepForm(returnDown, (d) => {
    const name = options.find((o) => o.id === d.organizationId)?.name;
    onDone(name ? `已退回「${name}」。` : "已退回下级网点。");
  });
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <OrganizationSelect id="return-to" label="退回给" placeholder="请选择下级网点" options={options} errors={errorsFor(state, "toOrganizationId")} />
      <Field name="reason" id="return-reason" label="退回理由" required errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={3} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">退回</SubmitButton>
    </form>
  );
}

function FollowUpForm({ kind, number, askScore = false, onDone }: { kind: "CALLBACK" | "RECTIFICATION"; number: string; askScore?: boolean; onDone: Done }) {
  const callback = kind === "CALLBACK";
  const { state, formProps } = useStepForm(followUp, () => onDone(callback ? "回访记录已保存。" : "整改结果已保存。"));
  const id = callback ? "callback" : "rectify";
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <input type="hidden" name="kind" value={kind} />
      <Field
        name="result"
        id={`${id}-result`}
        label={callback ? "回访情况" : "整改结果"}
        required
        hint={callback ? "电话回访时群众的意见。" : "针对群众不满意的问题做了哪些整改。"}
        errors={errorsFor(state, "result")}
      >
        {(c) => <Textarea {...c} rows={3} maxLength={1000} />}
      </Field>
      {callback && askScore ? (
        <Field name="score" id={`${id}-score`} label="群众在电话中的评价" optional hint="群众尚未评价本次办理时，可记录其在电话中的评价。" errors={errorsFor(state, "score")}>
          {(c) => (
            <Select {...c} defaultValue="">
              <option value="">未评价</option>
              {Object.entries(SATISFACTION_LABELS).map(([k, label]) => (
                <option key={k} value={k}>{label}</option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <FormMessage state={state} />
      <SubmitButton>{callback ? "保存回访记录" : "保存整改结果"}</SubmitButton>
    </form>
  );
}
