import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LawyerKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError, notFound } from "@/lib/errors";
import { idParam, optionalText } from "@/lib/validation";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { LEGAL_MATTER_CATEGORIES, LEGAL_MATTER_CATEGORY_KEYS, isLegalMatterCategory, type LegalMatterCategory } from "@/lib/lawyers/categories";
import { lawyerRatings, type LawyerRating } from "@/lib/legal-aid/aftercare";
import { loadLegalAidLimits } from "@/lib/legal-aid/case";

// 律师名录 (点援制, decision 007): the public roster an applicant chooses lawyers from, for the
// page and GET /api/v1/lawyers alike. Public on purpose, so it carries only what a lawyer's public
// card shows: never the lawyer's own phone, e-mail or licence number (nor the firm's phone, which
// residents reach through the centre or the lawyer's assignment notice instead).

export const LAWYER_KIND_LABELS: Record<LawyerKind, string> = {
  LAWYER: "执业律师",
  GRASSROOTS_WORKER: "基层法律服务工作者",
};

export const ROSTER_SORTS = { rating: "按服务评价", load: "按在办案件少", experience: "按执业年限长" } as const;
export type RosterSort = keyof typeof ROSTER_SORTS;

/** On the roster: a lawyer account that is active, takes legal aid and is not suspended (质量监督). */
export const ON_ROSTER = {
  acceptsLegalAid: true,
  suspendedAt: null,
  user: { active: true, memberships: { some: { role: "LAWYER" } } },
} satisfies Prisma.LawyerProfileWhereInput;

const blankToUndefined = (v: unknown) => (typeof v === "string" ? v.trim() || undefined : v);

export const RosterQuery = z.object({
  category: z.preprocess(
    blankToUndefined,
    z.enum(LEGAL_MATTER_CATEGORY_KEYS as [LegalMatterCategory, ...LegalMatterCategory[]], { error: "擅长领域无效" }).optional(),
  ),
  /** lawyers serving this area: their service regions include it, an ancestor or a descendant of it */
  regionCode: z.preprocess(blankToUndefined, z.string().regex(/^\d{12}$/, "服务地区代码应为 12 位数字").optional()),
  sort: z.preprocess(
    blankToUndefined,
    z.enum(Object.keys(ROSTER_SORTS) as [RosterSort, ...RosterSort[]], { error: "排序方式无效" }).default("rating"),
  ),
  /** part of the lawyer's or the firm's name */
  q: optionalText(40, "关键词"),
  cursor: optionalText(200, "分页游标"),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "每页条数必须是数字" }).int("每页条数必须是整数").min(1, "每页至少 1 条").max(50, "每页最多 50 条").default(20),
  ),
});
export type RosterQuery = z.output<typeof RosterQuery>;

export const RosterLawyer = z.object({
  userId: z.number().int(),
  name: z.string(),
  kind: z.enum(LawyerKind),
  /** 执业律师 / 基层法律服务工作者 */
  kindLabel: z.string(),
  firmName: z.string(),
  firmRegionName: z.string(),
  practiceSinceYear: z.number().int(),
  yearsInPractice: z.number().int(),
  expertise: z.array(z.string()),
  expertiseLabels: z.array(z.string()),
  serviceAreas: z.array(z.object({ code: z.string(), name: z.string() })),
  /** languages and dialects besides Mandarin */
  languages: z.array(z.string()),
  /** legal-aid cases in progress (ASSIGNED) and the lawyer's cap */
  load: z.number().int(),
  cap: z.number().int(),
  /** legal-aid cases closed (结案) */
  closedCases: z.number().int(),
  /** recipients' ratings (满意 + 基本满意 over rated), null before the first rating */
  satisfiedRate: z.number().nullable(),
  rated: z.number().int(),
  /** the centre's quality grades (优 + 良 over graded), null before the first grade */
  goodRate: z.number().nullable(),
  graded: z.number().int(),
});
export type RosterLawyer = z.output<typeof RosterLawyer>;

