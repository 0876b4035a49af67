"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";

type FormAction<R> = (previous: ActionState<R>, input: FormData) => Promise<Result<R>>;

/**
 * useActionState for a <form>, without React's automatic form reset: a resident who mistypes one
 * field should not have to fill in the whole form again. With JavaScript, onSubmit sends the
 * FormData inside a transition (useFormStatus still reports pending, so SubmitButton works);
 * without JavaScript, `action` still posts the form (progressive enhancement).
 * After a failure, focus moves to the first invalid control, else to the form message.
 *
 *   const { state, formProps } = useActionForm(someAction);
 *   <form {...formProps}> … <Field errors={errorsFor(state, "x")} …/> <FormMessage state={state}/> </form>
 */
export function useActionForm<R>(action: FormAction<R>) {
  const [state, formAction, pending] = useActionState<ActionState<R>, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!state || state.ok) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    if (target) {
      if (!target.matches("input, select, textarea, button")) target.tabIndex = -1;
      target.focus();
    }
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  }

  return {
    state,
    pending,
    // noValidate: the server's Chinese messages, shown next to each field, are the one source of
    // truth; browser bubbles differ per phone and vanish before older readers finish reading them.
    formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true },
  };
}
