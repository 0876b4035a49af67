import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { execute, type Result, type UseCase } from "@/lib/api/use-case";
import { requestMeta, sessionActor } from "@/lib/api/request";
import { DATABASE_UNAVAILABLE, isTransientDatabaseError } from "@/lib/db-errors";

/**
 * FormData → plain object; repeated keys become arrays, File entries are kept, and dotted names
 * ("requester.name") become nested objects — the same path zod reports errors under, so an error
 * lands next to the field of that name.
 */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of fd.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const list = key.endsWith("[]");
    const path = (list ? key.slice(0, -2) : key).split(".");
    let target = out;
    for (const part of path.slice(0, -1)) {
      if (typeof target[part] !== "object" || target[part] === null || Array.isArray(target[part])) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    const k = path[path.length - 1];
    if (k in target) target[k] = ([] as unknown[]).concat(target[k], value);
    else target[k] = list ? [value] : value;
  }
  return out;
}

export type ActionState<R> = Result<R> | null;

/**
 * The server-action door onto a use case, shaped for React's useActionState:
 * `(previousState, formData | object) => Result` — or used straight as a `<form action>`, which
 * React calls with the FormData alone. Revalidates the given paths after a success; `after` then
 * does what only the door can (e.g. set a cookie from the validated result).
 */
export function serverAction<P extends Permission, S extends z.ZodType, R>(
  uc: UseCase<P, S, R>,
  options: { revalidate?: string[]; after?: (result: Result<R>) => Promise<void> } = {},
) {
  return async (previous: ActionState<R> | FormData, input?: FormData | Record<string, unknown>): Promise<Result<R>> => {
    const given = input === undefined && previous instanceof FormData ? previous : (input ?? {});
    const raw = given instanceof FormData ? formDataToObject(given) : given;
    let result: Result<R>;
    try {
      result = await execute(uc, raw, await sessionActor(), await requestMeta());
    } catch (error) {
      // Reading the session's actor comes before execute() (which maps outages itself): a database
      // outage there is the same retryable answer, not an unhandled error.
      if (!isTransientDatabaseError(error)) throw error;
      result = DATABASE_UNAVAILABLE;
    }
    if (result.ok) options.revalidate?.forEach((p) => revalidatePath(p, "layout"));
    await options.after?.(result);
    return result;
  };
}
