import type { ReactNode } from "react";
import type { ActionState } from "@/lib/api/action";
import { cn } from "@/components/ui/cn";
import { Input, type InputProps } from "@/components/ui/input";
import { Checkbox, type CheckboxProps } from "@/components/ui/checkbox";

/** The errors of one field from a useActionState result (none after success or before submitting). */
export function errorsFor(state: ActionState<unknown> | undefined, name: string): string[] | undefined {
  if (!state || state.ok || !state.fieldErrors) return undefined;
  // A list field's errors come per item ("attachments.0"): they belong next to the list's control.
  const itemKey = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\d+(\\.|$)`);
  const all = Object.entries(state.fieldErrors).filter(([key]) => key === name || itemKey.test(key)).flatMap(([, messages]) => messages);
  return all.length ? [...new Set(all)] : undefined;
}

/** What a control needs to be tied to its label, hint and errors; spread it onto the control. */
export type ControlProps = {
  id: string;
  name: string;
  required?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

export type FieldProps = {
  /** the form field name (also the key in state.fieldErrors) */
  name: string;
  label: ReactNode;
  /** defaults to `field-<name>`; set it when one page has two forms with the same field name */
  id?: string;
  /** help shown under the label, read out with the control */
  hint?: ReactNode;
  /** messages from state.fieldErrors[name] (use errorsFor) */
  errors?: string[];
  /** adds `required` to the control and a visible "必填" after the label */
  required?: boolean;
  /** marks the field as optional in the label ("选填") */
  optional?: boolean;
  className?: string;
  /** render the control: `{(control) => <Select {...control}>…</Select>}` */
  children: (control: ControlProps) => ReactNode;
};

export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-base text-danger">
      {errors.map((message) => (
        <li key={message} className="flex gap-1">
          <span aria-hidden="true">⚠</span>
          <span>{message}</span>
        </li>
      ))}
    </ul>
  );
}

function fieldIds(name: string, id?: string) {
  const base = id ?? `field-${name.replace(/[^\w-]/g, "_")}`;
  return { id: base, hintId: `${base}-hint`, errorId: `${base}-error` };
}

function describedBy(...ids: Array<string | false | undefined>) {
  return ids.filter(Boolean).join(" ") || undefined;
}

/**
 * A labelled form control with its hint and errors. The label points at the control (htmlFor),
 * the control points at the hint and errors (aria-describedby) and says when it is invalid
 * (aria-invalid), so screen readers read the error together with the field.
 */
export function Field({ name, label, id, hint, errors, required, optional, className, children }: FieldProps) {
  const ids = fieldIds(name, id);
  const invalid = !!errors?.length;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={ids.id} className="block font-medium text-slate-900">
        {label}
        {required ? <span className="ml-1 text-danger" aria-hidden="true">*</span> : null}
        {optional ? <span className="ml-1 font-normal text-slate-600">（选填）</span> : null}
      </label>
      {hint ? (
        <p id={ids.hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({
        id: ids.id,
        name,
        required: required || undefined,
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy(hint ? ids.hintId : undefined, invalid && ids.errorId),
      })}
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}

export type TextFieldProps = Omit<FieldProps, "children"> & Omit<InputProps, "name" | "id" | "required" | "children">;

/** Field + Input, the common case. Remaining props go to the <input>. */
export function TextField({ name, label, id, hint, errors, required, optional, className, ...input }: TextFieldProps) {
  return (
    <Field name={name} label={label} id={id} hint={hint} errors={errors} required={required} optional={optional} className={className}>
      {(control) => <Input {...input} {...control} />}
    </Field>
  );
}

export type CheckboxFieldProps = Omit<CheckboxProps, "name" | "id" | "children"> & {
  name: string;
  /** the text beside the box; the whole row is clickable */
  label: ReactNode;
  id?: string;
  errors?: string[];
  className?: string;
};

/** A checkbox with its label beside it (agreements, yes/no questions) and its errors below. */
export function CheckboxField({ name, label, id, errors, className, required, ...input }: CheckboxFieldProps) {
  const ids = fieldIds(name, id);
  const invalid = !!errors?.length;
  return (
    <div className={className}>
      <div className="flex min-h-11 items-start gap-3 py-1">
        <Checkbox
          {...input}
          id={ids.id}
          name={name}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? ids.errorId : undefined}
          className="mt-0.5"
        />
        <label htmlFor={ids.id} className="text-slate-900">
          {label}
        </label>
      </div>
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}
