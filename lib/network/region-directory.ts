import type { Tx } from "@/lib/db";
import { cachedReference } from "@/lib/system/reference-cache";

export type RegionEntry = { id: number; code: string; path: string; name: string };
export type RegionDirectory = { byId: ReadonlyMap<number, RegionEntry>; byCode: ReadonlyMap<string, RegionEntry> };

/**
 * Every region (a city has a few thousand, villages included) by id and by code, kept in memory
 * between changes (lib/system/reference-cache.ts): intake finds the matter's region and the inbox
 * names each order's region without a query of their own.
 */
export function loadRegionDirectory(db: Tx): Promise<RegionDirectory> {
  return cachedReference("regions", async () => {
    const rows = await db.region.findMany({ select: { id: true, code: true, path: true, name: true } });
    return { byId: new Map(rows.map((r) => [r.id, r])), byCode: new Map(rows.map((r) => [r.code, r])) };
  });
}
