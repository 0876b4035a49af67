import { afterEach, describe, expect, it, vi } from "vitest";
import { codeHash, lookupSmsText, newLookupCode, phoneHash, sameHash } from "@/lib/tracking/code";
import { GRANT_MINUTES, signGrant, verifyGrant } from "@/lib/tracking/grant";
import { normalizeNumber, RequestCodeInput, VerifyCodeInput } from "@/lib/tracking/schemas";
import { maskPhone } from "@/lib/identity/id-number";
import { waitText } from "@/lib/rate-limit";

// 查进度's pure parts: the one-time code, the signed grant cookie, what residents may type, and
// how a wait is said.

const NUMBER = "369901-20261122-0000017";

describe("the one-time code", () => {
  it("is six digits, leading zeros kept, and not the same twice in a row of many", () => {
    const codes = Array.from({ length: 2000 }, () => newLookupCode());
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    // small values are padded, not shortened
    expect(codes.some((c) => c.startsWith("0"))).toBe(true);
  });

  it("is stored as a keyed hash bound to the number, compared in constant time", () => {
    const h = codeHash(NUMBER, "123456");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain("123456");
    expect(sameHash(h, codeHash(NUMBER, "123456"))).toBe(true);
    expect(sameHash(h, codeHash(NUMBER, "123457"))).toBe(false);
    expect(sameHash(h, codeHash("369901-20261122-0000018", "123456"))).toBe(false);
    expect(sameHash(h, "")).toBe(false);
    expect(sameHash(h, h.slice(0, 62))).toBe(false);
    expect(phoneHash("13800000001")).not.toBe(phoneHash("13800000002"));
    expect(phoneHash("13800000001")).not.toContain("13800000001");
  });

  it("is texted in the wording of the brief", () => {
    expect(lookupSmsText("042517")).toBe("您正在查询办理进度，验证码 042517，10 分钟内有效。如非本人操作请忽略。");
  });
});

describe("the grant cookie", () => {
  afterEach(() => vi.unstubAllEnvs());
  const now = new Date("2026-11-22T08:00:00Z");

  it("verifies for its own number until it expires after 30 minutes", () => {
    const { token, grant } = signGrant(NUMBER, "138****0001", now);
    expect(grant.expiresAt.getTime() - now.getTime()).toBe(GRANT_MINUTES * 60_000);
    expect(verifyGrant(token, NUMBER, now)).toEqual({ number: NUMBER, maskedPhone: "138****0001", expiresAt: grant.expiresAt });
    expect(verifyGrant(token, NUMBER, new Date(now.getTime() + 29 * 60_000))).not.toBeNull();
    expect(verifyGrant(token, NUMBER, new Date(now.getTime() + 30 * 60_000))).toBeNull();
    expect(verifyGrant(token, "369901-20261122-0000018", now)).toBeNull();
    // no phone in clear inside the cookie
    expect(Buffer.from(token.split(".")[0], "base64url").toString()).not.toMatch(/\d{11}/);
  });

  it("refuses a tampered, truncated, re-signed or foreign token", () => {
    const { token } = signGrant(NUMBER, "138****0001", now);
    const [body, sig] = token.split(".");
    const other = Buffer.from(JSON.stringify({ n: "369901-20261122-0000018", p: "138****0001", e: 4_000_000_000 })).toString("base64url");
    expect(verifyGrant(`${other}.${sig}`, "369901-20261122-0000018", now)).toBeNull();
    const later = Buffer.from(JSON.stringify({ n: NUMBER, p: "138****0001", e: 4_000_000_000 })).toString("base64url");
    expect(verifyGrant(`${later}.${sig}`, NUMBER, now)).toBeNull();
    const flipped = sig.slice(0, -2) + (sig.endsWith("AA") ? "BB" : "AA");
    expect(verifyGrant(`${body}.${flipped}`, NUMBER, now)).toBeNull();
    expect(verifyGrant(`${body}.${sig.slice(0, 10)}`, NUMBER, now)).toBeNull();
    expect(verifyGrant(`${body}.${sig}.x`, NUMBER, now)).toBeNull();
    expect(verifyGrant(body, NUMBER, now)).toBeNull();
    expect(verifyGrant("", NUMBER, now)).toBeNull();
    expect(verifyGrant(undefined, NUMBER, now)).toBeNull();
    // signed with another secret
    vi.stubEnv("AUTH_SECRET", "another-secret-another-secret-0000");
    const foreign = signGrant(NUMBER, "138****0001", now).token;
    vi.unstubAllEnvs();
    expect(verifyGrant(foreign, NUMBER, now)).toBeNull();
    expect(verifyGrant(token, NUMBER, now)).not.toBeNull();
  });

  it("will not sign without a secret", () => {
    vi.stubEnv("AUTH_SECRET", "");
    expect(() => signGrant(NUMBER, "138****0001", now)).toThrow(/AUTH_SECRET/);
  });
});

describe("what residents type", () => {
  it("masks the phone shown back to them", () => {
    expect(maskPhone("13800000001")).toBe("138****0001");
  });

  it("accepts numbers with full-width digits or dashes, spaces, or no dashes", () => {
    for (const typed of [NUMBER, "369901－20261122－0000017", " 369901 20261122 0000017 ", "369901202611220000017", "３６９９０１-２０２６１１２２-０００００１７"]) {
      expect(normalizeNumber(typed)).toBe(NUMBER);
    }
    const ok = RequestCodeInput.safeParse({ number: "369901—20261122—0000017", phone: "138 0000 0001" });
    expect(ok.success && ok.data).toEqual({ number: NUMBER, phone: "13800000001" });
  });

  it("says in Chinese which field is wrong", () => {
    const bad = RequestCodeInput.safeParse({ number: "12345", phone: "1380000" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({ number: expect.stringContaining("编号格式不对"), phone: "请输入正确的 11 位手机号" });
    const empty = VerifyCodeInput.safeParse({ number: "", phone: "", code: "12a" });
    const m2 = Object.fromEntries(empty.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(empty.error!.issues).toHaveLength(3);
    expect(m2).toEqual({ number: "请填写编号", phone: "请填写手机号", code: "验证码是短信里的 6 位数字" });
    expect(VerifyCodeInput.safeParse({ number: NUMBER, phone: "13800000001", code: " １２３４５６ " }).data?.code).toBe("123456");
  });
});

describe("waiting times", () => {
  it("are rounded up to minutes, then hours", () => {
    expect(waitText(1)).toBe("请 1 分钟后再试");
    expect(waitText(61)).toBe("请 2 分钟后再试");
    expect(waitText(600)).toBe("请 10 分钟后再试");
    expect(waitText(3599)).toBe("请 1 小时后再试");
    expect(waitText(23 * 3600 + 5)).toBe("请 24 小时后再试");
  });
});
