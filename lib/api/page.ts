import { redirect, notFound } from "next/navigation";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { execute, type UseCase } from "@/lib/api/use-case";
import { requestMeta, sessionActor } from "@/lib/api/request";

/**
 * The page door: server components read through the same use cases as actions and the API.
 * Not signed in → sign-in page; not allowed → /forbidden; out of scope → 404.
 */
export async function loadPage<P extends Permission, S extends z.ZodType, R>(
  uc: UseCase<P, S, R>,
  input: z.input<S>,
  returnTo: string,
): Promise<R> {
  const result = await execute(uc, input, await sessionActor(), await requestMeta());
  if (result.ok) return result.data;
  if (result.code === "UNAUTHENTICATED") redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (result.code === "FORBIDDEN") redirect("/forbidden");
  if (result.code === "NOT_FOUND" || result.code === "VALIDATION") notFound();
  throw new Error(result.message);
}
