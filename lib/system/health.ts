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
      // a load balancer takes the server out of rotation while the database is away (503, Retry-After)
      throw new AppError("UNAVAILABLE", "数据库暂时不可用，请稍后重试");
    }
    return { status: "ok" as const, database: "ok" as const, time: new Date().toISOString() };
  },
});
