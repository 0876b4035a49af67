import { z } from "zod";
import { MOBILE_PATTERN } from "@/lib/identity/id-number";

// 查进度 forms. Residents copy numbers from an SMS or a paper slip, often with a Chinese input
// method: full-width digits and dashes and stray spaces are accepted and normalized.

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const halfWidth = (v: string) => v.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** "369901－20261122－0000017", "369901 20261122 0000017", 21 digits → 369901-20261122-0000017 */
export function normalizeNumber(raw: string): string {
  const v = halfWidth(raw).replace(/[\s\u3000]/g, "").replace(/[－—–_−]/g, "-");
  return /^\d{21}$/.test(v) ? `${v.slice(0, 6)}-${v.slice(6, 14)}-${v.slice(14)}` : v;
}

/** An application or work-order number: legal-aid, mediation and other requests all have one (WorkOrder.number). */
export const LookupNumber = z.preprocess(
  (v) => (typeof v === "string" ? normalizeNumber(v) : v),
  z
    .string({ error: "请填写编号" })
    .min(1, { error: "请填写编号", abort: true })
    .regex(/^\d{6}-\d{8}-\d{7}$/, "编号格式不对，应像 369901-20261122-0000017 这样，共 21 位数字"),
);

export const LookupPhone = z.preprocess(
  (v) => (typeof v === "string" ? halfWidth(v).replace(/[\s\u3000\-－]/g, "") : v),
  z.string({ error: "请填写手机号" }).min(1, { error: "请填写手机号", abort: true }).regex(MOBILE_PATTERN, "请输入正确的 11 位手机号"),
);

export const LookupCodeValue = z.preprocess(
  (v) => (typeof v === "string" ? halfWidth(v).replace(/[\s\u3000]/g, "") : v),
  z.string({ error: "请填写验证码" }).min(1, { error: "请填写验证码", abort: true }).regex(/^\d{6}$/, "验证码是短信里的 6 位数字"),
);

export const RequestCodeInput = z.object({ number: LookupNumber, phone: LookupPhone });
export type RequestCodeInput = z.output<typeof RequestCodeInput>;

export const VerifyCodeInput = z.object({ number: LookupNumber, phone: LookupPhone, code: LookupCodeValue });
export type VerifyCodeInput = z.output<typeof VerifyCodeInput>;

/** The timeline page: the number in the address and the signed grant from the cookie. */
export const TrackedProgressInput = z.object({ number: LookupNumber, grant: z.string().max(1000).default("") });
