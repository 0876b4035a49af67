import { describe, expect, it } from "vitest";
import { conflictReason, expertiseFor, rankCandidates, type CaseForRanking, type LawyerForRanking } from "@/lib/legal-aid/assignment";

// The county 369901 sits under the city 369900; the case is in a village of its township 001.
const CITY = "369900000000/";
const COUNTY = `${CITY}369901000000/`;
const TOWN = `${COUNTY}369901001000/`;
const VILLAGE = `${TOWN}369901001001/`;
const OTHER_COUNTY = `${CITY}369902000000/`;

let nextId = 1;
const lawyer = (over: Partial<LawyerForRanking> = {}): LawyerForRanking => ({
  userId: nextId++,
  name: "张律师",
  kind: "LAWYER",
  firmId: 1,
  firmName: "甲律师事务所",
  expertise: [],
  serviceRegionPaths: [COUNTY],
  load: 0,
  cap: 5,
  acceptsLegalAid: true,
  ...over,
});
const theCase = (over: Partial<CaseForRanking> = {}): CaseForRanking => ({ matterCategory: "LABOUR", regionPath: VILLAGE, opposingFirms: [], ...over });
const rank = (lawyers: LawyerForRanking[], c = theCase()) => rankCandidates(lawyers, c);

describe("legal-aid lawyer assignment: ranking candidates", () => {
  it("maps matter categories to lawyer expertise", () => {
    expect(expertiseFor("SUSPECT_NO_LAWYER")).toEqual(["CRIMINAL"]);
    expect(expertiseFor("VICTIM")).toEqual(["CRIMINAL"]);
    expect(expertiseFor("LABOUR")).toEqual(["LABOUR"]);
    expect(expertiseFor("WORK_INJURY")).toEqual(["WORK_INJURY", "LABOUR"]);
    expect(expertiseFor("ACCIDENT_INJURY")).toEqual(["TRAFFIC", "MEDICAL"]);
    expect(expertiseFor("MAINTENANCE")).toEqual(["FAMILY"]);
    expect(expertiseFor("CAPACITY")).toEqual(["FAMILY"]);
    for (const k of ["SOCIAL_INSURANCE", "SURVIVOR_PENSION", "STATE_COMPENSATION"]) expect(expertiseFor(k)).toEqual(["ADMINISTRATIVE"]);
    for (const k of ["ENVIRONMENT", "OTHER_BY_LAW", "OTHER"]) expect(expertiseFor(k)).toEqual([]);
  });

  it("marks expertise: a work-injury case matches a labour lawyer, a traffic case a medical one, not a family lawyer", () => {
    const [labour] = rank([lawyer({ expertise: ["LABOUR"] })], theCase({ matterCategory: "WORK_INJURY" }));
    expect(labour.expertiseMatch).toBe(true);
    const [medical] = rank([lawyer({ expertise: ["MEDICAL"] })], theCase({ matterCategory: "ACCIDENT_INJURY" }));
    expect(medical.expertiseMatch).toBe(true);
    const [family] = rank([lawyer({ expertise: ["FAMILY"] })], theCase({ matterCategory: "LABOUR" }));
    expect(family.expertiseMatch).toBe(false);
    const [anyone] = rank([lawyer({ expertise: ["LABOUR", "FAMILY"] })], theCase({ matterCategory: "OTHER" }));
    expect(anyone.expertiseMatch).toBe(false);
  });

  it("serves the area when a service region is the case's region or one of its ancestors, by path", () => {
    const marks = rank(
      [
        lawyer({ name: "县", serviceRegionPaths: [COUNTY] }),
        lawyer({ name: "市", serviceRegionPaths: [CITY] }),
        lawyer({ name: "村", serviceRegionPaths: [VILLAGE] }),
        lawyer({ name: "外县", serviceRegionPaths: [OTHER_COUNTY] }),
        lawyer({ name: "下级", serviceRegionPaths: [`${VILLAGE}x/`] }),
        lawyer({ name: "无", serviceRegionPaths: [] }),
      ],
    );
    expect(Object.fromEntries(marks.map((m) => [m.name, m.servesArea]))).toEqual({ 县: true, 市: true, 村: true, 外县: false, 下级: false, 无: false });
  });

  it("a lawyer at the cap is full and not assignable; one below it is", () => {
    const [full] = rank([lawyer({ load: 3, cap: 3 })]);
    expect(full).toMatchObject({ full: true, assignable: false, conflict: null });
    const [room] = rank([lawyer({ load: 2, cap: 3 })]);
    expect(room).toMatchObject({ full: false, assignable: true });
    const [declines] = rank([lawyer({ acceptsLegalAid: false })]);
    expect(declines).toMatchObject({ full: false, conflict: null, assignable: false });
  });

  it("a lawyer of the firm whose lawyer acts for the opposing party has a conflict; other firms do not", () => {
    const c = theCase({ opposingFirms: [{ firmId: 7, firmName: "乙律师事务所" }] });
    const [same, other] = rank([lawyer({ name: "甲", firmId: 7, firmName: "乙律师事务所" }), lawyer({ name: "乙", firmId: 8 })], c)
      .sort((a, b) => a.firmId - b.firmId);
    expect(same.conflict).toBe("该律师与对方当事人的援助律师同属乙律师事务所，不能指派");
    expect(same.conflict).toBe(conflictReason("乙律师事务所"));
    expect(same.assignable).toBe(false);
    expect(other.conflict).toBeNull();
    expect(other.assignable).toBe(true);
  });

  it("orders assignable first, then serving the area, then expertise, then lighter load, then name", () => {
    const c = theCase({ matterCategory: "LABOUR", opposingFirms: [{ firmId: 9, firmName: "冲突律师事务所" }] });
    const ordered = rank(
      [
        lawyer({ name: "冲突", firmId: 9, firmName: "冲突律师事务所", expertise: ["LABOUR"] }),
        lawyer({ name: "已满", load: 5, cap: 5, expertise: ["LABOUR"] }),
        lawyer({ name: "外地擅长", serviceRegionPaths: [OTHER_COUNTY], expertise: ["LABOUR"] }),
        lawyer({ name: "本地不擅长", expertise: ["FAMILY"] }),
        lawyer({ name: "本地擅长忙", expertise: ["LABOUR"], load: 3 }),
        lawyer({ name: "本地擅长闲", expertise: ["LABOUR"], load: 1 }),
        lawyer({ name: "本地擅长闲乙", expertise: ["LABOUR"], load: 1 }),
      ].reverse(),
      c,
    );
    const names = ordered.map((l) => l.name);
    expect(names.slice(0, 5)).toEqual(["本地擅长闲", "本地擅长闲乙", "本地擅长忙", "本地不擅长", "外地擅长"]);
    expect(names.slice(5).sort()).toEqual(["冲突", "已满"].sort());
    expect(ordered.slice(5).every((l) => !l.assignable)).toBe(true);
  });

  it("does not change its input", () => {
    const input = [lawyer({ name: "乙", load: 2 }), lawyer({ name: "甲", load: 1 })];
    const copy = structuredClone(input);
    rank(input);
    expect(input).toEqual(copy);
  });
});
