import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError } from "@/lib/errors";

export const HealthStatus = z.object({ status: z.literal("ok"), database: z.literal("ok"), time: z.string() });

/** Liveness with a real round trip to PostgreSQL. */
export const checkHealth = defineUseCase({
  name: "health.read",
  permission: "health.read",
  write: false,
  input: z.object({}),
  async run({ db }) {
    try {
      await db.$queryRaw`SELECT 1`;
    } catch {
      throw new AppError("RULE_VIOLATION", "数据库不可用");
    }
    return { status: "ok" as const, database: "ok" as const, time: new Date().toISOString() };
  },
});
