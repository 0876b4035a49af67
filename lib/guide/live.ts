import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { notFound } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import { buildCatalogue, type GuideEntry } from "@/lib/guide/catalogue";
import { INSTALLED_LIMITS, type GuideLimits, type GuideWorkOrderType } from "@/lib/guide/time-limits";

// The guide as residents read it: the catalogue built over the limits the system enforces today,
// read from the rules an administrator may change (/admin/work-order-rules, /admin/legal-aid-rules),
// so the guide never promises a time the deadlines no longer use. A rule not in the database (a
// fresh install before the migration's rows) falls back to the installed value.

export async function liveLimits(db: Tx): Promise<GuideLimits> {
  const [rules, legalAid] = await Promise.all([
    db.workOrderTypeRule.findMany({ select: { type: true, limitValue: true, limitUnit: true } }),
    db.legalAidRule.findUnique({ where: { id: 1 }, select: { dayBasis: true, assignDays: true, materialsDays: true, objectionDays: true } }),
  ]);
  const workOrders = { ...INSTALLED_LIMITS.workOrders };
  for (const r of rules) {
    if (r.type in workOrders) workOrders[r.type as GuideWorkOrderType] = { value: r.limitValue, unit: r.limitUnit };
  }
  return { ...INSTALLED_LIMITS, workOrders, legalAid: legalAid ?? INSTALLED_LIMITS.legalAid };
}


/** One service's guide over the live limits; an unknown service is "not found". */
export const getGuideEntry = defineUseCase({
  name: "guide.entry",
  permission: "guide.read",
  write: false,
  input: z.object({ service: z.string().max(40) }),
  async run({ db, input }): Promise<GuideEntry> {
    const entry = buildCatalogue(await liveLimits(db)).find((e) => e.slug === input.service);
    if (!entry) throw notFound("服务指南");
    return entry;
  },
});
