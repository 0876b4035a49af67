import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OrganizationTier, type RegionLevel } from "@/lib/generated/prisma/enums";
import { defineUseCase } from "@/lib/api/use-case";
import { organizationScope, regionScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { idParam, optionalText } from "@/lib/validation";
import { parentRegionLevel, REGION_LEVELS } from "@/lib/network/rules";

// Read models of the admin console's network pages (/admin/organizations, /admin/regions). Every
// query carries the actor's scope, so a region-scoped admin never reads a row outside their subtree.

export const ADMIN_ORGANIZATIONS_PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const AdminOrganizationQuery = z.object({
  tier: z.preprocess(blankToUndefined, z.enum(OrganizationTier, { error: "网点层级无效" }).optional()),
  county: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z.string().regex(/^\d{12}$/, "县（市、区）代码应为 12 位数字").optional(),
  ),
  q: optionalText(40, "关键词"),
  // A page number out of range (an old bookmark, a hand-edited link) falls back to the first page.
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AdminOrganizationQuery = z.output<typeof AdminOrganizationQuery>;

function organizationFilters(q: AdminOrganizationQuery): Prisma.OrganizationWhereInput[] {
  const and: Prisma.OrganizationWhereInput[] = [];
  if (q.tier) and.push({ tier: q.tier });
  // Region paths hold every ancestor's code, so "inside this county" is a substring of the path.
  if (q.county) and.push({ region: { path: { contains: `${q.county}/` } } });
  if (q.q) {
    const or: Prisma.OrganizationWhereInput[] = [
      { name: { contains: q.q, mode: "insensitive" } },
      { address: { contains: q.q, mode: "insensitive" } },
      { phone: { contains: q.q } },
      { region: { name: { contains: q.q } } },
    ];
    // Admins are told organization numbers (API clients, support calls): let them search by one.
    if (/^\d{1,9}$/.test(q.q)) or.push({ id: Number(q.q) });
    and.push({ OR: or });
  }
  return and;
}

/** Service points in the admin's scope, filtered and paged (50 a page), in region order. */
export const listOrganizationsForAdmin = defineUseCase({
  name: "organization.adminList",
  permission: "organization.manage",
  write: false,
  input: AdminOrganizationQuery,
  async run({ db, actor, input }) {
    const where: Prisma.OrganizationWhereInput = { AND: [organizationScope(actor), ...organizationFilters(input)] };
    const [total, counties] = await Promise.all([
      db.organization.count({ where }),
      db.region.findMany({
        where: { AND: [{ level: "COUNTY" }, regionScope(actor)] },
        select: { code: true, name: true },
        orderBy: { code: "asc" },
      }),
    ]);
    const pageSize = ADMIN_ORGANIZATIONS_PAGE_SIZE;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(input.page, pageCount);
    const items = await db.organization.findMany({
      where,
      select: {
        id: true,
        name: true,
        tier: true,
        phone: true,
        standardized: true,
        region: { select: { code: true, name: true } },
        parent: { select: { id: true, name: true } },
      },
      // Region codes nest, so ordering by the region path lists a county before its townships.
      orderBy: [{ region: { path: "asc" } }, { tier: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize, pageCount, counties };
  },
});

export const OrganizationFormOptionsInput = z.object({
  /**
   * The parent chosen for a new or moved service point: a number, "" for none (the city centre),
   * or absent to keep the current parent of `organizationId`.
   */
  parent: z.union([z.literal(""), idParam("上级网点编号")]).optional(),
  /** the service point being edited: its parent is the default and its region stays selectable */
  organizationId: z.preprocess(blankToUndefined, idParam("网点编号").optional()),
});

/** The tier a new child of `parent` normally has (null: a room has no children). */
function childTierOf(parent: { tier: OrganizationTier; region: { level: RegionLevel } } | null): OrganizationTier | null {
  if (!parent) return "CENTRE";
  if (parent.tier === "ROOM") return null;
  if (parent.tier === "STATION") return "ROOM";
  return parent.region.level === "CITY" ? "CENTRE" : "STATION";
}

function nextLevel(level: RegionLevel): RegionLevel | null {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] ?? null;
}

/**
 * What the organization form offers: the chosen parent (if it is in scope) and the regions a child
 * of it can sit on — the direct child regions of the parent's region (the city's regions when there
 * is no parent) — plus the current region of the service point being edited. The placement rules
 * still decide on save.
 */
export const getOrganizationFormOptions = defineUseCase({
  name: "organization.formOptions",
  permission: "organization.manage",
  write: false,
  input: OrganizationFormOptionsInput,
  async run({ db, actor, input }) {
    const editing = input.organizationId
      ? await db.organization.findFirst({
          where: { AND: [{ id: input.organizationId }, organizationScope(actor)] },
          select: { parentId: true, regionId: true },
        })
      : null;
    const parentId = input.parent === undefined ? (editing?.parentId ?? null) : input.parent === "" ? null : input.parent;
    const parent = parentId
      ? await db.organization.findFirst({
          where: { AND: [{ id: parentId }, organizationScope(actor)] },
          select: { id: true, name: true, tier: true, region: { select: { id: true, code: true, name: true, level: true } } },
        })
      : null;
    const candidates: Prisma.RegionWhereInput[] = [parent ? { parentId: parent.region.id } : { parentId: null }];
    if (editing) candidates.push({ id: editing.regionId });
    const regions = await db.region.findMany({
      where: { AND: [{ OR: candidates }, regionScope(actor)] },
      select: { id: true, code: true, name: true, level: true },
      orderBy: { code: "asc" },
      take: 1000,
    });
    return {
      parent,
      /** a parent number was given but no service point in scope has it */
      parentNotFound: !!parentId && !parent,
      suggestedTier: parentId && !parent ? null : childTierOf(parent),
      regions,
    };
  },
});

export const RegionChildrenInput = z.object({
  parent: z.preprocess(blankToUndefined, idParam("区划编号").optional()),
});

const latestPopulation = { orderBy: { year: "desc" as const }, take: 1, select: { year: true, residents: true } };

/**
 * One level of the region tree: the children of `parent` (without one, the top of the admin's
 * scope: the city for a city-wide admin, their own region otherwise), each with its latest
 * population and number of children; the breadcrumb back up as far as the admin's scope reaches;
 * and, for the region being browsed, the regions it may be moved under.
 */
export const listRegionChildren = defineUseCase({
  name: "region.adminChildren",
  permission: "region.manage",
  write: false,
  input: RegionChildrenInput,
  async run({ db, actor, input }) {
    const scope = regionScope(actor);
    const current = input.parent
      ? await db.region.findFirst({
          where: { AND: [{ id: input.parent }, scope] },
          select: {
            id: true,
            code: true,
            name: true,
            level: true,
            path: true,
            parentId: true,
            populations: latestPopulation,
            _count: { select: { children: true } },
          },
        })
      : null;
    if (input.parent && !current) throw notFound("区划");

    const top: Prisma.RegionWhereInput = actor.regionPath ? { path: actor.regionPath } : { parentId: null };
    const ancestorCodes = current ? current.path.split("/").filter(Boolean) : [];
    const moveLevel = current ? parentRegionLevel(current.level) : null;
    const [children, trail, moveTargets] = await Promise.all([
      db.region.findMany({
        where: { AND: [current ? { parentId: current.id } : top, scope] },
        select: {
          id: true,
          code: true,
          name: true,
          level: true,
          populations: latestPopulation,
          _count: { select: { children: true } },
        },
        orderBy: { code: "asc" },
      }),
      ancestorCodes.length
        ? db.region.findMany({ where: { AND: [{ code: { in: ancestorCodes } }, scope] }, select: { id: true, code: true, name: true, level: true } })
        : Promise.resolve([]),
      moveLevel
        ? db.region.findMany({
            where: { AND: [{ level: moveLevel }, scope] },
            select: { id: true, code: true, name: true, parent: { select: { name: true } } },
            orderBy: { code: "asc" },
            take: 2000,
          })
        : Promise.resolve([]),
    ]);
    trail.sort((a, b) => ancestorCodes.indexOf(a.code) - ancestorCodes.indexOf(b.code));

    const row = <T extends { populations: { year: number; residents: number }[]; _count: { children: number } }>(r: T) => {
      const { populations, _count, ...rest } = r;
      return { ...rest, population: populations[0] ?? null, childCount: _count.children };
    };
    return {
      current: current
        ? {
            ...row(current),
            // Renaming or moving needs the parent in scope (updateRegion checks it): a region-scoped
            // admin may not edit the root of their own subtree.
            editable: !current.parentId || moveTargets.some((t) => t.id === current.parentId),
          }
        : null,
      /** ancestors from the top of the admin's scope down to the current region */
      breadcrumb: trail,
      children: children.map(row),
      /** the level a new child gets; null when none may be created here */
      childLevel: current ? nextLevel(current.level) : actor.regionPath ? null : ("CITY" as RegionLevel),
      moveTargets,
    };
  },
});
