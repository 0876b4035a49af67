import { beforeEach, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { execute } from "@/lib/api/use-case";
import { registerResidentUseCase } from "@/lib/accounts/register-resident";
import { decryptField, lookupHash } from "@/lib/crypto";
import { idNumberCheckChar } from "@/lib/identity/id-number";
import { db, resetDatabase } from "./helpers/db";

const meta = { ip: null, userAgent: null };
const register = (input: Record<string, unknown>) => execute(registerResidentUseCase, input, null, meta);

const FIRST17 = "53010219800101123";
const ID_NUMBER = FIRST17 + idNumberCheckChar(FIRST17);
const WRONG_CHECK = FIRST17 + (idNumberCheckChar(FIRST17) === "1" ? "2" : "1");

const valid = (over: Record<string, unknown> = {}) => ({
  name: "李桂兰",
  phone: "13800138000",
  password: "Abc12345",
  confirmPassword: "Abc12345",
  agree: "on",
  ...over,
});

// Selecting secrets must be explicit: lib/db.ts omits them by default.
const secretSelect = { id: true, phone: true, username: true, passwordHash: true, idNumberCipher: true, idNumberHash: true } as const;

describe("account.register (resident self-registration)", () => {
  beforeEach(resetDatabase);

  it("creates a resident who signs in with the phone number, with exactly one RESIDENT membership", async () => {
    const result = await register(valid());
    expect(result).toEqual({ ok: true, data: { userId: expect.any(Number), phone: "13800138000" } });
    if (!result.ok) return;

    const user = await db.user.findUniqueOrThrow({ where: { id: result.data.userId }, select: { ...secretSelect, name: true } });
    expect(user).toMatchObject({ name: "李桂兰", phone: "13800138000", username: null, idNumberCipher: null, idNumberHash: null });
    expect(user.passwordHash).not.toContain("Abc12345");
    expect(await bcrypt.compare("Abc12345", user.passwordHash)).toBe(true);

    const memberships = await db.membership.findMany({ where: { userId: user.id } });
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ role: "RESIDENT", organizationId: null, regionId: null });
  });

  it("accepts a phone typed with full-width digits and spaces", async () => {
    const result = await register(valid({ phone: "１３８ ００１３ ８０００" }));
    expect(result.ok && result.data.phone).toBe("13800138000");
  });

  it("writes an audit event pointing at the new user", async () => {
    const result = await register(valid());
    if (!result.ok) throw new Error(result.message);
    const events = await db.auditEvent.findMany({ where: { action: "account.register" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ result: "SUCCESS", actorUserId: null, targetType: "User", targetId: String(result.data.userId) });
    expect(JSON.stringify(events[0].detail ?? null)).not.toContain("Abc12345");
  });

  it("stores the ID number only encrypted, with a look-up hash", async () => {
    const result = await register(valid({ idNumber: ID_NUMBER.toLowerCase() }));
    if (!result.ok) throw new Error(result.message);
    const user = await db.user.findUniqueOrThrow({ where: { id: result.data.userId }, select: secretSelect });
    expect(user.idNumberCipher).toBeTruthy();
    expect(user.idNumberCipher).not.toContain(ID_NUMBER);
    expect(decryptField(user.idNumberCipher!)).toBe(ID_NUMBER);
    expect(user.idNumberHash).toBe(lookupHash(ID_NUMBER));

    const rows = await db.$queryRaw<{ n: bigint }[]>`
      select count(*) as n from "User" where "idNumberCipher" like ${"%" + ID_NUMBER + "%"}`;
    expect(Number(rows[0].n)).toBe(0);
  });

  it("rejects a malformed phone number on the phone field", async () => {
    const result = await register(valid({ phone: "1380013800" }));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { phone: ["请输入正确的11位手机号"] } });
    expect(await db.user.count()).toBe(0);
  });

  it("rejects an ID number whose check digit is wrong on the idNumber field", async () => {
    const result = await register(valid({ idNumber: WRONG_CHECK }));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { idNumber: ["身份证号码校验未通过，请核对"] } });
    expect(await db.user.count()).toBe(0);
  });

  it("reports mismatched passwords on the confirmation field only", async () => {
    const result = await register(valid({ confirmPassword: "Abc123456" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({ confirmPassword: ["两次输入的密码不一致"] });
  });

  it("requires a password of three character classes, a name and consent", async () => {
    const result = await register(valid({ name: "李", password: "12345678", confirmPassword: "12345678", agree: undefined }));
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        name: ["姓名至少 2 个字"],
        password: ["密码须包含大写字母、小写字母、数字、符号中的至少三类"],
        agree: ["请阅读并勾选同意《用户服务协议》和《个人信息保护政策》"],
      },
    });
  });

  it("refuses a phone number that is already registered", async () => {
    await register(valid());
    const again = await register(valid({ name: "王建国" }));
    expect(again).toMatchObject({
      ok: false,
      code: "RULE_VIOLATION",
      message: "该手机号已注册，请直接登录",
      fieldErrors: { phone: ["该手机号已注册，请直接登录"] },
    });
    expect(await db.user.count()).toBe(1);
    const failed = await db.auditEvent.findMany({ where: { action: "account.register", result: "FAILED" } });
    expect(failed).toHaveLength(1);
  });

  it("refuses an ID number already bound to another account", async () => {
    await register(valid({ idNumber: ID_NUMBER }));
    const again = await register(valid({ phone: "13900139000", idNumber: ID_NUMBER }));
    expect(again).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { idNumber: [expect.stringContaining("身份证号码已绑定")] } });
    expect(await db.user.count()).toBe(1);
  });

  it("turns a concurrent duplicate (unique violation) into the same field error, never a 500", async () => {
    const [a, b] = await Promise.all([register(valid()), register(valid({ name: "王建国" }))]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { phone: ["该手机号已注册，请直接登录"] } });

    const [c, d] = await Promise.all([
      register(valid({ phone: "13900139000", idNumber: ID_NUMBER })),
      register(valid({ phone: "13700137000", idNumber: ID_NUMBER })),
    ]);
    expect([c, d].filter((r) => r.ok)).toHaveLength(1);
    expect([c, d].find((r) => !r.ok)).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { idNumber: [expect.any(String)] } });

    expect(await db.user.count()).toBe(2);
    expect(await db.membership.count()).toBe(2);
  });
});
