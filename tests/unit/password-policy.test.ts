import { describe, expect, it } from "vitest";
import { z } from "zod";
import { characterClasses, containedIdentifier, NewPassword, PASSWORD_MAX, refineNewPassword } from "@/lib/accounts/password-policy";
import { RegisterResidentInput } from "@/lib/accounts/schemas";
import { DEMO_PASSWORD } from "@/lib/seed/demo-accounts";
import { describeDevice } from "@/lib/accounts/user-agent";

// 等保 password complexity: one schema for registration and for changing a password.
const messages = (v: unknown) => {
  const r = NewPassword.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("password policy", () => {
  it("accepts the demo password and passwords of three or four character classes", () => {
    expect(messages(DEMO_PASSWORD)).toEqual([]);
    expect(messages("Abcdefg1")).toEqual([]); // upper, lower, digit
    expect(messages("abcdefg1!")).toEqual([]); // lower, digit, symbol
    expect(messages("ABCDEFG1!")).toEqual([]); // upper, digit, symbol
    expect(messages("Abcdefg!")).toEqual([]); // upper, lower, symbol
    expect(messages("我的密码Ab12")).toEqual([]); // Chinese characters count as symbols
  });

  it("refuses fewer than three classes", () => {
    for (const p of ["abcdefgh", "abcdefg1", "ABCDEFG1", "12345678", "abc!@#$%", "Abcdefgh"]) {
      expect(messages(p), p).toEqual(["密码须包含大写字母、小写字母、数字、符号中的至少三类"]);
    }
    expect(characterClasses("aA1!")).toBe(4);
  });

  it("refuses fewer than 8 and more than 128 characters, with one message each", () => {
    expect(messages("Ab1!")).toEqual(["密码至少 8 位"]);
    expect(messages("")).toEqual(["请设置密码"]);
    expect(messages(`Ab1!${"x".repeat(PASSWORD_MAX)}`)).toEqual(["密码不能超过 128 位"]);
    expect(messages(`Ab1!${"x".repeat(PASSWORD_MAX - 4)}`)).toEqual([]);
    expect(messages(undefined)).toEqual(["请设置密码"]);
  });

  it("refuses a password containing the phone number or user name, in any case", () => {
    expect(containedIdentifier("Zz13800138000!", ["13800138000"])).toBe("13800138000");
    expect(containedIdentifier("My-STAFF.centre-1", ["staff.centre", null])).toBe("staff.centre");
    expect(containedIdentifier("Demo@2026", ["staff.centre", "13800138000"])).toBeNull();
    // identifiers too short to matter are ignored
    expect(containedIdentifier("Ab#12345", ["ab"])).toBeNull();

    const Form = z.object({ password: NewPassword, confirm: z.string(), login: z.string() }).superRefine((v, ctx) =>
      refineNewPassword(ctx, { password: v.password, confirm: v.confirm, identifiers: [v.login] }, { password: "password", confirm: "confirm" }),
    );
    const r = Form.safeParse({ password: "Wang.Fang#1", confirm: "Wang.Fang#2", login: "wang.fang" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["password", "密码不能包含手机号或用户名"],
      ["confirm", "两次输入的密码不一致"],
    ]);
  });

  it("is the policy registration applies", () => {
    const base = { name: "李桂兰", phone: "13800138000", agree: "on" };
    const errors = (password: string) => {
      const r = RegisterResidentInput.safeParse({ ...base, password, confirmPassword: password });
      return r.success ? {} : z.flattenError(r.error).fieldErrors;
    };
    expect(errors("Li@13800138000")).toEqual({ password: ["密码不能包含手机号或用户名"] });
    expect(errors("abc12345")).toEqual({ password: ["密码须包含大写字母、小写字母、数字、符号中的至少三类"] });
    expect(errors("Li-Guilan2026")).toEqual({});
  });
});

describe("device names from user agents", () => {
  it("names the common browsers and systems in Chinese where people know them so", () => {
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36")).toBe("Chrome · Windows");
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0")).toBe("Edge · Windows");
    expect(describeDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49")).toBe("微信 · iPhone");
    expect(describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toBe("Safari · macOS");
    expect(describeDevice("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36")).toBe("Chrome · Android");
    expect(describeDevice(null)).toBe("未知设备");
    expect(describeDevice("curl/8.5.0")).toBe("其他设备");
  });
});
