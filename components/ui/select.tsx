import type { SelectHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/input";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement>;

/** A native <select>: on phones it opens the system picker, which older users already know. */
export function Select({ className, ...props }: SelectProps) {
  return <select className={cn(controlClassName, "min-h-12 py-2 pr-8", className)} {...props} />;
}
