import { z } from "zod";

// GET /api/inbox: the ceiling of the inbox bench (tests/bench/inbox.bench.ts) — what the real
// GET /api/v1/work-orders does without a database: read the query, validate it with zod (the same
// rules as InboxQuery in lib/work-orders/schemas.ts) and answer a page of 30 orders as JSON.

const blank = (v) => (v === "" ? undefined : v);
const Query = z.object({
  status: z.preprocess(blank, z.enum(["OPEN", "NEW", "IN_PROGRESS", "PAUSED", "CLOSED", "REOPENED"]).default("OPEN")),
  type: z.preprocess(blank, z.enum(["CONSULTATION", "LEGAL_AID", "MEDIATION", "NOTARY_BOOKING", "LAWYER_REFERRAL", "COMPLAINT", "OTHER"]).optional()),
  due: z.preprocess(blank, z.enum(["soon", "overdue"]).optional()),
  mine: z.preprocess((v) => v === true || v === "1" || v === "on" || v === "true", z.boolean()).default(false),
  q: z.string().trim().max(40).optional(),
  cursor: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

// a page the size of the real one: 30 orders of the same fields
const page = (limit) => ({
  items: Array.from({ length: limit }, (_, i) => ({
    number: `369901-20261203-${String(9000000 + i).padStart(7, "0")}`, type: "CONSULTATION", channel: "HOTLINE_12348", status: "NEW",
    subject: "劳动合同到期后单位不续签，能否要求经济补偿", requesterName: "王秀英", requesterPhone: "139****5678",
    dueAt: "2026-12-04T09:00:00.000Z", createdAt: "2026-12-03T09:00:00.000Z", handlerUserId: null, overdueEscalatedAt: null,
    region: { name: "文昌社区" }, mine: false, dueState: "soon",
  })),
  nextCursor: "eyJkIjoiMjAyNi0xMi0wNFQwOTowMDowMC4wMDBaIiwiaSI6OTAwMDAyOX0",
  counts: { open: 5000, overdue: 930 },
});

export async function GET(request) {
  const parsed = Query.safeParse(Object.fromEntries(request.nextUrl.searchParams.entries()));
  if (!parsed.success) {
    return Response.json({ error: { code: "VALIDATION", message: "请检查填写的内容" } }, { status: 400 });
  }
  return Response.json(page(parsed.data.limit), { headers: { "cache-control": "no-store" } });
}
