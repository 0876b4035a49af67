import { describe, expect, it } from "vitest";
import {
  availableDocumentKinds, chineseCount, documentDate, documentHref, documentNumber,
} from "@/lib/legal-aid/documents";
import { matterCategoryLabel } from "@/lib/legal-aid/labels";

describe("legal-aid document numbers", () => {
  const order = "369901-20261122-0000017";

  it("derives each document's number from the year and the work-order serial", () => {
    expect(documentNumber("MATERIALS_NOTICE", order, 2026)).toBe("（2026）援告字第0000017号");
    expect(documentNumber("APPROVAL", order, 2026)).toBe("（2026）援决字第0000017号");
    expect(documentNumber("REFUSAL", order, 2026)).toBe("（2026）援不字第0000017号");
    expect(documentNumber("ASSIGNMENT_NOTICE", order, 2027)).toBe("（2027）援指字第0000017号");
  });

  it("keeps the serial as written (leading zeros) and refuses something that is not a work-order number", () => {
    expect(documentNumber("APPROVAL", "369902-20261231-1234567", 2027)).toBe("（2027）援决字第1234567号");
    expect(() => documentNumber("APPROVAL", "369901-20261122-", 2026)).toThrow(RangeError);
    expect(() => documentNumber("APPROVAL", "abc", 2026)).toThrow(RangeError);
  });
});

describe("legal-aid document text helpers", () => {
  it("writes dates on the Shanghai calendar, unpadded", () => {
    expect(documentDate(new Date("2026-11-22T03:00:00Z"))).toBe("2026年11月22日");
    // 23:30 UTC on 31 Dec is already 1 Jan in Shanghai
    expect(documentDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027年1月1日");
    expect(documentDate(new Date("2026-03-04T15:59:59Z"))).toBe("2026年3月4日");
  });

  it("counts days in Chinese", () => {
    expect([0, 3, 7, 10, 15, 20, 21, 99].map(chineseCount)).toEqual(["零", "三", "七", "十", "十五", "二十", "二十一", "九十九"]);
    expect(chineseCount(120)).toBe("120");
  });

  it("names matter categories from the eligibility tables, and falls back to the key", () => {
    expect(matterCategoryLabel("LABOUR")).toBe("讨要工资，或者要确认和老板的劳动关系");
    expect(matterCategoryLabel("NO_SUCH_KEY")).toBe("NO_SUCH_KEY");
  });
});

describe("which documents a case has", () => {
  const at = new Date("2026-11-22T03:00:00Z");
  const base = { status: "SUBMITTED" as const, materialsRequestedAt: null, decidedAt: null, lawyerUserId: null, assignedAt: null };

  it("none before any step; the notice once materials were requested, even after they were supplied", () => {
    expect(availableDocumentKinds(base)).toEqual([]);
    expect(availableDocumentKinds({ ...base, status: "MATERIALS_REQUESTED", materialsRequestedAt: at })).toEqual(["materials-notice"]);
    expect(availableDocumentKinds({ ...base, materialsRequestedAt: at })).toEqual(["materials-notice"]);
  });

  it("the decision once decided, but not while the case is back under review or withdrawn", () => {
    expect(availableDocumentKinds({ ...base, status: "APPROVED", decidedAt: at })).toEqual(["decision"]);
    expect(availableDocumentKinds({ ...base, status: "REFUSED", decidedAt: at })).toEqual(["decision"]);
    expect(availableDocumentKinds({ ...base, status: "SUBMITTED", decidedAt: at })).toEqual([]);
    expect(availableDocumentKinds({ ...base, status: "WITHDRAWN", decidedAt: at })).toEqual([]);
  });

  it("the assignment notice only with a lawyer and an assignment date", () => {
    expect(availableDocumentKinds({ ...base, status: "ASSIGNED", decidedAt: at, lawyerUserId: 5, assignedAt: at })).toEqual(["decision", "assignment-notice"]);
    expect(availableDocumentKinds({ ...base, status: "APPROVED", decidedAt: at, lawyerUserId: null, assignedAt: at })).toEqual(["decision"]);
    expect(documentHref("369901-20261122-0000017", "decision")).toBe("/legal-aid/documents/369901-20261122-0000017/decision");
  });
});
