import { defineUseCase } from "@/lib/api/use-case";
import { organizationScope, regionScope } from "@/lib/auth/scope";
import { notFound, ruleViolation } from "@/lib/errors";
import { organizationPath } from "@/lib/network/rules";
import { CreateOrganizationInput, OrganizationContactInput, UpdateOrganizationInput } from "@/lib/network/schemas";
import {
  checkChildrenStillInside,
  checkOrganizationPlacement,
  findOrganizationInScope,
  rewriteSubtreePaths,
} from "@/lib/network/placement";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";

/** An admin scoped to a region may only place organizations on regions inside it. */
async function assertRegionInScope(db: Tx, actor: Actor, regionId: number) {
  const ok = await db.region.count({ where: { AND: [{ id: regionId }, regionScope(actor)] } });
  if (!ok) throw ruleViolation("所选区划不存在或不在您的管理范围内", "regionId");
}

export const createOrganization = defineUseCase({
  name: "organization.create",
  permission: "organization.manage",
  write: true,
  input: CreateOrganizationInput,
  async run({ db, actor, input }) {
    await assertRegionInScope(db, actor, input.regionId);
    const { parent } = await checkOrganizationPlacement(db, input);
    if (input.decidesLegalAid && input.tier !== "CENTRE") throw ruleViolation("只有中心可以作出法律援助决定", "decidesLegalAid");
    // The path needs the new id: insert with a unique placeholder, then set it in the same transaction.
    const created = await db.organization.create({
      data: { ...input, parentId: parent?.id ?? null, path: `new:${crypto.randomUUID()}` },
    });
    return db.organization.update({
      where: { id: created.id },
      data: { path: organizationPath(parent?.path ?? null, created.id) },
      select: { id: true, path: true, name: true },
    });
  },
  target: (_i, r) => ({ type: "Organization", id: r.id }),
});

/** Edit every field, including moving to another parent or region (the subtree moves with it). */
export const updateOrganization = defineUseCase({
  name: "organization.update",
  permission: "organization.manage",
  write: true,
  input: UpdateOrganizationInput,
  target: (i) => ({ type: "Organization", id: i.id }),
  async run({ db, actor, input }) {
    const current = await findOrganizationInScope(db, input.id, organizationScope(actor));
    await assertRegionInScope(db, actor, input.regionId);
    const hasChildren = (await db.organization.count({ where: { parentId: current.id } })) > 0;
    if (hasChildren && input.tier !== current.tier) throw ruleViolation("该网点有下级网点，不能更改层级", "tier");
    if (input.decidesLegalAid && input.tier !== "CENTRE") throw ruleViolation("只有中心可以作出法律援助决定", "decidesLegalAid");
    const { region, parent } = await checkOrganizationPlacement(db, { ...input, selfId: current.id, selfPath: current.path });
    if (hasChildren && region.id !== current.regionId) await checkChildrenStillInside(db, current.id, region.path);
    const newPath = organizationPath(parent?.path ?? null, current.id);
    const { id, ...data } = input;
    await db.organization.update({ where: { id }, data: { ...data, parentId: parent?.id ?? null } });
    await rewriteSubtreePaths(db, "Organization", current.path, newPath);
    return { id, path: newPath };
  },
});

/** Staff keep their own service point's contact details current; admins may too. */
export const updateOrganizationContact = defineUseCase({
  name: "organization.updateContact",
  permission: "organization.updateContact",
  write: true,
  input: OrganizationContactInput,
  target: (i) => ({ type: "Organization", id: i.id }),
  async run({ db, actor, input }) {
    await findOrganizationInScope(db, input.id, organizationScope(actor));
    const { id, ...data } = input;
    return db.organization.update({
      where: { id },
      data: { ...data, legalAdviserName: data.legalAdviserName ?? null, legalAdviserPhone: data.legalAdviserPhone ?? null },
      select: { id: true, address: true, phone: true, openingHours: true },
    });
  },
});

export async function assertOrganizationExists(db: Tx, id: number) {
  if (!(await db.organization.count({ where: { id } }))) throw notFound("网点");
}
