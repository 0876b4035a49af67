import type { TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/input";

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement>;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClassName, "py-2 leading-relaxed", className)} {...props} />;
}
