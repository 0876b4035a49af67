import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { execute, type Result, type UseCase } from "@/lib/api/use-case";
import { requestMeta, sessionActor } from "@/lib/api/request";

/** FormData → plain object; repeated keys become arrays, File entries are kept. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of fd.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const k = key.endsWith("[]") ? key.slice(0, -2) : key;
    if (k in out) out[k] = ([] as unknown[]).concat(out[k], value);
    else out[k] = key.endsWith("[]") ? [value] : value;
  }
  return out;
}

export type ActionState<R> = Result<R> | null;

/**
 * The server-action door onto a use case, shaped for React's useActionState:
 * `(previousState, formData | object) => Result`. Revalidates the given paths after a success.
 */
export function serverAction<P extends Permission, S extends z.ZodType, R>(
  uc: UseCase<P, S, R>,
  options: { revalidate?: string[] } = {},
) {
  return async (_previous: ActionState<R>, input: FormData | Record<string, unknown>): Promise<Result<R>> => {
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const result = await execute(uc, raw, await sessionActor(), await requestMeta());
    if (result.ok) options.revalidate?.forEach((p) => revalidatePath(p, "layout"));
    return result;
  };
}
