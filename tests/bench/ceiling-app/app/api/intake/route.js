import { z } from "zod";

// POST /api/intake: what the real POST /api/v1/work-orders does before it touches the database —
// read the JSON body and the Idempotency-Key, validate both with zod (the same rules as
// IntakeWorkOrderInput in lib/work-orders/schemas.ts) and answer JSON — and nothing else.

const text = (max, label) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `请填写${label}` }).min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`),
  );
const phone = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s-]/g, "") : v),
  z.string({ error: "请填写手机号" }).regex(/^1[3-9]\d{9}$/, "请输入正确的11位手机号"),
);

const Intake = z.object({
  channel: z.enum(["WALK_IN", "HOTLINE_12348", "WEB", "MOBILE", "WECHAT", "COURT_REFERRAL", "POLICE_REFERRAL", "PETITION_REFERRAL"]),
  type: z.enum(["CONSULTATION", "LEGAL_AID", "MEDIATION", "NOTARY_BOOKING", "LAWYER_REFERRAL", "COMPLAINT", "OTHER"]),
  regionCode: z.string().trim().regex(/^\d{12}$/, "请选择事项所在地区"),
  subject: text(120, "事项标题"),
  description: text(4000, "事项描述"),
  category: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), z.string().max(40).optional()),
  requester: z.object({ name: text(40, "群众姓名"), phone }),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
  confirmDuplicate: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

let served = 0;

export async function POST(request) {
  const body = await request.json().catch(() => undefined);
  if (body === undefined || typeof body !== "object" || body === null || Array.isArray(body)) {
    return Response.json({ error: { code: "VALIDATION", message: "请求体必须是 JSON 对象" } }, { status: 400 });
  }
  const key = request.headers.get("idempotency-key");
  const parsed = Intake.safeParse(key === null ? body : { ...body, idempotencyKey: key });
  if (!parsed.success) {
    return Response.json({ error: { code: "VALIDATION", message: "请检查填写的内容", fields: z.flattenError(parsed.error).fieldErrors } }, { status: 400 });
  }
  served += 1;
  return Response.json(
    { number: `${parsed.data.regionCode.slice(0, 6)}-00000000-${String(served).padStart(7, "0")}`, status: "NEW" },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
}
