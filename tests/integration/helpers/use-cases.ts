import type { AnyUseCase } from "@/lib/api/use-case";

// Every use case in lib/, found from the code: each module is imported and its exports that have a
// use case's shape are collected, so a new use case is covered by the suites that iterate this list
// (the authorization matrix, the fuzz suite) without anyone adding it. The Next-runtime adapters
// are left out: they define no use case, and importing them needs a request context.
const modules = import.meta.glob<Record<string, unknown>>(
  [
    "/lib/**/*.ts",
    "!/lib/generated/**",
    "!/lib/api/{action,page,request,route,openapi}.ts",
    "!/lib/api/v1/**",
    "!/lib/auth/next-auth.ts",
  ],
  { eager: true },
);

function isUseCase(value: unknown): value is AnyUseCase {
  if (!value || typeof value !== "object") return false;
  const v = value as Partial<AnyUseCase>;
  return typeof v.name === "string" && typeof v.permission === "string" && typeof v.run === "function" && (typeof v.write === "boolean" || v.write === "statement") && !!v.input;
}

export type FoundUseCase = { useCase: AnyUseCase; module: string; exportName: string };

export function allUseCases(): FoundUseCase[] {
  const seen = new Map<AnyUseCase, FoundUseCase>();
  for (const [module, exports] of Object.entries(modules)) {
    for (const [exportName, value] of Object.entries(exports)) {
      if (isUseCase(value) && !seen.has(value)) seen.set(value, { useCase: value, module, exportName });
    }
  }
  return [...seen.values()].sort((a, b) => a.useCase.name.localeCompare(b.useCase.name));
}
