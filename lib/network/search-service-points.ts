import type { Prisma } from "@/lib/generated/prisma/client";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError } from "@/lib/errors";
import { ServicePointQuery, type ServicePointItem, type ServicePointPage } from "@/lib/network/schemas";

// The public service-point finder (找服务网点), for the page and GET /api/v1/service-points alike.

const select = {
  id: true,
  name: true,
  tier: true,
  address: true,
  phone: true,
  openingHours: true,
  latitude: true,
  longitude: true,
  services: true,
  legalAdviserName: true,
  region: {
    select: {
      code: true,
      name: true,
      level: true,
      parent: { select: { name: true, level: true, parent: { select: { name: true, level: true } } } },
    },
  },
} satisfies Prisma.OrganizationSelect;

type Row = Prisma.OrganizationGetPayload<{ select: typeof select }>;

/** Short codes (6 or 9 digits) are padded to the 12-digit form regions are stored with. */
const fullCode = (code: string) => code.padEnd(12, "0");

export function servicePointWhere(q: ServicePointQuery): Prisma.OrganizationWhereInput {
  const and: Prisma.OrganizationWhereInput[] = [];
  // Region paths hold every ancestor code, so "inside this county" is a substring of the path.
  if (q.county) and.push({ region: { path: { contains: `${fullCode(q.county)}/` } } });
  if (q.township) and.push({ region: { path: { contains: `${fullCode(q.township)}/` } } });
  if (q.tier) and.push({ tier: q.tier });
  if (q.q) {
    and.push({
      OR: [
        { name: { contains: q.q, mode: "insensitive" } },
        { address: { contains: q.q, mode: "insensitive" } },
        { region: { name: { contains: q.q } } },
      ],
    });
  }
  return { AND: and };
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function toItem(row: Row, distance: number | null): ServicePointItem {
  const chain = [row.region, row.region.parent, row.region.parent?.parent].filter(
    (r): r is NonNullable<typeof r> => !!r && r.level !== "CITY",
  );
  return {
    id: row.id,
    name: row.name,
    tier: row.tier,
    regionCode: row.region.code,
    regionName: row.region.name,
    areaName: chain.reverse().map((r) => r.name).join(" · "),
    address: row.address,
    phone: row.phone,
    hours: row.openingHours,
    latitude: row.latitude,
    longitude: row.longitude,
    services: row.services,
    legalAdviser: row.legalAdviserName,
    distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
  };
}

type Cursor = { after: number } | { offset: number };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Number.isInteger(c?.after) || Number.isInteger(c?.offset)) return c;
  } catch {}
  throw new AppError("VALIDATION", "分页游标无效", { cursor: ["分页游标无效"] });
}

export const searchServicePoints = defineUseCase({
  name: "servicePoint.search",
  permission: "servicePoint.search",
  write: false,
  input: ServicePointQuery,
  async run({ db, input }): Promise<ServicePointPage> {
    const where = servicePointWhere(input);
    const cursor = decodeCursor(input.cursor);
    const near = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;

    if (near) {
      // "Near me": the candidate set is at most a few thousand points, so distances are computed on
      // their coordinates only, then the page's rows are read in full.
      const offset = cursor && "offset" in cursor ? cursor.offset : 0;
      const points = await db.organization.findMany({ where, select: { id: true, latitude: true, longitude: true } });
      const ranked = points
        .map((p) => ({
          id: p.id,
          d: p.latitude === null || p.longitude === null ? Infinity : distanceKm(near.lat, near.lng, p.latitude, p.longitude),
        }))
        .sort((a, b) => a.d - b.d || a.id - b.id);
      const page = ranked.slice(offset, offset + input.limit);
      const rows = await db.organization.findMany({ where: { id: { in: page.map((p) => p.id) } }, select });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        items: page.map((p) => toItem(byId.get(p.id)!, Number.isFinite(p.d) ? p.d : null)),
        nextCursor: offset + input.limit < ranked.length ? encodeCursor({ offset: offset + input.limit }) : null,
        total: ranked.length,
      };
    }

    const after = cursor && "after" in cursor ? cursor.after : null;
    const [rows, total] = await Promise.all([
      db.organization.findMany({
        where,
        select,
        orderBy: [{ tier: "asc" }, { id: "asc" }],
        take: input.limit + 1,
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      }),
      db.organization.count({ where }),
    ]);
    const hasMore = rows.length > input.limit;
    const items = rows.slice(0, input.limit).map((r) => toItem(r, null));
    return { items, nextCursor: hasMore ? encodeCursor({ after: items[items.length - 1].id }) : null, total };
  },
});
