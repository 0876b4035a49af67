"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { checkLookupCode, sendLookupCode } from "../actions";

type Typed = { number: string; phone: string };

/**
 * 查进度 in two steps on one screen: number and phone → "发送验证码"; then the SMS code → the
 * timeline. The answer to step 1 never says whether the number or the phone was right.
 */
export function TrackForm({ initialNumber }: { initialNumber: string }) {
  const router = useRouter();
  const send = useActionForm(sendLookupCode);
  const resend = useActionForm(sendLookupCode);
  const check = useActionForm(checkLookupCode);
  // What step 1 sent, kept for step 2 and "重新获取验证码": the answer carries only the masked phone.
  const typed = useRef<Typed>({ number: initialNumber, phone: "" });
  const [sent, setSent] = useState<Typed | null>(null);
  const [editing, setEditing] = useState(false);
  const step = sent && !editing ? 2 : 1;

  const sendResult = send.state?.ok ? send.state.data : null;
  useEffect(() => {
    if (!sendResult) return;
    setSent(typed.current);
    setEditing(false);
  }, [sendResult]);

  // Focus follows the step (the code field once a code is on its way, the number when going
  // back), but not on arrival: a screen reader starts at the top of the page.
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    document.getElementById(step === 2 ? "field-code" : "field-number")?.focus();
  }, [step]);

  const verified = check.state?.ok ? check.state.data : null;
  useEffect(() => {
    if (verified) router.push(`/track/${verified.number}`);
  }, [verified, router]);

  function rememberTyped(event: FormEvent<HTMLFormElement>) {
    const fd = new FormData(event.currentTarget);
    typed.current = { number: String(fd.get("number") ?? ""), phone: String(fd.get("phone") ?? "") };
    send.formProps.onSubmit(event);
  }

  if (step === 1 || !sent) {
    return (
      <form {...send.formProps} onSubmit={rememberTyped} className="space-y-5" aria-labelledby="step1-heading">
        <h2 id="step1-heading" className="text-lg font-semibold">第一步：填写编号和手机号</h2>
        <TextField
          name="number"
          label="申请编号或工单编号"
          hint="在登记回执或短信里，像 369901-20261122-0000017 这样。法律援助、人民调解和其他事项都可以查。"
          required
          defaultValue={sent?.number ?? initialNumber}
          autoComplete="off"
          spellCheck={false}
          errors={errorsFor(send.state, "number")}
        />
        <TextField
          name="phone"
          label="手机号"
          hint="填写登记时留下的手机号，验证码会发到这个手机上。"
          required
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          defaultValue={sent?.phone ?? ""}
          errors={errorsFor(send.state, "phone")}
        />
        <FormMessage state={send.state} />
        <SubmitButton size="lg" block pendingText="正在发送…">发送验证码</SubmitButton>
      </form>
    );
  }

  const maskedPhone = sendResult?.maskedPhone ?? "";
  const minutes = sendResult?.validMinutes ?? 10;
  return (
    <div className="space-y-6">
      <div className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
        <p>如果编号和手机号正确，验证码已发送到 {maskedPhone}，{minutes} 分钟内有效。</p>
        <p className="mt-1 text-sm">编号：{sent.number}</p>
      </div>

      <form {...check.formProps} className="space-y-5" aria-labelledby="step2-heading">
        <h2 id="step2-heading" className="text-lg font-semibold">第二步：填写短信验证码</h2>
        <input type="hidden" name="number" value={sent.number} />
        <input type="hidden" name="phone" value={sent.phone} />
        <TextField
          name="code"
          label="短信验证码"
          hint={`如果编号和手机号正确，验证码已发到 ${maskedPhone}。是 6 位数字，${minutes} 分钟内有效。`}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          className="max-w-xs"
          errors={errorsFor(check.state, "code")}
        />
        <FormMessage state={check.state} />
        {verified ? (
          <p role="status">
            验证通过，正在打开办理进度。没有自动打开的话，请点 <Link href={`/track/${verified.number}`}>查看办理进度</Link>。
          </p>
        ) : null}
        <SubmitButton size="lg" block pendingText="正在验证…">查看办理进度</SubmitButton>
      </form>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:flex-wrap sm:items-start">
        <form {...resend.formProps} className="space-y-2">
          <input type="hidden" name="number" value={sent.number} />
          <input type="hidden" name="phone" value={sent.phone} />
          <SubmitButton variant="secondary" pendingText="正在发送…">重新获取验证码</SubmitButton>
          <FormMessage state={resend.state} success="已重新发送，请以最新收到的验证码为准。" />
        </form>
        <Button variant="ghost" onClick={() => setEditing(true)}>修改编号或手机号</Button>
      </div>
    </div>
  );
}
