import { z } from "zod";
import { isValidIdNumber, MOBILE_PATTERN } from "@/lib/identity/id-number";
import { checkbox } from "@/lib/validation";
import { NewPassword, refineNewPassword } from "@/lib/accounts/password-policy";

// Phones and ID numbers are often typed with a Chinese IME (full-width digits) or with spaces
// between digit groups; NFKC turns "１３８ ００１３ ８０００" into "13800138000" before checking.
const normalizeDigits = (v: unknown) =>
  typeof v === "string" ? v.normalize("NFKC").replace(/[\s-]/g, "") : v;

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
    password: NewPassword,
    confirmPassword: z.string({ error: "请再次输入密码" }).min(1, "请再次输入密码"),
    idNumber: z.preprocess(
      (v) => (typeof v === "string" ? (normalizeDigits(v) as string).toUpperCase() || undefined : v),
      z.string().refine((v) => isValidIdNumber(v), "身份证号码校验未通过，请核对").optional(),
    ),
    agree: checkbox.refine((v) => v, "请阅读并勾选同意《用户服务协议》和《个人信息保护政策》"),
  })
  .superRefine((v, ctx) => {
    refineNewPassword(ctx, { password: v.password, confirm: v.confirmPassword, identifiers: [v.phone] }, { password: "password", confirm: "confirmPassword" });
  });
