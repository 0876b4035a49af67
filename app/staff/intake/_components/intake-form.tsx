"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { WorkOrderChannel } from "@/lib/generated/prisma/enums";
import type { CreatedWorkOrder } from "@/lib/work-orders/create-work-order";
import { CHANNEL_LABELS, TYPE_LABELS } from "@/lib/work-orders/labels";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField, errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Button, buttonClassName } from "@/components/ui/button";
import { DateTime } from "@/components/work-orders/format";
import { RegionPicker, type RegionPickerProps } from "@/components/work-orders/region-picker";
import { intake } from "../actions";
import { INTAKE_CHANNELS } from "./channels";


type Regions = Pick<RegionPickerProps, "counties" | "townships" | "villages" | "value">;
type Props = { regions: Regions; defaultChannel: WorkOrderChannel };

/** "再登记一条" starts a fresh form (a new key), keeping the chosen region in the address. */
export function IntakeArea(props: Props) {
  const [round, setRound] = useState(0);
  return <IntakeForm key={round} {...props} onAgain={() => setRound((r) => r + 1)} first={round === 0} />;
}

function IntakeForm({ regions, defaultChannel, onAgain, first }: Props & { onAgain: () => void; first: boolean }) {
  const { state, formProps } = useActionForm(intake);
  const duplicate = errorsFor(state, "confirmDuplicate");
  // Once warned, the "仍然登记" box stays, so a later error elsewhere does not hide it again.
  const [warned, setWarned] = useState(false);
  if (duplicate && !warned) setWarned(true);
  const formRef = formProps.ref;
  useEffect(() => {
    if (!first) formRef.current?.querySelector("select")?.focus();
  }, [first, formRef]);

  if (state?.ok) return <IntakeDone order={state.data} onAgain={onAgain} />;

  return (
    <form {...formProps} className="space-y-5">
      <p className="text-slate-600">
        带 <span className="text-danger">*</span> 的为必填项。
      </p>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="channel" label="来源渠道" required errors={errorsFor(state, "channel")}>
          {(c) => (
            <Select {...c} defaultValue={defaultChannel}>
              {INTAKE_CHANNELS.map((k) => (
                <option key={k} value={k}>{CHANNEL_LABELS[k]}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="type" label="事项类型" required errors={errorsFor(state, "type")}>
          {(c) => (
            <Select {...c} defaultValue="">
              <option value="">请选择</option>
              {/* legal aid has its own form (代为登记法律援助申请) */}
              {Object.entries(TYPE_LABELS).filter(([k]) => k !== "LEGAL_AID").map(([k, label]) => (
                <option key={k} value={k}>{label}</option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="requester.name" label="群众姓名" required autoComplete="off" maxLength={40} errors={errorsFor(state, "requester.name")} />
        <TextField
          name="requester.phone"
          label="手机号"
          required
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          hint="用于短信告知工单编号和办理结果。"
          errors={errorsFor(state, "requester.phone") ?? errorsFor(state, "requester")}
        />
      </div>
      <RegionPicker {...regions} errors={errorsFor(state, "regionCode")} />
      <TextField name="subject" label="事项标题" required maxLength={120} hint="一句话概括，如：拖欠工资如何维权。" errors={errorsFor(state, "subject")} />
      <Field name="description" label="事项描述" required hint="群众反映的主要情况和诉求。" errors={errorsFor(state, "description")}>
        {(c) => <Textarea {...c} rows={6} maxLength={4000} />}
      </Field>
      <TextField name="category" label="事项类别" optional maxLength={40} hint="如：劳动争议、婚姻家庭、相邻关系。" errors={errorsFor(state, "category")} />
      {warned ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="mb-1 text-amber-950">请先核实：如果是同一事项，请到已有工单中补充，不要重复登记。</p>
          <CheckboxField name="confirmDuplicate" label="仍然登记" errors={duplicate} />
        </div>
      ) : null}
      <SubmitButton size="lg" block pendingText="正在登记…">
        登记并分派
      </SubmitButton>
    </form>
  );
}

function IntakeDone({ order, onAgain }: { order: CreatedWorkOrder; onAgain: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-4 rounded-lg border border-green-300 bg-green-50 p-4 sm:p-6">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-bold text-green-900 focus:outline-none">
        已登记
      </h2>
      <dl className="grid gap-x-4 gap-y-2 text-slate-900 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">工单编号</dt>
        <dd>
          <Link href={`/staff/work-orders/${order.number}`} className="text-lg font-semibold">{order.number}</Link>
        </dd>
        <dt className="text-slate-700">分派网点</dt>
        <dd>{order.organization.name}</dd>
        <dt className="text-slate-700">办理期限</dt>
        <dd><DateTime value={order.dueAt} /></dd>
      </dl>
      <p className="text-slate-800">已把工单编号告知群众（有账号的发站内消息，没有账号的发短信）。</p>
      <div className="flex flex-wrap gap-3">
        <Button onClick={onAgain}>再登记一条</Button>
        <Link href={`/staff/work-orders/${order.number}`} className={buttonClassName({ variant: "secondary" })}>查看工单</Link>
        <Link href="/staff/work-orders" className={buttonClassName({ variant: "ghost" })}>返回收件箱</Link>
      </div>
    </div>
  );
}
