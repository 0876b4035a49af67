"use client";

import { useEffect, useRef } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { confirmTotpAction, disableTotpAction, startTotpAction } from "../actions";

// The page keys this component by the enabled state, so enabling or disabling starts it afresh (a
// secret shown for an earlier enrolment is never shown again).

type Props = { enabled: boolean; enabledAt: string | null; pending: boolean };

export function TotpSection({ enabled, enabledAt, pending }: Props) {
  return enabled ? <TotpEnabled enabledAt={enabledAt} /> : <TotpEnrolment pending={pending} />;
}

function CodeField({ errors }: { errors?: string[] }) {
  return (
    <TextField
      name="code"
      label="动态验证码"
      hint="验证器应用中本网站对应的 6 位数字"
      required
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      className="max-w-xs"
      errors={errors}
    />
  );
}

function TotpEnabled({ enabledAt }: { enabledAt: string | null }) {
  const { state, formProps } = useActionForm(disableTotpAction);
  const status = useRef<HTMLParagraphElement>(null);
  // just enabled: the form that did it is gone, so focus goes to the news
  useEffect(() => {
    if (document.activeElement === document.body) status.current?.focus();
  }, []);
  return (
    <div className="space-y-4">
      <p ref={status} tabIndex={-1} role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
        动态验证码已启用{enabledAt ? `（${enabledAt}）` : ""}。登录时除密码外，还需输入验证器中的动态验证码。
      </p>
      <details className="rounded-md border border-slate-300">
        <summary className="flex min-h-11 cursor-pointer items-center px-4 font-medium">停用动态验证码</summary>
        <form {...formProps} className="space-y-4 border-t border-slate-200 p-4">
          <p className="text-slate-700">停用后仅凭密码即可登录。为确认是您本人操作，请输入当前的动态验证码。</p>
          <CodeField errors={errorsFor(state, "code")} />
          <FormMessage state={state} />
          <SubmitButton variant="danger">停用动态验证码</SubmitButton>
        </form>
      </details>
    </div>
  );
}

function TotpEnrolment({ pending }: { pending: boolean }) {
  const start = useActionForm(startTotpAction);
  const confirm = useActionForm(confirmTotpAction);
  const enrolment = start.state?.ok ? start.state.data : null;
  return (
    <div className="space-y-4">
      <p className="text-slate-700">
        启用后，登录时除密码外还需输入手机验证器应用（如微信“腾讯身份验证器”小程序、Google Authenticator、Microsoft Authenticator）中每 30 秒更新一次的 6 位动态验证码，密码泄露时账号也不会被他人登录。
      </p>
      {pending && !enrolment ? <p className="text-amber-900">上次的设置尚未完成，请重新开始设置。</p> : null}
      <form {...start.formProps}>
        <FormMessage state={start.state} />
        <SubmitButton variant={enrolment ? "secondary" : "primary"} pendingText="正在生成…">
          {enrolment ? "重新生成二维码" : "设置动态验证码"}
        </SubmitButton>
      </form>
      {enrolment ? (
        <section aria-labelledby="totp-enrol-title" className="space-y-4 rounded-lg border-2 border-primary p-4">
          <h3 id="totp-enrol-title" className="text-lg font-semibold">
            第一步：在验证器应用中添加本网站
          </h3>
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
            <div className="h-44 w-44 shrink-0 bg-white [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: enrolment.qr }} />
            <div className="space-y-2">
              <p>用验证器应用扫描左侧二维码；无法扫描时，选择“手动输入密钥”并输入：</p>
              <p>
                <span className="text-slate-700">密钥：</span>
                <code data-testid="totp-secret" className="font-mono text-lg break-all select-all">
                  {enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}
                </code>
              </p>
              <p className="text-sm text-slate-600">密钥只在此显示一次，请勿截图或告诉他人。</p>
            </div>
          </div>
          <h3 className="text-lg font-semibold">第二步：输入应用显示的验证码，确认启用</h3>
          <form {...confirm.formProps} className="space-y-4">
            <CodeField errors={errorsFor(confirm.state, "code")} />
            <FormMessage state={confirm.state} />
            <SubmitButton>确认启用</SubmitButton>
          </form>
        </section>
      ) : null}
    </div>
  );
}
