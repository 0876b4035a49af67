"use client";

import { useEffect, type FormEvent } from "react";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, Field, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { createApiClientAction, revokeApiClientAction } from "../actions";

const CLIENT_ROLES = ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"] as const;

/** Creates a client and shows its token once: only its hash is stored, so it cannot be shown again. */
export function CreateApiClientForm() {
  const { state, formProps } = useActionForm(createApiClientAction);
  const { ref } = formProps;
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state, ref]);
  const created = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      {created ? (
        <section aria-labelledby="new-token-title" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
          <h3 id="new-token-title" className="text-lg font-semibold text-amber-950">
            「{created.name}」的访问令牌
          </h3>
          <p className="mt-1 font-medium text-amber-950">请立即复制保存，关闭页面后无法再次查看。</p>
          <code
            data-testid="new-api-token"
            className="mt-3 block rounded-md border border-amber-300 bg-white p-3 font-mono text-base break-all text-slate-900 select-all"
          >
            {created.token}
          </code>
          <p className="mt-2 text-sm text-amber-950">调用接口时放在请求头：Authorization: Bearer &lt;令牌&gt;。令牌丢失时请吊销后重新创建。</p>
        </section>
      ) : null}
      <form {...formProps} className="space-y-4">
        <TextField
          name="name"
          id="client-name"
          label="客户端名称"
          required
          maxLength={60}
          autoComplete="off"
          hint="如：12348 热线坐席、移动端、微信公众号后台"
          errors={errorsFor(state, "name")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="role" id="client-role" label="以何种角色访问" required errors={errorsFor(state, "role")}>
            {(control) => (
              <Select {...control} defaultValue="">
                <option value="">请选择</option>
                {CLIENT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <TextField
            name="organizationId"
            id="client-organization"
            label="所属网点编号"
            required
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            hint="客户端只能访问该网点及其下级网点的数据。编号见「服务网点」列表。"
            errors={errorsFor(state, "organizationId")}
          />
        </div>
        <FormMessage state={state} success={created ? `已创建客户端「${created.name}」，请复制上方令牌。` : undefined} />
        <SubmitButton>创建客户端</SubmitButton>
      </form>
    </div>
  );
}

/** Revokes one client: its token stops working at once. Asks first, since it cannot be undone. */
export function RevokeApiClientButton({ id, name }: { id: number; name: string }) {
  const { state, formProps } = useActionForm(revokeApiClientAction);
  const failure = state && !state.ok ? state.message : null;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!window.confirm(`确定吊销「${name}」吗？吊销后该令牌立即失效，且不能恢复。`)) {
      event.preventDefault();
      return;
    }
    formProps.onSubmit(event);
  }
  return (
    <form {...formProps} onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger" className="whitespace-nowrap" pendingText="正在吊销…" aria-label={`吊销 ${name}`}>
        吊销
      </SubmitButton>
      <p role="status" className="text-sm text-danger">
        {failure}
      </p>
    </form>
  );
}
