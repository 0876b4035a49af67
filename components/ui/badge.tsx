import type { HTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

// Dark text on a pale fill: every pair is ≥ 4.5:1. Colour is never the only signal — the text says it.
const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-800 border-slate-300",
  info: "bg-blue-50 text-blue-800 border-blue-200",
  success: "bg-green-50 text-green-800 border-green-200",
  warning: "bg-amber-50 text-amber-900 border-amber-300",
  danger: "bg-red-50 text-red-800 border-red-200",
};

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone };

export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn("inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-medium whitespace-nowrap", tones[tone], className)}
      {...props}
    />
  );
}