export const RosterPage = z.object({
  items: z.array(RosterLawyer),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type RosterPage = z.output<typeof RosterPage>;

export const RosterLawyerDetail = RosterLawyer.extend({ bio: z.string().nullable() });
export type RosterLawyerDetail = z.output<typeof RosterLawyerDetail>;

// ───────────── reading ─────────────

/** The paths of a region and of every region above it ("a/", "a/b/", "a/b/c/"). */
export function selfAndAncestorPaths(path: string): string[] {
  const parts = path.split("/").filter(Boolean);
  return parts.map((_, i) => `${parts.slice(0, i + 1).join("/")}/`);
}

/** Lawyers serving the area: a service region at, above or below it (a county lawyer serves its townships; a township lawyer serves part of the county). */
async function servingWhere(db: Tx, regionCode: string): Promise<Prisma.LawyerProfileWhereInput | null> {
  const region = await db.region.findUnique({ where: { code: regionCode }, select: { path: true } });
  if (!region) return null;
  return {
    serviceRegions: { some: { OR: [{ path: { in: selfAndAncestorPaths(region.path) } }, { path: { startsWith: region.path } }] } },
  };
}

async function rosterWhere(db: Tx, q: RosterQuery): Promise<Prisma.LawyerProfileWhereInput | null> {
  const and: Prisma.LawyerProfileWhereInput[] = [ON_ROSTER];
  if (q.category) and.push({ expertise: { has: q.category } });
  if (q.regionCode) {
    const serving = await servingWhere(db, q.regionCode);
    // An unknown area has nobody serving it.
    if (!serving) return null;
    and.push(serving);
  }
  if (q.q) {
    and.push({
      OR: [{ user: { name: { contains: q.q, mode: "insensitive" } } }, { firm: { name: { contains: q.q, mode: "insensitive" } } }],
    });
  }
  return { AND: and };
}

async function loadsOf(db: Tx, userIds: number[]): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.legalAidApplication.groupBy({
    by: ["lawyerUserId"],
    where: { status: "ASSIGNED", lawyerUserId: { in: userIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.lawyerUserId as number, r._count._all]));
}

type SortKey = { userId: number; name: string; practiceSinceYear: number; load: number; rating: LawyerRating | undefined };

const desc = (a: number | null | undefined, b: number | null | undefined) => {
  // nulls (no rating yet) last
  if (a == null || b == null) return (a == null ? 1 : 0) - (b == null ? 1 : 0);
  return b - a;
};

/** The roster's orders; each ends on the name, then the id, so pages never overlap or skip. */
export function compareRoster(sort: RosterSort) {
  return (a: SortKey, b: SortKey) => {
    const primary =
      sort === "rating"
        ? desc(a.rating?.satisfiedRate, b.rating?.satisfiedRate) || desc(a.rating?.goodRate, b.rating?.goodRate) || desc(a.rating?.closed, b.rating?.closed)
        : sort === "load"
          ? a.load - b.load
          : a.practiceSinceYear - b.practiceSinceYear;
    return primary || a.name.localeCompare(b.name, "zh-CN") || a.userId - b.userId;
  };
}

const detailSelect = {
  userId: true, kind: true, practiceSinceYear: true, expertise: true, languages: true, concurrentCaseCap: true, bio: true,
  user: { select: { name: true } },
  firm: { select: { name: true, region: { select: { name: true } } } },
  serviceRegions: { select: { code: true, name: true }, orderBy: { code: "asc" } },
} satisfies Prisma.LawyerProfileSelect;
type DetailRow = Prisma.LawyerProfileGetPayload<{ select: typeof detailSelect }>;

function toRosterLawyer(row: DetailRow, load: number, rating: LawyerRating | undefined, year: number): RosterLawyer {
  return {
    userId: row.userId,
    name: row.user.name,
    kind: row.kind,
    kindLabel: LAWYER_KIND_LABELS[row.kind],
    firmName: row.firm.name,
    firmRegionName: row.firm.region.name,
    practiceSinceYear: row.practiceSinceYear,
    yearsInPractice: Math.max(0, year - row.practiceSinceYear),
    expertise: row.expertise,
    expertiseLabels: row.expertise.map((e) => (isLegalMatterCategory(e) ? LEGAL_MATTER_CATEGORIES[e] : e)),
    serviceAreas: row.serviceRegions,
    languages: row.languages,
    load,
    cap: row.concurrentCaseCap,
    closedCases: rating?.closed ?? 0,
    satisfiedRate: rating?.satisfiedRate ?? null,
    rated: rating?.rated ?? 0,
    goodRate: rating?.goodRate ?? null,
    graded: rating?.graded ?? 0,
  };
}

const currentYear = () => Number(shanghaiDate(new Date()).slice(0, 4));

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString("base64url");
function decodeCursor(raw: string | undefined): number {
  if (!raw) return 0;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Number.isInteger(c?.offset) && c.offset >= 0) return c.offset;
  } catch {}
  throw new AppError("VALIDATION", "分页游标无效", { cursor: ["分页游标无效"] });
}

