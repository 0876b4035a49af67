import type { ReactNode } from "react";

/** One part of a long form (申请人, 当事人, 经济状况 …): a fieldset whose legend names it for screen readers. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <legend className="px-1 text-lg font-semibold text-slate-900">{title}</legend>
      {children}
    </fieldset>
  );
}
