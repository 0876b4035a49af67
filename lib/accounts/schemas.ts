import { z } from "zod";
import { isValidIdNumber, MOBILE_PATTERN } from "@/lib/identity/id-number";
import { checkbox } from "@/lib/validation";

// Phones and ID numbers are often typed with a Chinese IME (full-width digits) or with spaces
// between digit groups; NFKC turns "１３８ ００１３ ８０００" into "13800138000" before checking.
const normalizeDigits = (v: unknown) =>
  typeof v === "string" ? v.normalize("NFKC").replace(/[\s-]/g, "") : v;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export const RegisterResidentInput = z
  .object({
    name: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string({ error: "请填写姓名" }).min(1, { error: "请填写姓名", abort: true }).min(2, "姓名至少 2 个字").max(20, "姓名不能超过 20 个字"),
    ),
    phone: z.preprocess(
      normalizeDigits,
      z.string({ error: "请填写手机号" }).min(1, { error: "请填写手机号", abort: true }).regex(MOBILE_PATTERN, "请输入正确的11位手机号"),
    ),
    password: z
      .string({ error: "请设置密码" })
      .min(1, { error: "请设置密码", abort: true })
      .min(PASSWORD_MIN, { error: `密码至少 ${PASSWORD_MIN} 位，须同时包含字母和数字`, abort: true })
      .max(PASSWORD_MAX, { error: `密码不能超过 ${PASSWORD_MAX} 位`, abort: true })
      .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), "密码须同时包含字母和数字"),
    confirmPassword: z.string({ error: "请再次输入密码" }).min(1, "请再次输入密码"),
    idNumber: z.preprocess(
      (v) => (typeof v === "string" ? (normalizeDigits(v) as string).toUpperCase() || undefined : v),
      z.string().refine((v) => isValidIdNumber(v), "身份证号码校验未通过，请核对").optional(),
    ),
    agree: checkbox.refine((v) => v, "请阅读并勾选同意《用户服务协议》和《个人信息保护政策》"),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "两次输入的密码不一致" });
    }
  });