/**
 * 律师名录. The order depends on the ratings, which are aggregates over the cases, so the matching
 * lawyers (a city's roster: tens to a few hundred) are ranked on a narrow read — one query for the
 * lawyers, one for the loads, one for the ratings — and only the page's lawyers are read in full.
 * The cursor is an offset into that order.
 */
export const listRoster = defineUseCase({
  name: "lawyer.roster",
  permission: "lawyer.roster",
  write: false,
  input: RosterQuery,
  async run({ db, input }): Promise<RosterPage> {
    const offset = decodeCursor(input.cursor);
    const where = await rosterWhere(db, input);
    if (!where) return { items: [], nextCursor: null, total: 0 };

    const matches = await db.lawyerProfile.findMany({ where, select: { userId: true, practiceSinceYear: true, user: { select: { name: true } } } });
    const ids = matches.map((m) => m.userId);
    const loads = await loadsOf(db, ids);
    const ratings = input.sort === "rating" ? await lawyerRatings(db, ids) : null;
    const ranked = matches
      .map((m) => ({ userId: m.userId, name: m.user.name, practiceSinceYear: m.practiceSinceYear, load: loads.get(m.userId) ?? 0, rating: ratings?.get(m.userId) }))
      .sort(compareRoster(input.sort));
    const page = ranked.slice(offset, offset + input.limit);
    const pageIds = page.map((p) => p.userId);

    const rows = pageIds.length ? await db.lawyerProfile.findMany({ where: { userId: { in: pageIds } }, select: detailSelect }) : [];
    const pageRatings = ratings ?? (await lawyerRatings(db, pageIds));
    const byId = new Map(rows.map((r) => [r.userId, r]));
    const year = currentYear();
    return {
      items: page.flatMap((p) => {
        const row = byId.get(p.userId);
        return row ? [toRosterLawyer(row, p.load, pageRatings.get(p.userId), year)] : [];
      }),
      nextCursor: offset + input.limit < ranked.length ? encodeCursor(offset + input.limit) : null,
      total: ranked.length,
    };
  },
});

export const RosterLawyerInput = z.object({ id: idParam("律师编号") });

/** One lawyer's public card; a suspended lawyer or one not on the roster is not found, like an unknown one. */
export const getRosterLawyer = defineUseCase({
  name: "lawyer.rosterCard",
  permission: "lawyer.roster",
  write: false,
  input: RosterLawyerInput,
  async run({ db, input }): Promise<RosterLawyerDetail> {
    const row = await db.lawyerProfile.findFirst({ where: { AND: [{ userId: input.id }, ON_ROSTER] }, select: detailSelect });
    if (!row) throw notFound("律师");
    const loads = await loadsOf(db, [row.userId]);
    const ratings = await lawyerRatings(db, [row.userId]);
    return { ...toRosterLawyer(row, loads.get(row.userId) ?? 0, ratings.get(row.userId), currentYear()), bio: row.bio };
  },
});

/** How many lawyers an applicant may choose (LegalAidRule.maxChoices, admin-set), for the roster's explanation. */
export const getChoiceRule = defineUseCase({
  name: "lawyer.choiceRule",
  permission: "lawyer.roster",
  write: false,
  input: z.object({}),
  async run({ db }) {
    const { maxChoices, offerHours } = await loadLegalAidLimits(db);
    return { maxChoices, offerHours };
  },
});
