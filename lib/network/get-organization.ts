import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { organizationScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { OrganizationIdInput } from "@/lib/network/schemas";
import { OrganizationTier } from "@/lib/generated/prisma/enums";

export const OrganizationDetail = z.object({
  id: z.number(),
  name: z.string(),
  tier: z.enum(OrganizationTier),
  path: z.string(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  standardized: z.boolean(),
  decidesLegalAid: z.boolean(),
  legalAdviserName: z.string().nullable(),
  legalAdviserPhone: z.string().nullable(),
  services: z.array(z.string()),
  region: z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.string() }),
  parent: z.object({ id: z.number(), name: z.string() }).nullable(),
});

/** One organization, only if it lies in the actor's scope: otherwise "not found", never "forbidden". */
export const getOrganization = defineUseCase({
  name: "organization.read",
  permission: "organization.read",
  write: false,
  input: OrganizationIdInput,
  async run({ db, actor, input }) {
    const org = await db.organization.findFirst({
      where: { AND: [{ id: input.id }, organizationScope(actor)] },
      select: {
        id: true, name: true, tier: true, path: true, address: true, phone: true, openingHours: true,
        latitude: true, longitude: true, standardized: true, decidesLegalAid: true,
        legalAdviserName: true, legalAdviserPhone: true, services: true,
        region: { select: { id: true, code: true, name: true, level: true } },
        parent: { select: { id: true, name: true } },
      },
    });
    if (!org) throw notFound("网点");
    return org;
  },
});
