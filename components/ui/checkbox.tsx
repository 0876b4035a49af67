import type { InputHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

export type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type">;

/** A native checkbox, enlarged; wrap it with its label text so the whole row is the touch target. */
export function Checkbox({ className, ...props }: CheckboxProps) {
  return <input type="checkbox" className={cn("size-6 shrink-0 accent-primary", className)} {...props} />;
}
