"use client";

import type { ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { MediationStatus } from "@/lib/generated/prisma/enums";
import { OTHER_ROUTES, PARTICIPANT_KIND_LABELS, SESSION_PLACE_LABELS } from "@/lib/mediation/labels";
import { errorsFor, CheckboxField, ErrorList, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Step, StepPanel, useStepForm, type Done } from "@/components/forms/step-form";
import { Textarea } from "@/components/ui/textarea";
import { Select } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { addPerson, assign, consent, escalate, extend, fail, recordHeld, removePerson, schedule, withdraw } from "../../actions";

export type MediatorOption = { userId: number; name: string; mediator: boolean; openCases: number; current: boolean };
export type ParticipantItem = { id: number; name: string; kindLabel: string; unit: string | null };
export type PendingSession = { id: number; label: string };
export type PendingParty = { id: number; label: string };

type Props = {
  number: string;
  status: MediationStatus;
  committee: string;
  /** the committee above, where 上报 sends the case; null at the top */
  parentName: string | null;
  mediators: MediatorOption[];
  participants: ParticipantItem[];
  pendingSessions: PendingSession[];
  /** the committee's own place, to prefill the session form */
  defaultPlace: string;
  /** parties who have not yet said whether they agree to mediation (Art. 17) */
  pendingParties: PendingParty[];
};

/** The committee's steps that the case's status allows; the outcome is announced above them. */
export function MediationSteps(p: Props) {
  return <StepPanel>{(done) => <Steps {...p} done={done} />}</StepPanel>;
}

function Steps(p: Props & { done: Done }) {
  const s = p.status;
  const open = s === "AWAITING_CONSENT" || s === "ACCEPTED" || s === "IN_PROGRESS";
  const forms: ReactNode[] = [];
  if (s === "ACCEPTED" || s === "IN_PROGRESS") {
    forms.push(
      <Step key="assign" summary={s === "ACCEPTED" ? "指定调解员" : "更换调解员"} open={s === "ACCEPTED"}>
        <AssignForm number={p.number} committee={p.committee} mediators={p.mediators} onDone={p.done} />
      </Step>,
    );
  }
  if (s === "IN_PROGRESS") {
    forms.push(
      <Step key="schedule" summary="安排调解（时间、地点）" open={p.pendingSessions.length === 0}>
        <ScheduleForm number={p.number} defaultPlace={p.defaultPlace} onDone={p.done} />
      </Step>,
      p.pendingSessions.length ? (
        <Step key="record" summary="记录调解（参加人员、调解笔录）" open>
          <RecordForm number={p.number} sessions={p.pendingSessions} onDone={p.done} />
        </Step>
      ) : null,
    );
  }
  if (s === "ACCEPTED" || s === "IN_PROGRESS") {
    forms.push(
      <Step key="people" summary="参加调解人员（协助调解员、联合调解部门）">
        <ParticipantsForm number={p.number} participants={p.participants} onDone={p.done} />
      </Step>,
      <Step key="extend" summary="延长调解期限（当事人申请）"><ExtendForm number={p.number} onDone={p.done} /></Step>,
      <Step key="fail" summary="调解不成，终止调解"><FailForm number={p.number} onDone={p.done} /></Step>,
    );
  }
  if (open) {
    forms.push(<Step key="withdraw" summary="当事人要求终止调解"><WithdrawForm number={p.number} onDone={p.done} /></Step>);
    if (p.parentName) {
      forms.push(<Step key="escalate" summary={`上报${p.parentName}`}><EscalateForm number={p.number} parentName={p.parentName} onDone={p.done} /></Step>);
    }
  }
  if (s === "AWAITING_CONSENT" && p.pendingParties.length) {
    forms.unshift(
      <Step key="consent" summary="记录对方是否同意调解" open>
        <ConsentForm number={p.number} parties={p.pendingParties} onDone={p.done} />
      </Step>,
    );
  }
  const shown = forms.filter(Boolean);
  if (s === "AWAITING_CONSENT") {
    shown.unshift(<p key="consent" className="text-slate-700">对方当事人同意调解后才能指定调解员、安排调解（人民调解法第十七条）。</p>);
  }
  return shown.length ? <div className="space-y-3">{shown}</div> : <p className="text-slate-600">调解已结束，没有需要办理的调解步骤。</p>;
}

function Hidden({ number }: { number: string }) {
  return <input type="hidden" name="number" value={number} />;
}

function AssignForm({ number, committee, mediators, onDone }: { number: string; committee: string; mediators: MediatorOption[]; onDone: Done }) {
  const { state, formProps } = useStepForm(assign, () => onDone("已确定调解员，已通知当事人。"));
  const errors = errorsFor(state, "mediatorUserId");
  if (!mediators.length) return <p>{committee}还没有人民调解员账号，请联系管理员添加。</p>;
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <fieldset>
        <legend className="font-medium">选择调解员（{committee}的人民调解员和工作人员）</legend>
        <ul className="mt-3 space-y-2">
          {mediators.map((m) => {
            const id = `mediator-${m.userId}`;
            return (
              <li key={m.userId}>
                <label htmlFor={id} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-400 bg-white px-4 py-2 has-[:checked]:border-primary has-[:checked]:bg-primary-soft">
                  <input type="radio" id={id} name="mediatorUserId" value={m.userId} defaultChecked={m.current} className="size-6 shrink-0 accent-primary" aria-invalid={errors ? true : undefined} aria-describedby={errors ? "assign-error" : undefined} />
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">{m.name}</span>
                    <Badge tone={m.mediator ? "info" : "neutral"}>{m.mediator ? "人民调解员" : "工作人员"}</Badge>
                    <Badge>在办 {m.openCases} 件</Badge>
                    {m.current ? <Badge tone="success">现任调解员</Badge> : null}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        <ErrorList id="assign-error" errors={errors} />
      </fieldset>
      <CheckboxField name="chosenByParties" id="assign-chosen" label="调解员由当事人选定（人民调解法第十九条）" errors={errorsFor(state, "chosenByParties")} />
      <FormMessage state={state} />
      <SubmitButton>确定调解员</SubmitButton>
    </form>
  );
}

function ParticipantsForm({ number, participants, onDone }: { number: string; participants: ParticipantItem[]; onDone: Done }) {
  const { state, formProps } = useStepForm(addPerson, () => onDone("已添加参加调解人员。"));
  return (
    <div className="space-y-4">
      {participants.length ? (
        <ul className="space-y-2">
          {participants.map((x) => (
            <li key={x.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2">
              <span>
                <span className="font-medium">{x.name}</span>（{x.kindLabel}{x.unit ? `，${x.unit}` : ""}）
              </span>
              <RemoveParticipant number={number} person={x} onDone={onDone} />
            </li>
          ))}
        </ul>
      ) : null}
      <form {...formProps} className="space-y-4">
        <Hidden number={number} />
        <Field name="kind" id="person-kind" label="身份" required errors={errorsFor(state, "kind")}>
          {(c) => (
            <Select {...c} defaultValue="">
              <option value="" disabled>请选择</option>
              {Object.entries(PARTICIPANT_KIND_LABELS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
            </Select>
          )}
        </Field>
        <TextField name="name" id="person-name" label="姓名" required maxLength={40} errors={errorsFor(state, "name")} />
        <TextField name="unit" id="person-unit" label="所在单位" optional maxLength={80} hint="如：甲县人民法院、东镇派出所、县住建局" errors={errorsFor(state, "unit")} />
        <FormMessage state={state} />
        <SubmitButton variant="secondary">添加</SubmitButton>
      </form>
    </div>
  );
}

function RemoveParticipant({ number, person, onDone }: { number: string; person: ParticipantItem; onDone: Done }) {
  const { state, formProps } = useStepForm(removePerson, () => onDone(`已移除${person.name}。`));
  return (
    <form {...formProps}>
      <Hidden number={number} />
      <input type="hidden" name="id" value={person.id} />
      <FormMessage state={state} />
      <SubmitButton variant="ghost" aria-label={`移除${person.name}`}>移除</SubmitButton>
    </form>
  );
}

function ScheduleForm({ number, defaultPlace, onDone }: { number: string; defaultPlace: string; onDone: Done }) {
  const { state, formProps } = useStepForm(schedule, () => onDone("已安排调解，已通知当事人时间和地点。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="scheduledAt" id="session-at" label="调解时间（北京时间）" required errors={errorsFor(state, "scheduledAt")}>
        {(c) => <Input {...c} type="datetime-local" />}
      </Field>
      <Field name="placeKind" id="session-kind" label="地点类型" required errors={errorsFor(state, "placeKind")}>
        {(c) => (
          <Select {...c} defaultValue="">
            <option value="" disabled>请选择</option>
            {Object.entries(SESSION_PLACE_LABELS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </Select>
        )}
      </Field>
      <TextField name="place" id="session-place" label="具体地点" required maxLength={160} defaultValue={defaultPlace} hint="远程视频调解请填写使用的会议软件，如“腾讯会议”。" errors={errorsFor(state, "place")} />
      <TextField name="videoLink" id="session-link" label="视频会议链接" optional type="url" inputMode="url" maxLength={300} hint="远程视频调解时必填，以 https:// 开头。" errors={errorsFor(state, "videoLink")} />
      <CheckboxField name="public" id="session-public" label="公开调解（当事人表示不愿公开的，不公开进行）" errors={errorsFor(state, "public")} />
      <FormMessage state={state} />
      <SubmitButton>安排调解并通知当事人</SubmitButton>
    </form>
  );
}

function RecordForm({ number, sessions, onDone }: { number: string; sessions: PendingSession[]; onDone: Done }) {
  const { state, formProps } = useStepForm(recordHeld, () => onDone("调解记录已保存。调解笔录不会发送给当事人。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="sessionId" id="record-session" label="哪一次调解" required errors={errorsFor(state, "sessionId")}>
        {(c) => (
          <Select {...c} defaultValue={String(sessions[0].id)}>
            {sessions.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
          </Select>
        )}
      </Field>
      <Field name="attendees" id="record-attendees" label="参加人员" required hint="当事人、代理人、调解员及其他参加人员，用顿号分隔。" errors={errorsFor(state, "attendees")}>
        {(c) => <Textarea {...c} rows={2} maxLength={2000} />}
      </Field>
      <Field name="minutes" id="record-minutes" label="调解笔录" required hint="各方陈述、争议焦点、调解过程和结果。笔录只供调解委员会存档，不会发给当事人。" errors={errorsFor(state, "minutes")}>
        {(c) => <Textarea {...c} rows={6} maxLength={8000} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>保存调解记录</SubmitButton>
    </form>
  );
}

function ExtendForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(extend, (r) => onDone(`调解期限已延长，共延长 ${r.extendedDays} 个工作日，已通知当事人。`));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <TextField name="days" id="extend-days" label="延长工作日数" required type="number" inputMode="numeric" min={1} max={30} hint="1 至 30 个工作日，遇节假日顺延。" errors={errorsFor(state, "days")} />
      <Field name="reason" id="extend-reason" label="当事人申请延长的理由" required errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <CheckboxField name="partiesRequested" id="extend-requested" label="当事人已申请延长（记入案件记录）" required errors={errorsFor(state, "partiesRequested")} />
      <FormMessage state={state} />
      <SubmitButton variant="secondary">延长调解期限</SubmitButton>
    </form>
  );
}

function FailForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(fail, () => onDone("已记录调解不成，已告知当事人其他解决途径。"));
  const routeErrors = errorsFor(state, "routesTold");
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <Field name="reason" id="fail-reason" label="调解不成的原因" required errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={3} maxLength={1000} />}
      </Field>
      <fieldset aria-describedby={routeErrors ? "fail-routes-error" : undefined}>
        <legend className="font-medium">已告知当事人可以通过以下途径维护权利（人民调解法第二十六条） <span className="text-danger" aria-hidden="true">*</span></legend>
        <div className="mt-2 space-y-1">
          {Object.entries(OTHER_ROUTES).map(([k, label]) => <CheckboxField key={k} name="routesTold" value={k} id={`fail-route-${k}`} label={label} />)}
        </div>
        <ErrorList id="fail-routes-error" errors={routeErrors} />
      </fieldset>
      <CheckboxField name="crimePrevented" id="fail-crime" label="经调解已化解民转刑风险" errors={errorsFor(state, "crimePrevented")} />
      <FormMessage state={state} />
      <SubmitButton variant="danger">确认调解不成</SubmitButton>
    </form>
  );
}

function ConsentForm({ number, parties, onDone }: { number: string; parties: PendingParty[]; onDone: Done }) {
  const { state, formProps } = useStepForm(consent, (r) =>
    onDone(r.status === "REFUSED" ? "当事人拒绝调解，依法不予调解，已告知各方其他解决途径。" : r.status === "ACCEPTED" ? "各方均同意调解，案件已受理，请指定调解员。" : "已记录，还有当事人未答复。"),
  );
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <p className="text-slate-700">联系对方当事人后记录其意见。一方明确拒绝的，不得调解（人民调解法第十七条）。</p>
      <Field name="partyId" id="consent-party" label="当事人" required errors={errorsFor(state, "partyId")}>
        {(c) => (
          <Select {...c}>
            {parties.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
          </Select>
        )}
      </Field>
      <fieldset className="space-y-2">
        <legend className="font-medium">是否同意调解<span className="ml-1 text-danger" aria-hidden="true">*</span></legend>
        <label className="flex min-h-11 items-center gap-2"><input type="radio" name="agreed" value="yes" defaultChecked className="size-5" />同意调解</label>
        <label className="flex min-h-11 items-center gap-2"><input type="radio" name="agreed" value="no" className="size-5" />拒绝调解</label>
        <ErrorList errors={errorsFor(state, "agreed")} />
      </fieldset>
      <Field name="note" id="consent-note" label="说明" optional hint="例如：电话联系时间、对方的原话。" errors={errorsFor(state, "note")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>记录</SubmitButton>
    </form>
  );
}

function WithdrawForm({ number, onDone }: { number: string; onDone: Done }) {
  const { state, formProps } = useStepForm(withdraw, () => onDone("已终止调解，已通知当事人。"));
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <p className="text-slate-700">当事人有权要求终止调解（人民调解法第二十三条）。请记录是哪一方提出的及原因。</p>
      <Field name="reason" id="withdraw-reason" label="终止原因" required errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="danger">终止调解</SubmitButton>
    </form>
  );
}

function EscalateForm({ number, parentName, onDone }: { number: string; parentName: string; onDone: Done }) {
  const router = useRouter();
  // The committee no longer sees the case once it is up a tier: back to the workspace.
  const { state, formProps } = useStepForm(escalate, () => {
    onDone(`案件已上报${parentName}，案件记录一并移交。`);
    router.push("/staff/mediation?escalated=1");
  });
  return (
    <form {...formProps} className="space-y-4">
      <Hidden number={number} />
      <p className="text-slate-700">上报后由{parentName}重新指定调解员，本委员会将不再看到本案；当事人、调解记录和办理经过随案移交。</p>
      <Field name="reason" id="escalate-reason" label="上报理由" required errors={errorsFor(state, "reason")}>
        {(c) => <Textarea {...c} rows={2} maxLength={500} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">确认上报</SubmitButton>
    </form>
  );
}
