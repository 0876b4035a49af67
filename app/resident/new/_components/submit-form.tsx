"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { CreatedWorkOrder } from "@/lib/work-orders/create-work-order";
import { TYPE_LABELS } from "@/lib/work-orders/labels";
import { useActionForm } from "@/components/forms/use-action-form";
import { ErrorList, errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { buttonClassName } from "@/components/ui/button";
import { DateTime } from "@/components/work-orders/format";
import { RegionPicker, type RegionPickerProps } from "@/components/work-orders/region-picker";
import { submit } from "../actions";

type Regions = Pick<RegionPickerProps, "counties" | "townships" | "villages" | "value">;

const TYPES = [
  { value: "CONSULTATION", hint: "想了解法律规定、怎么维权" },
  { value: "COMPLAINT", hint: "对服务网点或工作人员的意见" },
  { value: "OTHER", hint: "其他需要帮助的事" },
] as const;

/** A service point the resident came from (?org=): the request goes to it, for the types it takes. */
type ChosenPoint = { id: number; name: string; requestTypes: readonly string[] };

export function SubmitForm({ regions, servicePoint }: { regions: Regions; servicePoint: ChosenPoint | null }) {
  const { state, formProps } = useActionForm(submit);
  if (state?.ok) return <Submitted order={state.data} />;
  const typeErrors = errorsFor(state, "type");
  const types = servicePoint ? TYPES.filter((t) => servicePoint.requestTypes.includes(t.value)) : TYPES;
  const pointErrors = errorsFor(state, "organizationId");
  return (
    <form {...formProps} className="space-y-6">
      <p className="text-slate-600">
        带 <span className="text-danger">*</span> 的为必填项。
      </p>
      <FormMessage state={state} />
      {servicePoint ? (
        <div className="rounded-lg border border-blue-200 bg-primary-soft p-4">
          <input type="hidden" name="organizationId" value={servicePoint.id} />
          <p className="text-slate-900">
            办理网点：<strong>{servicePoint.name}</strong>
          </p>
          <p className="mt-1 text-sm text-slate-700">
            您是从这个网点的页面进来的，问题会直接交给它。
            <Link href="/resident/new" className="inline-flex min-h-11 items-center">不指定网点，由系统就近分派</Link>
          </p>
          <ErrorList id="organizationId-error" errors={pointErrors} />
        </div>
      ) : null}
      <fieldset>
        <legend className="font-medium text-slate-900">
          您要办理的事项
          <span className="ml-1 text-danger" aria-hidden="true">*</span>
        </legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {types.map((t) => (
            <label
              key={t.value}
              htmlFor={`type-${t.value}`}
              className="flex min-h-14 cursor-pointer items-start gap-3 rounded-lg border-2 border-slate-400 bg-white p-3 has-[:checked]:border-primary has-[:checked]:bg-primary-soft"
            >
              <input
                type="radio"
                id={`type-${t.value}`}
                name="type"
                value={t.value}
                className="mt-1 size-6 shrink-0 accent-primary"
                aria-invalid={typeErrors ? true : undefined}
                aria-describedby={typeErrors ? "type-error" : undefined}
              />
              <span>
                <span className="block text-lg font-medium">{TYPE_LABELS[t.value]}</span>
                <span className="block text-sm text-slate-600">{t.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <ErrorList id="type-error" errors={typeErrors} />
      </fieldset>
      <RegionPicker {...regions} legend="问题发生在哪里" errors={errorsFor(state, "regionCode")} />
      <TextField name="subject" label="标题" required maxLength={120} hint="一句话说明，如：工地拖欠工资怎么办。" errors={errorsFor(state, "subject")} />
      <Field name="description" label="具体情况" required hint="请写清楚发生了什么、您希望得到什么帮助。不要填写身份证号、银行卡号。" errors={errorsFor(state, "description")}>
        {(c) => <Textarea {...c} rows={7} maxLength={4000} />}
      </Field>
      <TextField name="category" label="问题类别" optional maxLength={40} hint="如：劳动工资、婚姻家庭、邻里纠纷。" errors={errorsFor(state, "category")} />
      <Field
        name="attachments"
        label="附件"
        optional
        hint="可上传照片或 PDF（如合同、欠条、病历），最多 5 个，每个不超过 10MB。"
        errors={errorsFor(state, "attachments")}
      >
        {(c) => <input {...c} type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" className="block w-full min-h-11 text-base" />}
      </Field>
      <SubmitButton size="lg" block pendingText="正在提交…">
        提交
      </SubmitButton>
    </form>
  );
}

function Submitted({ order }: { order: CreatedWorkOrder }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-4 rounded-lg border border-green-300 bg-green-50 p-4 sm:p-6">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-bold text-green-900 focus:outline-none">
        已提交
      </h2>
      <dl className="grid gap-x-4 gap-y-2 text-slate-900 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">编号</dt>
        <dd className="text-lg font-semibold">{order.number}</dd>
        <dt className="text-slate-700">办理网点</dt>
        <dd>{order.organization.name}</dd>
        <dt className="text-slate-700">答复期限</dt>
        <dd><DateTime value={order.dueAt} /> 前</dd>
      </dl>
      <p className="text-slate-800">办理进展会通过短信和「我的服务」告知您。</p>
      <div className="flex flex-wrap gap-3">
        <Link href={`/resident/work-orders/${order.number}`} className={buttonClassName({ size: "lg" })}>查看办理进度</Link>
        <Link href="/resident" className={buttonClassName({ variant: "secondary", size: "lg" })}>返回我的服务</Link>
      </div>
    </div>
  );
}
