import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** what to do next, e.g. a LinkButton */
  action?: ReactNode;
  /** heading level, to keep the page outline right (default h2) */
  headingAs?: "h2" | "h3";
  className?: string;
};

export function EmptyState({ title, description, action, headingAs: Heading = "h2", className }: EmptyStateProps) {
  return (
    <div className={cn("rounded-lg border border-dashed border-slate-400 bg-white px-4 py-10 text-center", className)}>
      <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
      {description ? <p className="mx-auto mt-2 max-w-prose text-slate-600">{description}</p> : null}
      {action ? <div className="mt-6 flex justify-center">{action}</div> : null}
    </div>
  );
}
