import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { notFound } from "@/lib/errors";
import { OrganizationIdInput } from "@/lib/network/schemas";
import { REGION_LEVELS, SERVICE_KEYS, type ServiceKey } from "@/lib/network/rules";
import { acceptedRequestTypes } from "@/lib/network/service-point-requests";
import { OrganizationTier, RegionLevel } from "@/lib/generated/prisma/enums";

// One service point's public page (and its printable QR poster). Anyone may read it, so the
// select below is the whole disclosure: the point's own public phone and the village legal
// adviser's name (both already shown by the finder), never the adviser's phone or any staff member.

export const ServicePointDetail = z.object({
  id: z.number().int(),
  name: z.string(),
  tier: z.enum(OrganizationTier),
  address: z.string(),
  /** the point's public office phone */
  phone: z.string(),
  openingHours: z.string(),
  /** catalogue keys (lib/network/rules.ts SERVICES), in catalogue order */
  services: z.array(z.string()),
  legalAdviserName: z.string().nullable(),
  /** county → township → village the point sits on (the city is left out: it is the same everywhere) */
  regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(RegionLevel) })),
  parent: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** the web request types (工单) a resident may send to this point directly */
  requestTypes: z.array(z.enum(["CONSULTATION", "COMPLAINT", "OTHER"])),
});
export type ServicePointDetail = z.output<typeof ServicePointDetail>;

const catalogueOrder = (services: string[]): string[] => [
  ...SERVICE_KEYS.filter((k) => services.includes(k)),
  ...services.filter((s) => !SERVICE_KEYS.includes(s as ServiceKey)),
];

/** A service point by id for everyone; unknown ids (and malformed ones, by the input schema) are 404. */
export const getServicePoint = defineUseCase({
  name: "servicePoint.read",
  // the finder's public read: this page shows the same fields as a finder result, for one point
  permission: "servicePoint.search",
  write: false,
  input: OrganizationIdInput,
  async run({ db, input }): Promise<ServicePointDetail> {
    const org = await db.organization.findUnique({
      where: { id: input.id },
      select: {
        id: true, name: true, tier: true, address: true, phone: true, openingHours: true, services: true,
        legalAdviserName: true,
        region: { select: { path: true } },
        parent: { select: { id: true, name: true } },
      },
    });
    if (!org) throw notFound("网点");
    const codes = org.region.path.split("/").filter(Boolean);
    const chain = await db.region.findMany({
      where: { code: { in: codes }, level: { not: "CITY" } },
      select: { code: true, name: true, level: true },
    });
    chain.sort((a, b) => REGION_LEVELS.indexOf(a.level) - REGION_LEVELS.indexOf(b.level));
    const services = catalogueOrder(org.services);
    return {
      id: org.id,
      name: org.name,
      tier: org.tier,
      address: org.address,
      phone: org.phone,
      openingHours: org.openingHours,
      services,
      legalAdviserName: org.legalAdviserName,
      regions: chain,
      parent: org.parent,
      requestTypes: acceptedRequestTypes(services),
    };
  },
});
