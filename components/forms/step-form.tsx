"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import { useActionForm } from "@/components/forms/use-action-form";

// The step forms of a case page (a work order, a legal-aid case): each step is a small form in a
// disclosure; its outcome is announced by the page above the forms.

export type Done = (message: string) => void;
type FormAction<R> = (previous: ActionState<R>, input: FormData) => Promise<Result<R>>;

/**
 * useActionForm plus: report the outcome to the page, and empty the form after a success. The
 * report is made from inside the action, not from an effect: a step that changes the status
 * removes its own form in the same render that carries its result, so an effect would never run.
 */
export function useStepForm<R>(action: FormAction<R>, onDone: (data: R) => void) {
  const onStart = useContext(StepStarted);
  const callbacks = useRef({ onDone, onStart });
  useEffect(() => {
    callbacks.current = { onDone, onStart };
  });
  const reporting = useCallback<FormAction<R>>(
    async (previous, input) => {
      callbacks.current.onStart();
      const result = await action(previous, input);
      if (result.ok) callbacks.current.onDone(result.data);
      return result;
    },
    [action],
  );
  const form = useActionForm(reporting);
  const { state, formProps } = form;
  useEffect(() => {
    if (state?.ok) formProps.ref.current?.reset();
  }, [state, formProps.ref]);
  return form;
}

/** Lets a form clear the page's last message when it is submitted. */
export const StepStarted = createContext<() => void>(() => {});


export function Step({ summary, open, children }: { summary: string; open?: boolean; children: ReactNode }) {
  return (
    <details open={open} className="group rounded-md border border-slate-300">
      <summary className="flex min-h-12 cursor-pointer items-center gap-2 px-4 font-medium text-slate-900 hover:bg-slate-50">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">▶</span>
        {summary}
      </summary>
      <div className="border-t border-slate-200 px-4 py-4">{children}</div>
    </details>
  );
}


/** Lets a form inside a StepPanel announce its outcome without being handed a callback (server-rendered lists). */
const Announce = createContext<Done>(() => {});
export const useAnnounce = () => useContext(Announce);

/**
 * The steps of a case page under one announced outcome: the forms call `done(message)` (given to a
 * render function, or read with useAnnounce) on success. The message lives here, above the forms,
 * so it survives the re-render in which the step's own form disappears; focus moves to it if it had
 * nowhere to go.
 */
export function StepPanel({ children, className }: { children: ReactNode | ((done: Done) => ReactNode); className?: string }) {
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const clearNotice = useCallback(() => setNotice(null), []);
  useEffect(() => {
    if (notice && document.activeElement === document.body) noticeRef.current?.focus();
  });
  return (
    <StepStarted value={clearNotice}>
      <Announce value={setNotice}>
        <div className={className ?? "mt-4 space-y-4"}>
          <div role="status" aria-live="polite">
            {notice ? (
              <p ref={noticeRef} tabIndex={-1} className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
                {notice}
              </p>
            ) : null}
          </div>
          {typeof children === "function" ? children(setNotice) : children}
        </div>
      </Announce>
    </StepStarted>
  );
}
