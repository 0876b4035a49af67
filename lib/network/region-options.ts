import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { RegionOptionsQuery } from "@/lib/network/schemas";

export const RegionOption = z.object({ code: z.string(), name: z.string(), level: z.string() });

/** Counties (no parent given) or the children of a region: the finder's cascading filters. Public. */
export const listRegionOptions = defineUseCase({
  name: "servicePoint.regions",
  permission: "servicePoint.search",
  write: false,
  input: RegionOptionsQuery,
  async run({ db, input }) {
    const where = input.parent
      ? { parent: { code: input.parent.padEnd(12, "0") } }
      : { level: "COUNTY" as const };
    return db.region.findMany({ where, select: { code: true, name: true, level: true }, orderBy: { code: "asc" } });
  },
});
