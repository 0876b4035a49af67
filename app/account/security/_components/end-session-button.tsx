"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { endSessionAction } from "../actions";

/** 退出此设备: ends one of the user's other sessions; the button names the device for screen readers. */
export function EndSessionButton({ handle, device }: { handle: string; device: string }) {
  const { state, formProps } = useActionForm(endSessionAction);
  const failure = state && !state.ok ? state.message : null;
  return (
    <form {...formProps}>
      <input type="hidden" name="handle" value={handle} />
      <SubmitButton variant="secondary" className="whitespace-nowrap" pendingText="正在退出…" aria-label={`退出此设备：${device}`}>
        退出此设备
      </SubmitButton>
      <p role="status" className="text-sm text-danger">
        {failure}
      </p>
    </form>
  );
}
