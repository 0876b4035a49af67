import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { Role } from "@/lib/generated/prisma/enums";

export const Me = z.object({
  userId: z.number().nullable(),
  apiClientId: z.number().nullable(),
  name: z.string(),
  role: z.enum(Role),
  organization: z.object({ id: z.number(), name: z.string(), tier: z.string() }).nullable(),
  region: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
});

/** Who the caller is, as the server sees it. */
export const getMe = defineUseCase({
  name: "me.read",
  permission: "me.read",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const [organization, region] = await Promise.all([
      actor.organizationId
        ? db.organization.findUnique({ where: { id: actor.organizationId }, select: { id: true, name: true, tier: true } })
        : null,
      actor.regionId ? db.region.findUnique({ where: { id: actor.regionId }, select: { id: true, code: true, name: true } }) : null,
    ]);
    return { userId: actor.userId, apiClientId: actor.apiClientId, name: actor.name, role: actor.role, organization, region };
  },
});
