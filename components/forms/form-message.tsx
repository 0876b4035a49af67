import type { ActionState } from "@/lib/api/action";
import { cn } from "@/components/ui/cn";

export type FormMessageProps = {
  /** the state from useActionState */
  state: ActionState<unknown> | undefined;
  /** shown (politely announced) after a successful submission; omit when success navigates away */
  success?: string;
  className?: string;
};

/**
 * The form-level message. Errors go in role="alert" (announced at once); a success note goes in a
 * polite role="status" region that is always in the page, so screen readers notice its change.
 * Errors not tied to a field (fieldErrors._form) are listed here too.
 */
export function FormMessage({ state, success, className }: FormMessageProps) {
  const failure = state && !state.ok ? state : null;
  const formErrors = failure?.fieldErrors?._form ?? [];
  const showSuccess = !!(state?.ok && success);
  // With nothing to show, the wrapper is sr-only: out of the layout flow (no empty gap in a
  // spaced form) but the live region stays in the accessibility tree, ready to announce.
  return (
    <div className={cn(!failure && !showSuccess && "sr-only", className)}>
      <div role="status" aria-live="polite" aria-atomic="true">
        {showSuccess ? (
          <p className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">{success}</p>
        ) : null}
      </div>
      {failure ? (
        <div role="alert" className="rounded-md border border-red-300 bg-danger-soft px-4 py-3 text-danger">
          <p className="font-medium">{failure.message}</p>
          {formErrors.length ? (
            <ul className="mt-1 list-disc pl-5">
              {formErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
