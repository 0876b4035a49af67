"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** label while the form is being sent */
  pendingText?: string;
};

/** The submit button of a form: shows "正在提交…" and refuses a second tap while the action runs. */
export function SubmitButton({ children, pendingText = "正在提交…", disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={disabled || pending} aria-busy={pending || undefined} {...props}>
      {pending ? pendingText : children}
    </Button>
  );
}
