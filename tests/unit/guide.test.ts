import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalogue, finderLink, GUIDE, GUIDE_SLUGS, guideEntry, itemTexts, startLinks, tiersOffering } from "@/lib/guide/catalogue";
import { INSTALLED_LIMITS, limitText, type GuideLimits } from "@/lib/guide/time-limits";
import { SERVICE_KEYS } from "@/lib/network/rules";
import { ServicePointQuery } from "@/lib/network/schemas";
import { CONFIRMATION_WINDOW_DAYS } from "@/lib/mediation/aftercare-rules";
import { HOTLINE } from "@/components/site/hotline";

// 办事指南 (issue 8 item 1): every service answers every question, every way to start leads to a
// page that exists (and says so when it needs an account), and every time limit is the one the
// system enforces — the texts are built from the limits, never typed in.

const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");

/** The page file that serves a URL path: route groups "(x)" are transparent, "[x]" takes one segment. */
function pageFileFor(urlPath: string): string | null {
  const segments = urlPath.split("/").filter(Boolean);
  const walk = (dir: string, rest: string[]): string | null => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith("_"));
    if (rest.length === 0 && fs.existsSync(path.join(dir, "page.tsx"))) return path.join(dir, "page.tsx");
    for (const e of entries.filter((e) => e.name.startsWith("("))) {
      const found = walk(path.join(dir, e.name), rest);
      if (found) return found;
    }
    if (rest.length === 0) return null;
    const [head, ...tail] = rest;
    const exact = entries.find((e) => e.name === head);
    if (exact) {
      const found = walk(path.join(dir, exact.name), tail);
      if (found) return found;
    }
    for (const e of entries.filter((e) => /^\[[^.].*\]$/.test(e.name))) {
      const found = walk(path.join(dir, e.name), tail);
      if (found) return found;
    }
    return null;
  };
  return walk(appDir, segments);
}

const everyLink = GUIDE.flatMap((e) => [...startLinks(e), ...e.where.tiers.map(finderLink)].map((link) => ({ entry: e.slug, link })));

