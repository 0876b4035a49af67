import type { InputHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** Shared look of text inputs, selects and textareas: 48px tall, 16px+ text (no iOS zoom), clear border. */
export const controlClassName = cn(
  "block w-full rounded-md border border-slate-500 bg-white px-3 text-base text-slate-900",
  "placeholder:text-slate-500 disabled:cursor-not-allowed disabled:bg-slate-100",
  "aria-invalid:border-danger aria-invalid:border-2",
);

export type InputProps = InputHTMLAttributes<HTMLInputElement>;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClassName, "min-h-12 py-2", className)} {...props} />;
}
