"use client";

import { useEffect } from "react";
import { PASSWORD_MAX, PASSWORD_RULE_TEXT } from "@/lib/accounts/password-rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const { state, formProps } = useActionForm(changePasswordAction);
  const { ref } = formProps;
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state, ref]);
  const ended = state?.ok ? state.data.endedOthers : 0;
  return (
    <form {...formProps} className="space-y-4">
      <TextField
        name="currentPassword"
        label="当前密码"
        type="password"
        required
        autoComplete="current-password"
        maxLength={PASSWORD_MAX}
        errors={errorsFor(state, "currentPassword")}
      />
      <TextField
        name="newPassword"
        label="新密码"
        type="password"
        required
        autoComplete="new-password"
        maxLength={PASSWORD_MAX}
        hint={PASSWORD_RULE_TEXT}
        errors={errorsFor(state, "newPassword")}
      />
      <TextField
        name="confirmPassword"
        label="再次输入新密码"
        type="password"
        required
        autoComplete="new-password"
        maxLength={PASSWORD_MAX}
        errors={errorsFor(state, "confirmPassword")}
      />
      <FormMessage state={state} success={`密码已修改。${ended ? `其他 ${ended} 台设备上的登录已退出。` : ""}`} />
      <SubmitButton>修改密码</SubmitButton>
    </form>
  );
}
