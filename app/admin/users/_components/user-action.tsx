"use client";

import type { FormEvent } from "react";
import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { forceSignOutAction, resetUserTotpAction, setUserActiveAction, unlockUserAction } from "../actions";

const KINDS = {
  forceSignOut: { action: forceSignOutAction, label: "强制下线", variant: "danger", confirm: "确定让「{name}」在所有设备上立即下线吗？" },
  unlock: { action: unlockUserAction, label: "解除锁定", variant: "secondary", confirm: null },
  deactivate: { action: setUserActiveAction, label: "停用", variant: "danger", confirm: "确定停用「{name}」的账号吗？停用后无法登录，已登录的设备立即下线。" },
  activate: { action: setUserActiveAction, label: "启用", variant: "secondary", confirm: null },
  resetTotp: { action: resetUserTotpAction, label: "重置动态验证码", variant: "secondary", confirm: "确定重置「{name}」的动态验证码吗？重置后仅凭密码即可登录，请提醒本人重新设置。" },
} as const;

export type UserActionKind = keyof typeof KINDS;
// the actions return different data; this form only shows their failure
type AnyUserAction = (previous: ActionState<unknown>, input: FormData) => Promise<Result<unknown>>;

/** One admin action on one account; the button names the account for screen readers, and the risky ones ask first. */
export function UserAction({ kind, userId, name }: { kind: UserActionKind; userId: number; name: string }) {
  const k = KINDS[kind];
  const { state, formProps } = useActionForm(k.action as AnyUserAction);
  const failure = state && !state.ok ? state.message : null;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (k.confirm && !window.confirm(k.confirm.replace("{name}", name))) {
      event.preventDefault();
      return;
    }
    formProps.onSubmit(event);
  }
  return (
    <form {...formProps} onSubmit={onSubmit}>
      <input type="hidden" name="userId" value={userId} />
      {kind === "deactivate" || kind === "activate" ? <input type="hidden" name="active" value={kind === "activate" ? "true" : "false"} /> : null}
      <SubmitButton variant={k.variant} className="whitespace-nowrap" pendingText="正在处理…" aria-label={`${k.label}：${name}`}>
        {k.label}
      </SubmitButton>
      <p role="status" className="text-sm text-danger">
        {failure}
      </p>
    </form>
  );
}