describe("the catalogue", () => {
  it("has one entry per service of the network's catalogue, with unique URL-safe slugs", () => {
    expect(GUIDE.map((e) => e.key).sort()).toEqual([...SERVICE_KEYS].sort());
    expect(new Set(GUIDE_SLUGS).size).toBe(GUIDE.length);
    for (const slug of GUIDE_SLUGS) expect(slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(guideEntry("legal-aid")?.key).toBe("LEGAL_AID");
    expect(guideEntry("no-such-service")).toBeUndefined();
  });

  it("fills every section of every entry, with 2–3 questions each", () => {
    for (const e of GUIDE) {
      const texts = [e.name, e.summary, ...itemTexts(e.who), ...e.materials, e.where.text, ...e.timeLimits, ...e.fees.text, ...e.faq.flatMap((f) => [f.q, f.a])];
      expect(texts.every((t) => t.trim().length > 0), `${e.slug}: an empty text`).toBe(true);
      expect(e.who.length, `${e.slug}: 谁可以办`).toBeGreaterThan(0);
      for (const item of e.who) if (typeof item !== "string") expect(item.items.length, `${e.slug}: ${item.text}`).toBeGreaterThan(0);
      expect(e.materials.length, `${e.slug}: 要带的材料`).toBeGreaterThan(0);
      expect(e.where.tiers.length, `${e.slug}: 去哪里办`).toBeGreaterThan(0);
      expect(e.timeLimits.length, `${e.slug}: 多长时间`).toBeGreaterThan(0);
      expect(e.fees.text.length, `${e.slug}: 收费`).toBeGreaterThan(0);
      expect(e.start.primary.label, `${e.slug}: 怎么开始`).not.toBe("");
      expect(e.faq.length, `${e.slug}: 常见问题`).toBeGreaterThanOrEqual(2);
      expect(e.faq.length, `${e.slug}: 常见问题`).toBeLessThanOrEqual(3);
    }
  });

  it("names the laws the services rest on", () => {
    expect(guideEntry("legal-aid")?.laws).toContain("中华人民共和国法律援助法");
    expect(guideEntry("mediation")?.laws).toContain("中华人民共和国人民调解法");
  });

  it("says the bureau does not do judicial appraisals and points to consultation", () => {
    const e = guideEntry("appraisal-guidance")!;
    expect(itemTexts(e.who).join("")).toContain("不做鉴定");
    expect(e.where.text).toMatch(/登记的司法鉴定机构/);
    expect(e.where.text).toMatch(/法院委托/);
    expect(startLinks(e).map((l) => l.href)).toEqual(expect.arrayContaining([`tel:${HOTLINE}`, "/resident/new"]));
  });
});

describe("where to go and how to start", () => {
  it("sends each service to the tiers that offer it, through a finder filter the finder accepts", () => {
    for (const e of GUIDE) {
      expect(e.where.tiers, e.slug).toEqual(tiersOffering(e.key));
      for (const tier of e.where.tiers) {
        const url = new URL(finderLink(tier).href, "http://x");
        expect(url.pathname).toBe("/service-points");
        expect(ServicePointQuery.parse(Object.fromEntries(url.searchParams)).tier).toBe(tier);
      }
    }
  });

  it("starts at pages that exist under app/, or at the hotline", () => {
    for (const { entry, link } of everyLink) {
      if (link.href.startsWith("tel:")) {
        expect(link.href, `${entry}: ${link.label}`).toBe(`tel:${HOTLINE}`);
        continue;
      }
      const file = pageFileFor(new URL(link.href, "http://x").pathname);
      expect(file, `${entry}: ${link.label} → ${link.href} has no page`).not.toBeNull();
    }
    for (const slug of GUIDE_SLUGS) expect(pageFileFor(`/guide/${slug}`)).toBe(path.join(appDir, "guide/[service]/page.tsx"));
    expect(pageFileFor("/guide")).toBe(path.join(appDir, "guide/page.tsx"));
  });

  it("says 先登录 exactly where the page asks the reader to sign in", () => {
    for (const { entry, link } of everyLink) {
      if (link.href.startsWith("tel:")) continue;
      const source = fs.readFileSync(pageFileFor(new URL(link.href, "http://x").pathname)!, "utf8");
      // Pages that read the signed-in person (getMe: permission "me.read", never public) send
      // everyone else to the sign-in page.
      const needsAccount = /loadPage\(getMe\b/.test(source);
      expect(!!link.signIn, `${entry}: ${link.href} ${needsAccount ? "needs" : "does not need"} an account`).toBe(needsAccount);
    }
  });

  it("starts legal aid at the public self-check, mediation at the application form", () => {
    expect(guideEntry("legal-aid")!.start.primary.href).toBe("/legal-aid/check");
    expect(guideEntry("mediation")!.start.primary.href).toBe("/mediation/apply");
    expect(guideEntry("consultation")!.start.primary.href).toBe("/resident/new");
    expect(guideEntry("complaint")!.start.primary.href).toBe("/resident/new");
  });
});

describe("time limits: the ones the system enforces", () => {
  const migrations = path.join(root, "prisma/migrations");
  const sqlFiles = fs.readdirSync(migrations).sort().map((d) => path.join(migrations, d, "migration.sql")).filter((f) => fs.existsSync(f));

  it("quotes the work-order limits the migrations install", () => {
    const installed: Record<string, { value: number; unit: string }> = {};
    for (const file of sqlFiles) {
      const sql = fs.readFileSync(file, "utf8");
      // A later migration that changed a limit would need reading here too: fail rather than guess.
      expect(sql, `${path.basename(path.dirname(file))} updates WorkOrderTypeRule`).not.toMatch(/UPDATE\s+"WorkOrderTypeRule"/i);
      const insert = sql.match(/INSERT INTO "WorkOrderTypeRule"[^;]*;/);
      if (!insert) continue;
      for (const row of insert[0].matchAll(/\('(\w+)',\s*'\w+',\s*(?:true|false),\s*(\d+),\s*'(\w+)'/g)) {
        installed[row[1]] = { value: Number(row[2]), unit: row[3] };
      }
    }
    for (const [type, limit] of Object.entries(INSTALLED_LIMITS.workOrders)) {
      expect(installed[type], `WorkOrderTypeRule ${type}`).toEqual(limit);
    }
  });

  it("quotes the legal-aid limits LegalAidRule starts with, and the statute's advance-aid window", () => {
    const schema = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const model = schema.match(/model LegalAidRule \{[^}]*\}/)![0];
    const def = (field: string) => model.match(new RegExp(`\\b${field}\\s+\\w+\\s+@default\\((\\w+)\\)`))?.[1];
    const { legalAid } = INSTALLED_LIMITS;
    expect(def("dayBasis")).toBe(legalAid.dayBasis);
    expect(Number(def("assignDays"))).toBe(legalAid.assignDays);
    expect(Number(def("materialsDays"))).toBe(legalAid.materialsDays);
    expect(Number(def("objectionDays"))).toBe(legalAid.objectionDays);
    // review.ts keeps the window as a private constant; read it from the source.
    const review = fs.readFileSync(path.join(root, "lib/legal-aid/review.ts"), "utf8");
    expect(Number(review.match(/const ADVANCE_AID_DAYS = (\d+);/)?.[1])).toBe(INSTALLED_LIMITS.advanceAidDays);
  });

  it("words the installed limits in 工作日 as every notice does", () => {
    const aid = guideEntry("legal-aid")!.timeLimits.join("\n");
    expect(aid).toContain("7 个工作日内决定");
    expect(aid).toContain("3 个工作日内给您指派律师");
    expect(aid).toContain("15 个工作日内补齐");
    expect(aid).toContain("5 个工作日内作出决定");
    expect(guideEntry("mediation")!.timeLimits.join("\n")).toContain(`${limitText(INSTALLED_LIMITS.workOrders.MEDIATION)}（约一个月）`);
    expect(guideEntry("consultation")!.timeLimits.join("\n")).toContain("1 个工作日内答复");
  });

  it("builds every number in a time limit from the limits it is given, none typed in", () => {
    // Distinct odd values: a number typed into a text would show up as one not in this list.
    const limits: GuideLimits = {
      workOrders: {
        CONSULTATION: { value: 41, unit: "WORKING_DAYS" },
        LEGAL_AID: { value: 43, unit: "WORKING_DAYS" },
        MEDIATION: { value: 47, unit: "WORKING_DAYS" },
        NOTARY_BOOKING: { value: 53, unit: "CALENDAR_DAYS" },
        LAWYER_REFERRAL: { value: 59, unit: "WORKING_DAYS" },
        COMPLAINT: { value: 61, unit: "HOURS" },
      },
      legalAid: { dayBasis: "CALENDAR_DAYS", assignDays: 67, materialsDays: 71, objectionDays: 73 },
      advanceAidDays: 79,
    };
    const allowed = new Set(["41", "43", "47", "53", "59", "61", "67", "71", "73", "79", String(CONFIRMATION_WINDOW_DAYS), HOTLINE]);
    const custom = buildCatalogue(limits);
    for (const e of custom) {
      for (const text of [...e.timeLimits, ...e.faq.map((f) => f.a)]) {
        for (const n of text.match(/\d+/g) ?? []) expect(allowed.has(n), `${e.slug}: "${n}" in 「${text}」`).toBe(true);
      }
    }
    const byKey = Object.fromEntries(custom.map((e) => [e.key, e.timeLimits.join("\n")]));
    expect(byKey.CONSULTATION).toContain("41 个工作日");
    expect(byKey.LEGAL_AID).toContain("43 个工作日");
    expect(byKey.LEGAL_AID).toContain("67 天");
    expect(byKey.LEGAL_AID).toContain("71 天");
    expect(byKey.LEGAL_AID).toContain("73 天");
    expect(byKey.LEGAL_AID).toContain("不到 79 天");
    expect(byKey.MEDIATION).toContain("47 个工作日");
    expect(byKey.MEDIATION).toContain(`${CONFIRMATION_WINDOW_DAYS} 天内`);
    expect(byKey.NOTARY).toContain("53 天");
    expect(byKey.LAWYER_REFERRAL).toContain("59 个工作日");
    expect(byKey.COMPLAINT).toContain("61 小时");
    expect(byKey.APPRAISAL_GUIDANCE).toContain("41 个工作日");
  });
});

describe("fees", () => {
  it("marks consultation, legal aid, mediation and complaints free, and only those", () => {
    expect(GUIDE.filter((e) => e.fees.free).map((e) => e.key).sort()).toEqual(["COMPLAINT", "CONSULTATION", "LEGAL_AID", "MEDIATION"]);
    for (const e of GUIDE.filter((e) => e.fees.free)) expect(e.fees.text[0], e.slug).toMatch(/^(完全)?免费/);
  });

  it("cites the articles that make legal aid and mediation free", () => {
    expect(guideEntry("legal-aid")!.fees.text.join("")).toContain("法律援助法第二十条");
    expect(guideEntry("mediation")!.fees.text.join("")).toContain("人民调解法第四条");
  });

  it("for paid services, says what is free, that fees follow the official standards, and that aid recipients pay less", () => {
    for (const slug of ["notary", "lawyer-referral", "appraisal-guidance"]) {
      const text = guideEntry(slug)!.fees.text.join("\n");
      expect(text, slug).toMatch(/免费/);
      expect(text, slug).toMatch(/国家和本省|本省规定/);
    }
    expect(guideEntry("notary")!.fees.text.join("")).toContain("第五十三条");
    expect(guideEntry("appraisal-guidance")!.fees.text.join("")).toContain("第五十三条");
  });
});
