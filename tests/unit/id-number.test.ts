import { describe, expect, it } from "vitest";
import { idNumberCheckChar, isValidIdNumber, maskIdNumber, maskPhone, MOBILE_PATTERN } from "@/lib/identity/id-number";

describe("GB 11643-1999 resident ID numbers", () => {
  it("computes the check character (the standard's worked example 11010519491231002X)", () => {
    expect(idNumberCheckChar("11010519491231002")).toBe("X");
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("11010519491231002x")).toBe(true);
  });
  it("rejects a wrong check character, a bad date, a future birth and bad shapes", () => {
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    const feb30 = "3607021990023" + "0123";
    expect(isValidIdNumber(feb30 + idNumberCheckChar(feb30))).toBe(false);
    const future = "36070230000101123";
    expect(isValidIdNumber(future + idNumberCheckChar(future), new Date("2026-11-22"))).toBe(false);
    expect(isValidIdNumber("1234")).toBe(false);
    expect(isValidIdNumber("11010519491231002Y")).toBe(false);
  });
  it("masks for lists and exports", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("1101**********002X");
    expect(maskPhone("13800000001")).toBe("138****0001");
  });
  it("accepts mainland mobile numbers only", () => {
    expect(MOBILE_PATTERN.test("13800000001")).toBe(true);
    expect(MOBILE_PATTERN.test("12800000001")).toBe(false);
    expect(MOBILE_PATTERN.test("1380000000")).toBe(false);
  });
});
