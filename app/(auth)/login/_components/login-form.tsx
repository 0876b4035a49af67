"use client";

import Link from "next/link";
import { signInWithPassword } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { state, formProps } = useActionForm(signInWithPassword);
  // The server asks for the second factor only after the password proved right.
  const totpErrors = errorsFor(state, "totp");
  return (
    <form {...formProps} className="space-y-5">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormMessage state={state} />
      <TextField
        name="login"
        label="手机号或用户名"
        hint="群众请填写注册时的手机号；工作人员请填写单位分配的用户名。"
        errors={errorsFor(state, "login")}
        required
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
      />
      <TextField
        name="password"
        label="密码"
        type="password"
        errors={errorsFor(state, "password")}
        required
        autoComplete="current-password"
      />
      {totpErrors ? (
        <TextField
          name="totp"
          label="动态验证码"
          hint="打开手机上的验证器应用，输入本网站对应的 6 位数字（每 30 秒更新）。"
          errors={totpErrors}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
        />
      ) : null}
      <SubmitButton size="lg" block>
        登录
      </SubmitButton>
      <p className="text-center text-slate-700">
        还没有账号？<Link href={callbackUrl ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/register"}>注册新账号</Link>
      </p>
      <p className="text-center text-sm text-slate-600">忘记密码？请拨打法律服务热线 12348 咨询。</p>
    </form>
  );
}
