"use client";

import Link from "next/link";
import { registerAndSignIn } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField, errorsFor, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { PASSWORD_MAX, PASSWORD_RULE_TEXT } from "@/lib/accounts/password-rules";

/** `callbackUrl`: where the new resident goes once signed in (e.g. back to a service point's consultation). */
export function RegisterForm({ callbackUrl = null }: { callbackUrl?: string | null }) {
  const { state, formProps } = useActionForm(registerAndSignIn);
  return (
    <form {...formProps} className="space-y-5">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <p className="text-slate-600">
        带 <span className="text-danger">*</span> 的为必填项。
      </p>
      <FormMessage state={state} />
      <TextField name="name" label="姓名" hint="请填写真实姓名，便于工作人员联系您。" errors={errorsFor(state, "name")} required autoComplete="name" maxLength={20} />
      <TextField
        name="phone"
        label="手机号"
        hint="以后用这个手机号登录。"
        errors={errorsFor(state, "phone")}
        required
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        maxLength={20}
      />
      <TextField
        name="password"
        label="设置密码"
        hint={PASSWORD_RULE_TEXT}
        errors={errorsFor(state, "password")}
        required
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX}
      />
      <TextField
        name="confirmPassword"
        label="再次输入密码"
        errors={errorsFor(state, "confirmPassword")}
        required
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX}
      />
      <TextField
        name="idNumber"
        label="身份证号码"
        optional
        hint="号码加密保存，仅用于办理业务时核实身份。"
        errors={errorsFor(state, "idNumber")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={24}
      />
      <CheckboxField
        name="agree"
        required
        errors={errorsFor(state, "agree")}
        label={<>我已阅读并同意《用户服务协议》和《个人信息保护政策》</>}
      />
      <SubmitButton size="lg" block>
        注册
      </SubmitButton>
      <p className="text-center text-slate-700">
        已有账号？<Link href="/login">直接登录</Link>
      </p>
    </form>
  );
}
