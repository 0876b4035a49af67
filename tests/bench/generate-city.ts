import pg from "pg";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { encryptField, lookupHash } from "@/lib/crypto";
import { idNumberCheckChar } from "@/lib/identity/id-number";
import { LEGAL_MATTER_CATEGORIES } from "@/lib/lawyers/categories";
import { CRIMINAL_SITUATIONS, EXEMPT_GROUPS, GREEN_CHANNEL, MATTERS } from "@/lib/legal-aid/eligibility";
import { OUTCOME_LABELS, QUALITY_METHODS, TERMINATION_REASONS } from "@/lib/legal-aid/labels";
import { MEDIATION_CATEGORY_LABELS } from "@/lib/mediation/labels";
import { databaseName, localDatabaseUrl } from "./local-database";
import {
  COMPLAINT_SUBJECTS, DESCRIPTION_ENDINGS, draws, GIVEN_POOL, NOTARY_SUBJECTS, OTHER_SUBJECTS, RESULTS, seconds, sqlList, step,
  SURNAME_POOL,
} from "./sql-draws";

// City-scale bench data (issues 7 and 10): `tsx tests/bench/generate-city.ts --years 5 --scale 1`
// fills a freshly migrated and seeded database (the demo city) with N calendar years of activity up
// to --anchor: at scale 1 about 200,000 work orders a year, of which about 7,000 are legal-aid
// applications and 30,000 mediation cases, each with its case record, and the ratings, call-backs,
// lawyer assignments and mediation parties that go with them. What each count and figure is made
// of is in tests/bench/README.md ("City data").
//
// Every "random" choice is a hash of the row number (tests/bench/sql-draws.ts), and every row is
// written by a few set-based INSERT … SELECT statements per chunk of months (one chunk per year at
// scale 1), so the same arguments on a freshly seeded database give the same rows, and the
// statement-level roll-up triggers (decision 010) fire a handful of times, not per row. A row's time
// decides its state: whatever would have happened after the anchor has not happened yet.

export type CityOptions = {
  /** calendar years up to the anchor's (the anchor's own year runs to the anchor) */
  years: number;
  /** 1 ≈ 200,000 work orders a year; fractions allowed */
  scale: number;
  /** the data set's "now" */
  anchor: Date;
  seed: number;
  /** also write the orders' timelines (WorkOrderEvent) */
  events: boolean;
  log?: (line: string) => void;
};

/** Rows written per table. */
export type CityCounts = Record<string, number>;

// ─── volumes and seasons ───

const PER_YEAR = { LA: 7_000, MED: 30_000, GEN: 163_000 } as const;
type Group = keyof typeof PER_YEAR;
const GROUPS = Object.keys(PER_YEAR) as Group[];
/** Monthly weights (Jan … Dec). Wage claims crowd the weeks before the Spring Festival (Dec–Jan);
 *  family and neighbour disputes follow the migrant workers home (Jan–Feb); the holidays of February
 *  and October are quiet at the windows. */
const SEASON: Record<Group, readonly number[]> = {
  LA: [1.45, 0.7, 0.95, 0.9, 0.9, 0.9, 0.92, 0.95, 0.95, 0.8, 1.05, 1.45],
  MED: [1.2, 1.15, 1.05, 0.95, 0.95, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 1.1],
  GEN: [1.08, 0.72, 1.05, 1.0, 1.0, 0.98, 1.0, 1.02, 1.0, 0.85, 1.05, 1.12],
};
/** Volumes grow 5% a year around the mean (so N full years hold N × the yearly figure). */
const growth = (yearIndex: number, years: number) => 1 + 0.05 * (yearIndex - (years - 1) / 2);
/** A chunk (one transaction, one set of statements) stops growing at this many orders. */
const CHUNK_ROWS = 250_000;
/** The 7-digit number part of 369901-20261122-0000017 (lib/work-orders/numbering.ts). */
const MAX_NUMBER = 9_999_999;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Midnight in Shanghai of a calendar date, as the UTC instant the database stores. */
const shanghaiMidnight = (y: number, month0: number) => new Date(Date.UTC(y, month0, 1) - 8 * HOUR);
const sqlTs = (d: Date) => `'${d.toISOString().replace("Z", "")}'::timestamp`;

type Segment = { grp: Group; gFrom: number; gTo: number; k0: number; tStart: Date; tEnd: Date; days: number };
type Chunk = { label: string; segments: Segment[]; rows: number; byGroup: Record<Group, number> };

/** The months of the run, the orders of each group in each (cumulative rounding keeps the totals
 *  exact), cut into chunks of whole months. Pure: the same options give the same plan. */
export function planChunks(o: Pick<CityOptions, "years" | "scale" | "anchor">): Chunk[] {
  const lastYear = new Date(o.anchor.getTime() + 8 * HOUR).getUTCFullYear();
  const months: { y: number; m: number; tStart: Date; tEnd: Date; yearIndex: number; covered: number }[] = [];
  for (let i = 0; i < o.years; i++) {
    const y = lastYear - o.years + 1 + i;
    for (let m = 0; m < 12; m++) {
      const tStart = shanghaiMidnight(y, m);
      const next = shanghaiMidnight(y, m + 1);
      if (tStart >= o.anchor) break;
      const tEnd = next < o.anchor ? next : o.anchor;
      months.push({ y, m, tStart, tEnd, yearIndex: i, covered: (tEnd.getTime() - tStart.getTime()) / (next.getTime() - tStart.getTime()) });
    }
  }
  const cum: Record<Group, number> = { LA: 0, MED: 0, GEN: 0 };
  const done: Record<Group, number> = { LA: 0, MED: 0, GEN: 0 };
  const chunks: Chunk[] = [];
  let g = 1;
  for (const mo of months) {
    const counts = {} as Record<Group, number>;
    for (const grp of GROUPS) {
      const w = SEASON[grp];
      cum[grp] += ((PER_YEAR[grp] * o.scale * growth(mo.yearIndex, o.years) * w[mo.m]) / w.reduce((a, b) => a + b, 0)) * mo.covered;
      counts[grp] = Math.round(cum[grp]) - done[grp];
    }
    const rows = GROUPS.reduce((s, grp) => s + counts[grp], 0);
    let chunk = chunks.at(-1);
    const sameYear = chunk?.label.startsWith(String(mo.y));
    if (!chunk || !sameYear || (chunk.rows + rows > CHUNK_ROWS && chunk.rows > 0)) {
      chunk = { label: `${mo.y}`, segments: [], rows: 0, byGroup: { LA: 0, MED: 0, GEN: 0 } };
      chunks.push(chunk);
    }
    const days = Math.ceil((mo.tEnd.getTime() - mo.tStart.getTime()) / DAY);
    for (const grp of GROUPS) {
      if (counts[grp] <= 0) continue;
      chunk.segments.push({ grp, gFrom: g, gTo: g + counts[grp] - 1, k0: done[grp], tStart: mo.tStart, tEnd: mo.tEnd, days });
      g += counts[grp];
      done[grp] += counts[grp];
      chunk.byGroup[grp] += counts[grp];
    }
    chunk.rows += rows;
  }
  // a year cut into several chunks is labelled by its months
  for (const c of chunks) {
    const siblings = chunks.filter((x) => x.label.slice(0, 4) === c.label.slice(0, 4));
    if (siblings.length > 1 && c.segments.length) {
      const month = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 7);
      c.label = `${month(c.segments[0].tStart)}…${month(new Date(c.segments.at(-1)!.tEnd.getTime() - 1))}`;
    }
  }
  return chunks.filter((c) => c.rows > 0);
}

// ─── vocabularies ───

/** CASE expression: the value whose cumulative weight first exceeds the draw. */
function weighted(draw: string, entries: readonly (readonly [string, number])[]): string {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const whens = entries.slice(0, -1).map(([v, w]) => {
    acc += w;
    return `WHEN ${draw} < ${(acc / total).toFixed(6)} THEN '${v}'`;
  });
  return `(CASE ${whens.join(" ")} ELSE '${entries.at(-1)![0]}' END)`;
}
const inList = (xs: readonly string[]) => `(${xs.map((x) => `'${x}'`).join(",")})`;

const CONSULTATION_CATEGORIES = Object.keys(LEGAL_MATTER_CATEGORIES).filter((k) => k !== "CRIMINAL");
const CONSULTATION_LABELS = CONSULTATION_CATEGORIES.map((k) => LEGAL_MATTER_CATEGORIES[k as keyof typeof LEGAL_MATTER_CATEGORIES]);

/** 法律援助 matter categories (lib/legal-aid/eligibility.ts keys) and how often each is applied for. */
const AID_CATEGORIES: readonly (readonly [string, number])[] = [
  ["SUSPECT_SPECIAL", 6], ["SUSPECT_NO_LAWYER", 10], ["VICTIM", 5], ["RETRIAL", 0.5], ["COMPULSORY_MEDICAL", 0.5],
  ["LABOUR", 28], ["WORK_INJURY", 9], ["ACCIDENT_INJURY", 10], ["MAINTENANCE", 12], ["SOCIAL_INSURANCE", 4],
  ["SURVIVOR_PENSION", 1], ["STATE_COMPENSATION", 1], ["CAPACITY", 1.5], ["ENVIRONMENT", 0.5], ["OTHER_BY_LAW", 8],
];
const CRIMINAL_KEYS = CRIMINAL_SITUATIONS.map((s) => s.key) as readonly string[];
const MANDATORY_KEYS = CRIMINAL_SITUATIONS.filter((s) => s.mandatory).map((s) => s.key) as readonly string[];
const aidCategoryLabel = (key: string) => (CRIMINAL_SITUATIONS.find((s) => s.key === key) ?? MATTERS.find((m) => m.key === key))?.label ?? key;
const SHORT_AID_LABELS: Record<string, string> = {
  SUSPECT_SPECIAL: "刑事案件指定辩护", SUSPECT_NO_LAWYER: "刑事案件辩护", VICTIM: "刑事被害人代理", RETRIAL: "再审案件",
  COMPULSORY_MEDICAL: "强制医疗案件", LABOUR: "追索劳动报酬", WORK_INJURY: "工伤赔偿", ACCIDENT_INJURY: "人身损害赔偿",
  MAINTENANCE: "追索赡养费抚养费", SOCIAL_INSURANCE: "社会保险待遇", SURVIVOR_PENSION: "请求给予抚恤金",
  STATE_COMPENSATION: "请求国家赔偿", CAPACITY: "认定无民事行为能力", ENVIRONMENT: "环境污染损害赔偿", OTHER_BY_LAW: "其他民事权益保护",
};
const OTHER_GROUPS = EXEMPT_GROUPS.filter((g) => !g.onlyFor).map((g) => g.key);
const GREEN_KEYS = GREEN_CHANNEL.map((g) => g.key);
const TERMINATION_KEYS = Object.keys(TERMINATION_REASONS).filter((k) => ["PROCEEDINGS_ENDED", "OWN_LAWYER", "RECIPIENT_REQUEST", "ECONOMY_CHANGED"].includes(k));
if (!("FILE_INSPECTION" in QUALITY_METHODS && "RECIPIENT_CALLBACK" in QUALITY_METHODS && "HEARING_ATTENDANCE" in QUALITY_METHODS)) {
  throw new Error("QUALITY_METHODS changed: update generate-city.ts");
}

const MEDIATION_CATEGORIES: readonly (readonly [string, number])[] = [
  ["MARRIAGE_FAMILY", 18], ["NEIGHBOUR", 20], ["HOUSING_HOMESTEAD", 10], ["CONTRACT", 8], ["PRODUCTION_BUSINESS", 4],
  ["DAMAGES", 9], ["FOREST_LAND", 5], ["LAND_ACQUISITION", 3], ["ENVIRONMENT", 1], ["LABOUR", 8], ["CONSUMER", 3],
  ["MEDICAL", 2], ["TRAFFIC", 5], ["PROPERTY_MANAGEMENT", 3], ["TOURISM", 0.3], ["INTELLECTUAL_PROPERTY", 0.2],
  ["INTERNET", 0.5], ["OTHER", 2],
];
const MONEY_DISPUTES = ["CONTRACT", "PRODUCTION_BUSINESS", "DAMAGES", "LAND_ACQUISITION", "LABOUR", "CONSUMER", "MEDICAL", "TRAFFIC", "HOUSING_HOMESTEAD", "PROPERTY_MANAGEMENT", "TOURISM", "INTERNET", "ENVIRONMENT", "INTELLECTUAL_PROPERTY"];
const COMPANY_RESPONDENTS = ["CONTRACT", "PRODUCTION_BUSINESS", "LABOUR", "CONSUMER", "MEDICAL", "PROPERTY_MANAGEMENT", "TOURISM", "INTERNET", "ENVIRONMENT"];
const COMPANY_WORDS = ["鑫源", "宏达", "恒通", "永安", "兴旺", "顺发", "金鼎", "华丰", "嘉禾", "瑞祥", "长青", "德润"];
const COMPANY_KINDS = ["建筑工程有限公司", "商贸有限公司", "物业服务有限公司", "食品有限公司", "家具厂", "运输有限公司", "电子科技有限公司", "农业开发有限公司"];
/** Agreement terms by the kind of dispute they settle. */
const AGREEMENT_TERMS = {
  family: ["子女轮流赡养老人，每人每月支付赡养费五百元，医疗费用按实际平均分担。", "男方每月支付子女抚养费一千元，至子女年满十八周岁止。"],
  boundary: ["双方同意按原界址各自管理使用，被申请人于本月底前拆除越界部分。", "双方共同委托村委会重新测量界址，以测量结果为准，各自不得越界耕种或建房。"],
  property: ["物业公司于十五日内完成维修，业主按约定缴清所欠物业费。"],
  damages: ["被申请人于协议签订之日起十日内一次性支付申请人赔偿款，双方就此事再无其他争议。", "双方相互谅解，被申请人当面向申请人赔礼道歉并承担医疗费用。"],
  money: ["被申请人分三期向申请人支付欠款，每期于当月最后一日前付清。", "被申请人于协议签订之日起十日内一次性支付申请人款项，双方就此事再无其他争议。"],
  other: ["双方相互谅解，各自作出让步，今后友好相处，不再就此事发生争执。"],
} as const;
const TERMS_OF: Record<string, keyof typeof AGREEMENT_TERMS> = {
  MARRIAGE_FAMILY: "family", NEIGHBOUR: "boundary", HOUSING_HOMESTEAD: "boundary", FOREST_LAND: "boundary", PROPERTY_MANAGEMENT: "property",
  DAMAGES: "damages", TRAFFIC: "damages", MEDICAL: "damages", ENVIRONMENT: "damages", CONTRACT: "money", LABOUR: "money", CONSUMER: "money",
  PRODUCTION_BUSINESS: "money", LAND_ACQUISITION: "money", TOURISM: "money", INTERNET: "money", INTELLECTUAL_PROPERTY: "money",
};
const FAILURE_REASONS = [
  "双方对赔偿数额分歧较大，经多次调解未能达成协议。",
  "被申请人坚持己见，拒绝作出让步，调解不成。",
  "争议涉及权属认定，需由有关部门或人民法院依法处理。",
];
const WITHDRAWAL_REASONS = ["双方已自行和解，申请人要求终止调解。", "申请人决定直接向人民法院起诉。", "一方当事人明确表示不再参加调解。"];
const SCREENING_NOTES = ["网格员走访排查发现", "村（居）委会矛盾纠纷排查发现", "节前矛盾纠纷集中排查发现", "群众来电反映后上门排查发现"];
const MEDIATION_ENDINGS = ["请求调解委员会主持调解。", "双方多次协商未果，矛盾有激化趋势。", "希望尽快化解纠纷。"];
const REFUSAL_REASONS = ["经审查，申请人家庭经济状况不符合本地经济困难标准（法律援助法第四十一条）。", "申请事项不属于法律援助范围，已告知可以通过其他途径解决。"];
const RATING_COMMENTS_GOOD = ["工作人员很耐心", "办理很快，谢谢", "讲得很清楚", "服务热情周到"];
const RATING_COMMENTS_BAD = ["等的时间太长", "没有解决我的问题", "态度一般"];
const AID_LABELS_JSON = JSON.stringify(Object.fromEntries(AID_CATEGORIES.map(([key]) => [key, aidCategoryLabel(key)])));
const SHORT_AID_LABELS_JSON = JSON.stringify(SHORT_AID_LABELS);
const MEDIATION_LABELS_JSON = JSON.stringify(MEDIATION_CATEGORY_LABELS);
const OUTCOME_LABELS_JSON = JSON.stringify(OUTCOME_LABELS);
const LITIGATION_FORMS = ["CIVIL_REPRESENTATION", "ADMINISTRATIVE_REPRESENTATION", "STATE_COMPENSATION_REPRESENTATION", "LABOUR_ARBITRATION", "CRIMINAL_REPRESENTATION"];

/** A valid 18-character ID number per synthetic person: the number is injective in the person
 *  (sequence = person mod 1000, birth day = a permutation of person div 1000), so two people never share one. */
function syntheticIdNumber(person: number): string {
  const counties = ["01", "02", "21", "22", "23", "24", "25", "26", "81", "82"];
  const dayIndex = (Math.floor(person / 1000) * 7919) % 20_000;
  const birth = new Date(Date.UTC(1950, 0, 1) + dayIndex * DAY).toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `3699${counties[person % 10]}${birth}${String(person % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

// ─── the generator ───

export async function generateCity(client: pg.Client, o: CityOptions): Promise<{ counts: CityCounts; orders: number }> {
  const log = o.log ?? ((line: string) => console.log(line));
  const { u, h, pickFrom } = draws(o.seed);
  // every draw has a name; its index in this list is its hash salt, so names never collide
  const NAMES = [
    "type", "src", "tier", "org", "chan", "day", "wkd", "tod", "region", "first", "handler", "requester", "cat", "subj", "desc", "result",
    "quick", "handle", "late", "stale", "open", "pause", "esc",
    "rated", "via", "score", "rateDelay", "comment", "cb", "cbDelay", "rect",
    "repeat", "repeatOf", "green", "greenWhy", "adv", "mat", "matAt", "sup", "supAt", "out", "wd", "dec", "decLate", "aVia", "asg", "asgLate",
    "lawyer", "term", "termWhy", "caseDur", "closeDelay", "outcome", "money", "fees", "feesOn", "fu", "fuAt", "sat", "satVia", "gr", "grAt",
    "grade", "hearing", "ar", "arAt", "aidCat", "kind", "form", "eco", "group", "size", "income", "urgent", "urgentDays", "agent", "agentRel",
    "opp", "auth", "addr",
    "aw", "ref", "con", "mAsg", "mq", "dur", "mLate", "ext", "extLen", "mOut", "mCat", "major", "ppl", "risk", "cp", "amount", "amountOn",
    "oral", "terms", "manner", "perfDue", "statusMatter", "conf", "confAt", "confAcc", "granted", "pchk", "pchkAt", "perf", "failWhy", "wdWhy",
    "screen", "refNo", "mediator", "chosen", "third", "idOn", "company", "companyKind", "reported", "mEnd",
  ] as const;
  const K = Object.fromEntries(NAMES.map((n, i) => [n, i + 1])) as Record<(typeof NAMES)[number], number>;
  const U = (n: (typeof NAMES)[number]) => u(K[n]);
  const H = (n: (typeof NAMES)[number]) => h(K[n]);
  // The statements name draws u_<name> for readability; each is written out as its hash of g where
  // it is used (a hash costs less than carrying ~130 columns through every stage of the plan).
  const inline = (sql: string) => sql.replace(/\bu_([A-Za-z]+)\b/g, (whole, n: string) => (n in K ? u(K[n as keyof typeof K]) : whole));
  // people: their own draws over a person key (requester, applicant …), 900+ so they never meet the row draws
  const surnames = sqlList(SURNAME_POOL);
  const given = sqlList(GIVEN_POOL);
  const name = (of: string, salt: number) =>
    `(${surnames}[1 + (${h(900 + salt, of)} % ${SURNAME_POOL.length})::int] || ${given}[1 + (${h(901 + salt, of)} % ${GIVEN_POOL.length})::int]` +
    ` || CASE WHEN ${h(902 + salt, of)} % 3 > 0 THEN ${given}[1 + (${h(903 + salt, of)} % ${GIVEN_POOL.length})::int] ELSE '' END)`;
  const phone = (of: string, salt: number) =>
    `('1' || (ARRAY['3','3','3','5','5','8','8','8','7','9'])[1 + (${h(904 + salt, of)} % 10)::int] || lpad((${h(905 + salt, of)} % 1000000000)::text, 9, '0'))`;
  const days = (x: string) => `(${x}) * interval '1 day'`;
  const hours = (x: string) => `(${x}) * interval '1 hour'`;
  const sec = (x: string) => `date_trunc('second', ${x})`;
  const logUniform = (draw: string, lo: number, hi: number, step = 100) =>
    `(round(exp(ln(${lo}) + ${draw} * (ln(${hi}) - ln(${lo}))) / ${step}) * ${step})::numeric(14, 2)`;
  const A = sqlTs(o.anchor);

  const chunks = planChunks(o);
  const totals = GROUPS.reduce((acc, grp) => ({ ...acc, [grp]: chunks.reduce((s, c) => s + c.byGroup[grp], 0) }), {} as Record<Group, number>);
  const orders = totals.LA + totals.MED + totals.GEN;
  log(`${orders.toLocaleString("en")} orders (${totals.LA.toLocaleString("en")} legal aid, ${totals.MED.toLocaleString("en")} mediation) in ${chunks.length} chunks`);

  const one = async <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows[0];
  const { orgs, deciders, lawyers } = await one<{ orgs: number; deciders: number; lawyers: number }>(
    `SELECT (SELECT count(*) FROM "Organization")::int AS orgs, (SELECT count(*) FROM "Organization" WHERE "decidesLegalAid")::int AS deciders,
            (SELECT count(*) FROM "LawyerProfile" l JOIN "User" u ON u.id = l."userId" WHERE l."acceptsLegalAid" AND l."suspendedAt" IS NULL AND u.active)::int AS lawyers`,
  );
  if (!orgs || !deciders || !lawyers) throw new Error("no service network, deciding centre or legal-aid lawyer: seed the demo city first (npx tsx prisma/seed.ts)");
  const existing = await one<{ n: number }>(
    `SELECT ((SELECT count(*) FROM "WorkOrder") + (SELECT count(*) FROM "LegalAidApplication") + (SELECT count(*) FROM "MediationCase"))::int AS n`,
  );
  if (existing.n > 0) throw new Error(`the database already holds ${existing.n} orders or cases: generate-city fills a freshly seeded database`);
  const state = await one<{ seq: string; called: boolean }>(`SELECT last_value::text AS seq, is_called AS called FROM work_order_number`);
  const seqBase = state.called ? Number(state.seq) : Number(state.seq) - 1;
  if (seqBase + orders > MAX_NUMBER) {
    throw new Error(`${orders} orders would overflow the 7-digit work-order number (${seqBase} used): lower --scale or --years`);
  }

  // People who apply for legal aid: the keyed hash of a synthetic ID number per person, made with the
  // project's own lookupHash (so look-ups by ID number find them). The ciphertext is one sample
  // encrypted once and shared: encryptField draws a random IV, so per-row ciphertexts would differ
  // on every run (the data would no longer be reproducible) and would cost a client round trip per
  // row; nothing counts or groups by the decrypted value, and it still decrypts with the key.
  const people = totals.LA;
  const sampleCipher = encryptField(syntheticIdNumber(0));
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS bench_person (person bigint PRIMARY KEY, hash text NOT NULL)`);
  await client.query(`TRUNCATE bench_person`);
  for (let from = 0; from < people; from += 50_000) {
    const hashes = Array.from({ length: Math.min(50_000, people - from) }, (_, i) => lookupHash(syntheticIdNumber(from + i)));
    await client.query(`INSERT INTO bench_person SELECT $1::bigint + i - 1, x FROM unnest($2::text[]) WITH ORDINALITY t(x, i)`, [from, hashes]);
  }

  const counts: CityCounts = {};
  const add = (table: string, n: number | null) => (counts[table] = (counts[table] ?? 0) + (n ?? 0));
  const requesters = Math.max(1000, Math.round(totals.GEN * 0.6));
  let done = { wo: 0, la: 0, med: 0 };

  for (const chunk of chunks) {
    const t0 = performance.now();
    const segValues = chunk.segments
      .map((s) => `(${s.gFrom}::bigint, ${s.gTo}::bigint, '${s.grp}', ${s.k0}::bigint, ${sqlTs(s.tStart)}, ${sqlTs(s.tEnd)}, ${s.days})`)
      .join(", ");
    const pick = (where: string) =>
      `(SELECT array_agg(id ORDER BY id) FROM "Organization" WHERE ${where})` +
      `[1 + floor(power(u_org, 1.3) * (SELECT count(*) FROM "Organization" WHERE ${where}))::int]`;

    // ── the plan: one row per order with every value of every table it leads to ──
    const plan = `
    CREATE TEMP TABLE bench_plan AS
    WITH seg (g_from, g_to, grp, k0, t_start, t_end, ndays) AS (VALUES ${segValues}),
    law AS (
      SELECT s."B" AS county_id, array_agg(l."userId" ORDER BY l."userId") AS ids
        FROM "_LawyerServiceRegions" s JOIN "LawyerProfile" l ON l.id = s."A" JOIN "User" u ON u.id = l."userId"
       WHERE l."acceptsLegalAid" AND l."suspendedAt" IS NULL AND u.active GROUP BY 1
    ),
    org AS MATERIALIZED (
      SELECT o.id, o.tier::text AS tier, o.name AS org_name, o."regionId" AS region_id, o."parentId" AS parent_id, r.code AS region_code,
             r.name AS region_name, coalesce(c.name, r.name) AS county_name, coalesce(c.code, r.code) AS county_code,
             coalesce((SELECT array_agg(x.id ORDER BY x.id) FROM "Region" x WHERE x."parentId" = o."regionId"), '{}') AS child_regions,
             coalesce((SELECT array_agg(x.id ORDER BY x.id) FROM "Organization" x WHERE x."parentId" = o.id), '{}') AS child_orgs,
             coalesce((SELECT array_agg(DISTINCT m."userId") FROM "Membership" m WHERE m."organizationId" = o.id), '{}') AS members,
             coalesce((SELECT array_agg(DISTINCT m."userId") FROM "Membership" m WHERE m."organizationId" = o.id AND m.role = 'LEGAL_AID_OFFICER'), '{}') AS officers,
             coalesce((SELECT array_agg(DISTINCT m."userId") FROM "Membership" m WHERE m."organizationId" = o.id AND m.role = 'MEDIATOR'), '{}') AS mediators,
             coalesce(law.ids, all_law.ids) AS lawyers
        FROM "Organization" o JOIN "Region" r ON r.id = o."regionId"
        LEFT JOIN "Region" c ON c.level = 'COUNTY' AND left(r.path, length(c.path)) = c.path
        LEFT JOIN law ON law.county_id = c.id
        CROSS JOIN (SELECT array_agg(l."userId" ORDER BY l."userId") AS ids FROM "LawyerProfile" l JOIN "User" u ON u.id = l."userId"
                     WHERE l."acceptsLegalAid" AND l."suspendedAt" IS NULL AND u.active) all_law
    ),
    rule AS MATERIALIZED (
      -- calendar days for a deadline: working days × 7/5, hours / 24
      SELECT type::text AS rule_type, CASE "limitUnit" WHEN 'HOURS' THEN "limitValue" / 24.0 WHEN 'CALENDAR_DAYS' THEN "limitValue"
             ELSE ceil("limitValue" * 7 / 5.0) END::float8 AS limit_days
        FROM "WorkOrderTypeRule"
    ),
    s1 AS (
      SELECT g, seg.grp, seg.k0 + (g - seg.g_from) AS k, seg.t_start, seg.t_end, seg.ndays
        FROM seg, generate_series(seg.g_from, seg.g_to) g OFFSET 0
    ),
    s2 AS (
      SELECT s1.*,
             CASE grp WHEN 'LA' THEN 'LEGAL_AID' WHEN 'MED' THEN 'MEDIATION'
               ELSE ${weighted("u_type", [["CONSULTATION", 58], ["LAWYER_REFERRAL", 8], ["NOTARY_BOOKING", 7], ["COMPLAINT", 2], ["OTHER", 6.5]])} END AS type,
             CASE WHEN grp = 'MED' THEN ${weighted("u_src", [["APPLICATION", 50], ["PROACTIVE", 25], ["COURT", 12], ["POLICE", 8], ["PETITION", 5]])} END AS source
        FROM s1 OFFSET 0
    ),
    s3 AS (
      SELECT s2.*,
             CASE
               WHEN type = 'LEGAL_AID' THEN ${pick(`"decidesLegalAid"`)}
               WHEN type = 'NOTARY_BOOKING' OR (type = 'CONSULTATION' AND u_tier >= 0.85)
                 OR (type = 'MEDIATION' AND (CASE WHEN source IN ('COURT', 'POLICE', 'PETITION') THEN u_tier >= 0.75 ELSE u_tier >= 0.94 END))
                 OR (type IN ('LAWYER_REFERRAL', 'COMPLAINT', 'OTHER') AND u_tier >= 0.75) THEN ${pick(`tier = 'CENTRE'`)}
               WHEN type IN ('LAWYER_REFERRAL', 'COMPLAINT', 'OTHER') OR (type = 'CONSULTATION' AND u_tier >= 0.5)
                 OR (type = 'MEDIATION' AND (CASE WHEN source IN ('COURT', 'POLICE', 'PETITION') THEN u_tier >= 0.15 ELSE u_tier >= 0.62 END))
                 THEN ${pick(`tier = 'STATION'`)}
               ELSE ${pick(`tier = 'ROOM'`)}
             END AS org_id
        FROM s2 OFFSET 0
    ),
    s4 AS (
      SELECT s3.*, o.tier, o.org_name, o.region_id AS org_region_id, o.parent_id, o.region_code, o.region_name, o.county_name, o.county_code,
             o.child_regions, o.child_orgs, o.members, o.officers, o.mediators, o.lawyers,
             CASE
               WHEN type = 'MEDIATION' THEN CASE source WHEN 'COURT' THEN 'COURT_REFERRAL' WHEN 'POLICE' THEN 'POLICE_REFERRAL'
                 WHEN 'PETITION' THEN 'PETITION_REFERRAL' WHEN 'PROACTIVE' THEN 'WALK_IN'
                 ELSE ${weighted("u_chan", [["WALK_IN", 60], ["HOTLINE_12348", 15], ["WECHAT", 10], ["MOBILE", 7], ["WEB", 8]])} END
               WHEN type = 'LEGAL_AID' THEN ${weighted("u_chan", [["WALK_IN", 65], ["HOTLINE_12348", 10], ["WEB", 12], ["MOBILE", 5], ["WECHAT", 8]])}
               ELSE ${weighted("u_chan", [["WALK_IN", 40], ["HOTLINE_12348", 25], ["WECHAT", 13], ["MOBILE", 10], ["WEB", 12]])}
             END AS channel,
             floor(u_day * ndays)::int AS day0
        FROM s3 JOIN org o ON o.id = s3.org_id OFFSET 0
    ),
    s5 AS (
      SELECT s4.*, channel NOT IN ('WEB', 'MOBILE', 'WECHAT') AS office,
             extract(isodow FROM (t_start + interval '8 hours')::date + day0)::int AS dow
        FROM s4 OFFSET 0
    ),
    s6 AS (
      -- the windows and the hotline are mostly closed at weekends: 85% of their weekend draws move to a
      -- weekday of the same week (or, at the start of the month, of the next one)
      SELECT s5.*, t_start + greatest(0, least(ndays - 1,
               CASE WHEN NOT office OR u_wkd >= 0.85 OR dow < 6 THEN day0
                    ELSE day0 - (dow - 5) - floor(u_wkd / 0.85 * 5)::int
                         + CASE WHEN day0 - (dow - 5) - floor(u_wkd / 0.85 * 5)::int < 0 THEN 7 ELSE 0 END END)) * interval '1 day'
             + CASE WHEN office THEN interval '30 minutes' + u_tod * interval '9 hours' ELSE u_tod * interval '24 hours' END AS created_raw
        FROM s5 OFFSET 0
    ),
    s7 AS (
      SELECT s6.*, r.limit_days,
             ${sec(`CASE WHEN created_raw < t_end THEN created_raw ELSE t_start + (t_end - t_start) * u_tod END`)} AS created_at,
             -- the matter's region: a room's village; a station's township or one of its villages; a centre's county or a township
             CASE WHEN cardinality(child_regions) > 0 AND (tier <> 'ROOM') AND u_region < CASE WHEN type = 'LEGAL_AID' THEN 0.85 ELSE 0.6 END
                  THEN ${pickFrom("child_regions", K.region + 500)} ELSE org_region_id END AS region_id,
             -- first received: legal aid often at a station of the county (any tier takes it in); otherwise now and then the parent
             CASE WHEN type = 'LEGAL_AID' AND u_first < 0.35 AND cardinality(child_orgs) > 0 THEN ${pickFrom("child_orgs", K.first + 500)}
                  WHEN type <> 'LEGAL_AID' AND u_first < 0.06 AND parent_id IS NOT NULL THEN parent_id ELSE org_id END AS first_org_id,
             CASE WHEN grp = 'LA' THEN CASE WHEN u_repeat < 0.1 AND k > 0 THEN floor(u_repeatOf * k)::bigint ELSE k END END AS person,
             CASE WHEN grp = 'LA' THEN ${weighted("u_aidCat", AID_CATEGORIES)}
                  WHEN grp = 'MED' THEN ${weighted("u_mCat", MEDIATION_CATEGORIES)}
                  ELSE ($1::text[])[1 + (${H("cat")} % ${CONSULTATION_CATEGORIES.length})::int] END AS category
        FROM s6 JOIN rule r ON r.rule_type = s6.type OFFSET 0
    ),
    -- ── plain orders: handled within (mostly) the limit; what would end after the anchor is still open ──
    gen AS (
      SELECT s7.*,
             created_at + CASE WHEN type = 'CONSULTATION' AND channel IN ('WALK_IN', 'HOTLINE_12348') AND u_quick < 0.65
                 THEN (5 + u_handle * 85) * interval '1 minute'
                 ELSE ${days(`limit_days * (0.05 + 0.9 * power(u_handle, 1.3)) * CASE WHEN u_late < 0.04 THEN 1.3 + u_late * 15 ELSE 1 END`)} END AS gen_close_raw
        FROM s7 OFFSET 0
    ),
    -- ── legal aid: review (一次性告知, advance aid), decision, assignment, the lawyer's case, follow-up, grading ──
    la1 AS (
      SELECT gen.*,
             grp = 'LA' AND u_green < 0.10 AS green,
             grp = 'LA' AND u_green >= 0.10 AND u_adv < 0.02 AS advance,
             grp = 'LA' AND u_green >= 0.10 AND u_adv >= 0.02 AND u_mat < 0.15 AS mat,
             CASE WHEN category IN ${inList(CRIMINAL_KEYS)} THEN 'CRIMINAL' WHEN category = 'STATE_COMPENSATION' THEN 'ADMINISTRATIVE'
                  WHEN category IN ('SOCIAL_INSURANCE', 'SURVIVOR_PENSION') AND u_kind < 0.7 THEN 'ADMINISTRATIVE' ELSE 'CIVIL' END AS matter_kind,
             CASE WHEN category IN ${inList(MANDATORY_KEYS)} OR (category = 'MAINTENANCE' AND u_eco < 0.08) THEN 'NO_ECONOMIC_TEST'
                  WHEN (category IN ('LABOUR', 'WORK_INJURY') AND u_eco < 0.45) OR u_eco < 0.20 THEN 'EXEMPT_GROUP'
                  ELSE 'HARDSHIP_DECLARATION' END AS basis
        FROM gen OFFSET 0
    ),
    la2 AS (
      SELECT la1.*,
             CASE WHEN category IN ('SUSPECT_SPECIAL') THEN 'CRIMINAL_DEFENCE'
                  WHEN category = 'SUSPECT_NO_LAWYER' THEN CASE WHEN u_form < 0.85 THEN 'CRIMINAL_DEFENCE' ELSE 'DUTY_LAWYER' END
                  WHEN matter_kind = 'CRIMINAL' THEN 'CRIMINAL_REPRESENTATION'
                  WHEN category = 'STATE_COMPENSATION' THEN 'STATE_COMPENSATION_REPRESENTATION'
                  WHEN matter_kind = 'ADMINISTRATIVE' THEN 'ADMINISTRATIVE_REPRESENTATION'
                  WHEN category = 'LABOUR' THEN ${weighted("u_form", [["LABOUR_ARBITRATION", 55], ["CIVIL_REPRESENTATION", 35], ["NON_LITIGATION_REPRESENTATION", 10]])}
                  ELSE ${weighted("u_form", [["CIVIL_REPRESENTATION", 75], ["NON_LITIGATION_REPRESENTATION", 10], ["DOCUMENT_DRAFTING", 8], ["CONSULTATION", 7]])}
             END AS aid_form,
             CASE WHEN basis = 'EXEMPT_GROUP' THEN CASE WHEN category IN ('LABOUR', 'WORK_INJURY') AND u_eco < 0.45 THEN 'MIGRANT_WORKER'
                  ELSE ${pickFrom(sqlList(OTHER_GROUPS), K.group)} END END AS exempt_group,
             ${sec(`created_at + ${hours("4 + u_matAt * 26")}`)} AS mat_at,
             mat AND u_sup < 0.9 AS supplied,
             CASE WHEN green THEN (1 + u_dec * 19) / 24 WHEN advance THEN (1 + u_dec * 3) / 24
                  ELSE 9.8 * (0.08 + 0.85 * power(u_dec, 1.2)) * CASE WHEN u_decLate < 0.04 THEN 1.25 + u_decLate * 12 ELSE 1 END END AS review_days,
             ${weighted("u_aVia", [["OFFICER", 72], ["CHOICE", 20], ["POOL", 8]])} AS via,
             lawyers[1 + floor(power(u_lawyer, 1.2) * cardinality(lawyers))::int] AS lawyer_id
        FROM la1 OFFSET 0
    ),
    la3 AS (
      SELECT la2.*,
             ${sec(`mat_at + ${days("2 + u_supAt * 10")}`)} AS sup_at,
             mat_at + interval '21 days' AS mat_due,
             CASE WHEN mat AND NOT supplied THEN 'EXPIRED' WHEN green OR advance THEN 'APPROVED'
                  WHEN u_out < 0.03 THEN 'WITHDRAWN' WHEN u_out < 0.10 THEN 'REFUSED' ELSE 'APPROVED' END AS outcome0,
             CASE aid_form WHEN 'CONSULTATION' THEN 1 + u_caseDur * 6 WHEN 'DOCUMENT_DRAFTING' THEN 2 + u_caseDur * 10 WHEN 'DUTY_LAWYER' THEN 1 + u_caseDur * 4
                  WHEN 'LABOUR_ARBITRATION' THEN 30 + u_caseDur * 90 WHEN 'NON_LITIGATION_REPRESENTATION' THEN 15 + u_caseDur * 75
                  WHEN 'CRIMINAL_DEFENCE' THEN 30 + 210 * power(u_caseDur, 1.3) WHEN 'CRIMINAL_REPRESENTATION' THEN 40 + 200 * u_caseDur
                  ELSE 60 + 240 * power(u_caseDur, 1.2) END AS case_days
        FROM la2 OFFSET 0
    ),
    la4 AS (
      SELECT la3.*,
             ${sec(`created_at + ${days("review_days")} + CASE WHEN supplied THEN sup_at - mat_at ELSE interval '0' END`)} AS decided_raw,
             CASE outcome0 WHEN 'EXPIRED' THEN mat_due WHEN 'WITHDRAWN' THEN ${sec(`created_at + ${days("1 + u_wd * 5")}`)} END AS withdrawn_raw
        FROM la3 OFFSET 0
    ),
    la5 AS (
      SELECT la4.*,
             decided_raw + interval '4 days 4 hours' AS assign_due,
             ${sec(`decided_raw + ${hours(`CASE WHEN green OR advance THEN 0.5 + u_asg * 5.5 WHEN via = 'CHOICE' THEN 1 + u_asg * 22
               WHEN via = 'POOL' THEN 24 + u_asg * 48 ELSE (2 + u_asg * 70) * CASE WHEN u_asgLate < 0.05 THEN 2 + u_asgLate * 20 ELSE 1 END END`)}`)} AS assigned_raw
        FROM la4 OFFSET 0
    ),
    la6 AS (
      SELECT la5.*,
             grp = 'LA' AND u_term < 0.02 AS terminated,
             ${sec(`assigned_raw + ${days("case_days")}`)} AS ended_raw,
             ${sec(`assigned_raw + ${days("case_days * 0.4")}`)} AS terminated_raw
        FROM la5 OFFSET 0
    ),
    la7 AS (
      SELECT la6.*, ${sec(`ended_raw + ${days("1 + u_closeDelay * 24")}`)} AS la_closed_raw FROM la6 OFFSET 0
    ),
    la8 AS (
      SELECT la7.*,
             CASE WHEN u_fu < 0.85 THEN ${sec(`la_closed_raw + ${days("2 + u_fuAt * 18")}`)} END AS followed_raw,
             CASE WHEN u_gr < 0.75 THEN ${sec(`la_closed_raw + ${days("10 + u_grAt * 80")}`)} END AS graded_raw
        FROM la7 OFFSET 0
    ),
    la9 AS (
      SELECT la8.*, CASE WHEN graded_raw IS NOT NULL AND u_ar < 0.85 THEN ${sec(`graded_raw + ${days("1 + u_arAt * 14")}`)} END AS archived_raw,
             CASE WHEN grp <> 'LA' THEN NULL
                  WHEN outcome0 IN ('EXPIRED', 'WITHDRAWN') AND withdrawn_raw <= ${A} THEN 'WITHDRAWN'
                  WHEN outcome0 IN ('EXPIRED', 'WITHDRAWN') OR decided_raw > ${A} THEN
                    CASE WHEN mat AND mat_at <= ${A} AND (NOT supplied OR sup_at > ${A}) THEN 'MATERIALS_REQUESTED' ELSE 'SUBMITTED' END
                  WHEN outcome0 = 'REFUSED' THEN 'REFUSED'
                  WHEN assigned_raw > ${A} THEN 'APPROVED'
                  WHEN terminated AND terminated_raw <= ${A} THEN 'TERMINATED'
                  WHEN terminated OR la_closed_raw > ${A} THEN 'ASSIGNED'
                  ELSE 'CLOSED' END AS la_status0
        FROM la8 OFFSET 0
    ),
    la AS (
      SELECT la9.*,
             CASE WHEN la_status0 = 'CLOSED' AND archived_raw <= ${A} THEN 'ARCHIVED' ELSE la_status0 END AS la_status,
             la_status0 IN ('APPROVED', 'ASSIGNED', 'TERMINATED', 'CLOSED') AS approved,
             la_status0 IN ('ASSIGNED', 'TERMINATED', 'CLOSED') AS assigned
        FROM la9 OFFSET 0
    ),
    -- ── mediation: consent (Art. 17), mediator, sessions of a day or weeks, the end, the agreement's aftercare ──
    m1 AS (
      SELECT la.*,
             grp = 'MED' AND source = 'APPLICATION' AND u_aw < 0.3 AS awaiting,
             grp = 'MED' AND source = 'APPLICATION' AND u_aw < 0.3 AND u_ref < 0.08 AS m_refused,
             u_mq < 0.35 AS m_quick,
             u_mq >= 0.35 AND u_ext < 0.04 AS extended
        FROM la OFFSET 0
    ),
    m2 AS (
      SELECT m1.*, ${sec(`CASE WHEN awaiting THEN created_at + ${hours("4 + u_con * 68")} ELSE created_at END`)} AS consent_raw FROM m1 OFFSET 0
    ),
    m3 AS (
      SELECT m2.*, ${sec(`consent_raw + ${hours("CASE WHEN m_quick THEN 0.2 + u_mAsg * 3 ELSE 1 + u_mAsg * 40 END")}`)} AS m_assigned_raw FROM m2 OFFSET 0
    ),
    m4 AS (
      SELECT m3.*,
             CASE WHEN m_refused THEN consent_raw ELSE ${sec(`m_assigned_raw + ${days(`CASE WHEN m_quick THEN (2 + u_dur * 28) / 24
               WHEN extended THEN 22 + u_extLen * 12
               ELSE (1.2 + 25 * power(u_dur, 1.4)) * CASE WHEN u_mLate < 0.03 THEN 1.15 + u_mLate * 8 ELSE 1 END END`)}`)} END AS m_ended_raw,
             CASE WHEN m_refused THEN 'REFUSED' ELSE ${weighted("u_mOut", [["SUCCEEDED", 94.5], ["FAILED", 4], ["WITHDRAWN", 1.5]])} END AS m_outcome
        FROM m3 OFFSET 0
    ),
    m5 AS (
      SELECT m4.*,
             CASE WHEN grp <> 'MED' THEN NULL WHEN m_ended_raw <= ${A} THEN m_outcome WHEN awaiting AND consent_raw > ${A} THEN 'AWAITING_CONSENT'
                  WHEN m_assigned_raw <= ${A} THEN 'IN_PROGRESS' ELSE 'ACCEPTED' END AS m_status,
             -- a written agreement can go to court (Art. 33) unless it settles marriage, adoption or parentage
             m_quick AND u_oral < 0.6 AS oral,
             ${weighted("u_manner", [["当场履行", 35], ["一次性履行", 40], ["分期履行", 25]])} AS manner0
        FROM m4 OFFSET 0
    ),
    m6 AS (
      SELECT m5.*,
             CASE WHEN oral THEN '当场履行' ELSE manner0 END AS manner,
             NOT oral AND NOT (category = 'MARRIAGE_FAMILY' AND u_statusMatter < 0.4) AS confirmable,
             shanghai_day(m_ended_raw) AS signed_on
        FROM m5 OFFSET 0
    ),
    m7 AS (
      SELECT m6.*,
             signed_on + CASE manner WHEN '当场履行' THEN 0 WHEN '一次性履行' THEN 7 + floor(u_perfDue * 23)::int ELSE 60 + floor(u_perfDue * 120)::int END AS perf_due_on,
             CASE WHEN confirmable AND u_conf < 0.15 THEN signed_on + 2 + floor(u_confAt * 23)::int END AS conf_applied_on
        FROM m6 OFFSET 0
    ),
    m AS (
      SELECT m7.*,
             conf_applied_on + 1 + floor(u_confAcc * 5)::int AS conf_accepted_on,
             CASE WHEN manner = '当场履行' THEN m_ended_raw
                  ELSE ${sec(`(perf_due_on::timestamp - interval '8 hours') + ${days("1 + u_pchkAt * 6")} + interval '2 hours'`)} END AS perf_checked_raw,
             CASE WHEN manner = '当场履行' THEN 'PERFORMED' ELSE ${weighted("u_perf", [["PERFORMED", 92], ["PARTLY", 5], ["NOT_PERFORMED", 3]])} END AS perf,
             grp = 'MED' AND u_risk < 0.025 AS crime_risk,
             -- the extension (10 working days) is granted on day 24, if the case was still open then
             extended AND created_at + interval '24 days' <= ${A} AND created_at + interval '24 days' < m_ended_raw AS extended_now
        FROM m7 OFFSET 0
    ),
    fin AS (
      SELECT m.*,
             CASE grp WHEN 'LA' THEN CASE WHEN la_status = 'WITHDRAWN' THEN withdrawn_raw WHEN la_status = 'REFUSED' THEN decided_raw
                                         WHEN assigned THEN assigned_raw END
                      WHEN 'MED' THEN CASE WHEN m_status IN ('SUCCEEDED', 'FAILED', 'WITHDRAWN', 'REFUSED') THEN m_ended_raw END
                      ELSE CASE WHEN gen_close_raw <= ${A} AND NOT (created_at > ${A} - interval '60 days' AND u_stale < 0.02) THEN ${sec("gen_close_raw")} END
             END AS closed_at,
             CASE grp WHEN 'LA' THEN CASE WHEN approved THEN assign_due
                                         ELSE created_at + interval '9 days 19 hours' + CASE WHEN supplied AND sup_at <= ${A} THEN sup_at - mat_at ELSE interval '0' END END
                      WHEN 'MED' THEN created_at + ${days("limit_days")} + CASE WHEN extended_now THEN interval '14 days' ELSE interval '0' END
                      ELSE created_at + ${days("limit_days")} END AS due_raw,
             CASE WHEN grp = 'LA' THEN ${name("person", 0)} WHEN grp = 'MED' THEN ${name("(3000000000000 + k)", 10)}
                  ELSE ${name(`(floor(${U("requester")} * ${requesters})::bigint)`, 20)} END AS requester_name,
             CASE WHEN grp = 'LA' THEN ${phone("person", 0)} WHEN grp = 'MED' THEN ${phone("(3000000000000 + k)", 10)}
                  ELSE ${phone(`(floor(${U("requester")} * ${requesters})::bigint)`, 20)} END AS requester_phone,
             CASE WHEN grp = 'MED' THEN CASE WHEN category IN ${inList(COMPANY_RESPONDENTS)} AND u_company < 0.7
                    THEN '云岭市' || ${pickFrom(sqlList(COMPANY_WORDS), K.company)} || ${pickFrom(sqlList(COMPANY_KINDS), K.companyKind)}
                    ELSE ${name("(4000000000000 + k)", 30)} END END AS respondent_name
        FROM m OFFSET 0
    ),
    fin2 AS (
      SELECT fin.*,
             CASE WHEN closed_at IS NOT NULL THEN 'CLOSED'
                  WHEN grp = 'LA' THEN CASE WHEN la_status = 'MATERIALS_REQUESTED' THEN 'PAUSED'
                                            WHEN la_status = 'SUBMITTED' AND created_at > ${A} - interval '1 day' THEN 'NEW' ELSE 'IN_PROGRESS' END
                  WHEN grp = 'MED' THEN CASE WHEN m_status = 'IN_PROGRESS' THEN 'IN_PROGRESS' ELSE 'NEW' END
                  ELSE ${weighted("u_open", [["NEW", 30], ["IN_PROGRESS", 55], ["PAUSED", 15]])} END AS status,
             -- ratings: an SMS link for the remote channels, a call back for the windows
             CASE WHEN grp <> 'LA' AND closed_at IS NOT NULL AND u_rated < 0.6 THEN
               CASE WHEN channel IN ('HOTLINE_12348', 'WEB', 'MOBILE', 'WECHAT') THEN CASE WHEN u_via < 0.7 THEN 'LINK' ELSE 'PHONE_FOLLOW_UP' END
                    ELSE CASE WHEN u_via < 0.25 THEN 'LINK' ELSE 'PHONE_FOLLOW_UP' END END END AS r_via0,
             CASE WHEN grp = 'MED' AND u_third < 0.05 THEN ${name("(5000000000000 + k)", 40)} END AS third_name
        FROM fin OFFSET 0
    ),
    fin3 AS (
      SELECT fin2.*,
             ${sec(`CASE WHEN r_via0 = 'LINK' THEN closed_at + (10 + u_rateDelay * 2870) * interval '1 minute'
                         WHEN r_via0 IS NOT NULL THEN closed_at + ${days("1 + u_rateDelay * 6")} END`)} AS r_at0
        FROM fin2 OFFSET 0
    )
    SELECT fin3.*,
           CASE WHEN r_at0 <= ${A} THEN r_via0 END AS r_via,
           CASE WHEN r_at0 <= ${A} THEN r_at0 END AS r_at,
           ${weighted("u_score", [["SATISFIED", 88], ["BASICALLY_SATISFIED", 9], ["UNSATISFIED", 3]])} AS r_score,
           -- ids follow createdAt, as in production; one sort numbers the orders and the cases of each kind
           ${done.wo}::bigint + row_number() OVER w AS wo_id,
           CASE WHEN grp = 'LA' THEN ${done.la}::bigint + count(*) FILTER (WHERE grp = 'LA') OVER w END AS la_id,
           CASE WHEN grp = 'MED' THEN ${done.med}::bigint + count(*) FILTER (WHERE grp = 'MED') OVER w END AS med_id
      FROM fin3 WINDOW w AS (ORDER BY created_at, g ROWS UNBOUNDED PRECEDING)`;

    await client.query("BEGIN");
    await client.query("SET LOCAL work_mem = '256MB'");
    // JIT would spend seconds compiling the wide expressions of these statements for nothing
    await client.query("SET LOCAL jit = off");
    await client.query("DROP TABLE IF EXISTS bench_plan");
    await client.query(inline(plan), [CONSULTATION_CATEGORIES]);
    await client.query("ANALYZE bench_plan");
    const tPlan = performance.now();

    const n = async (table: string, sql: string, params?: unknown[]) => {
      const result = await client.query(inline(sql), params).catch((error: Error) => {
        throw new Error(`${table}: ${error.message}`, { cause: error });
      });
      add(table, result.rowCount);
    };

    // ── WorkOrder ──
    await n("WorkOrder", `
      INSERT INTO "WorkOrder" (id, "number", channel, type, status, subject, description, category, "requesterName", "requesterPhone",
        "regionId", "organizationId", "firstOrganizationId", "handlerUserId", "dueAt", "pausedAt", "closedAt", "resultSummary",
        "closedOnTime", "overdueEscalatedAt", "createdAt", "updatedAt")
      SELECT wo_id, substr(region_code, 1, 6) || '-' || to_char(created_at + interval '8 hours', 'YYYYMMDD') || '-'
               || lpad((${seqBase}::bigint + wo_id)::text, 7, '0'),
             channel::"WorkOrderChannel", type::"WorkOrderType", status::"WorkOrderStatus",
             left(CASE type
               WHEN 'CONSULTATION' THEN ($2::text[])[array_position($1::text[], category)] || '法律咨询'
               WHEN 'LAWYER_REFERRAL' THEN ($2::text[])[array_position($1::text[], category)] || '律师服务引导'
               WHEN 'NOTARY_BOOKING' THEN ${pickFrom(sqlList(NOTARY_SUBJECTS), K.subj)}
               WHEN 'COMPLAINT' THEN ${pickFrom(sqlList(COMPLAINT_SUBJECTS), K.subj)}
               WHEN 'OTHER' THEN ${pickFrom(sqlList(OTHER_SUBJECTS), K.subj)}
               WHEN 'LEGAL_AID' THEN '法律援助申请：' || ($3::jsonb ->> category)
               ELSE ($4::jsonb ->> category) || '：' || requester_name || '、' || respondent_name || coalesce('、' || third_name, '') END, 120),
             CASE grp WHEN 'GEN' THEN requester_name || '反映' || CASE WHEN type IN ('CONSULTATION', 'LAWYER_REFERRAL')
                    THEN ($2::text[])[array_position($1::text[], category)] ELSE '' END || '相关情况，' || ${pickFrom(sqlList(DESCRIPTION_ENDINGS), K.desc)}
                  WHEN 'LA' THEN '申请人' || requester_name || '因' || ($5::jsonb ->> category) || '事项申请法律援助。' || ${pickFrom(sqlList(DESCRIPTION_ENDINGS), K.desc)}
                  ELSE requester_name || '与' || respondent_name || '之间发生' || ($4::jsonb ->> category) || '，' || ${pickFrom(sqlList(MEDIATION_ENDINGS), K.desc)} END,
             CASE WHEN type IN ('NOTARY_BOOKING', 'COMPLAINT', 'OTHER') THEN NULL ELSE category END,
             requester_name, requester_phone, region_id, org_id, first_org_id,
             CASE WHEN status = 'NEW' THEN NULL
                  WHEN grp = 'LA' AND cardinality(officers) > 0 THEN officers[1 + floor(u_handler * cardinality(officers))::int]
                  WHEN cardinality(members) > 0 THEN members[1 + floor(u_handler * cardinality(members))::int] END,
             due_raw,
             CASE WHEN status = 'PAUSED' THEN CASE WHEN grp = 'LA' THEN mat_at ELSE ${sec(`created_at + (${A} - created_at) * u_pause`)} END END,
             closed_at,
             CASE WHEN closed_at IS NULL THEN NULL
                  WHEN grp = 'LA' THEN CASE la_status WHEN 'WITHDRAWN' THEN CASE WHEN outcome0 = 'EXPIRED' THEN '逾期未补充材料，视为撤回申请' ELSE '申请人撤回申请' END
                    WHEN 'REFUSED' THEN '不予法律援助：' || ${pickFrom(sqlList(REFUSAL_REASONS), K.result)}
                    ELSE '已决定给予法律援助，指派律师承办。' END
                  WHEN grp = 'MED' THEN CASE m_status WHEN 'SUCCEEDED' THEN '调解成功，达成协议' WHEN 'FAILED' THEN '调解不成：' || ${pickFrom(sqlList(FAILURE_REASONS), K.failWhy)}
                    WHEN 'WITHDRAWN' THEN '当事人要求终止调解：' || ${pickFrom(sqlList(WITHDRAWAL_REASONS), K.wdWhy)} ELSE '对方当事人拒绝调解' END
                  ELSE ${pickFrom(sqlList(RESULTS), K.result)} END,
             CASE WHEN closed_at IS NOT NULL THEN closed_at <= due_raw END,
             CASE WHEN closed_at IS NULL AND due_raw + interval '1 day' < ${A} AND u_esc < 0.3 THEN due_raw + interval '1 day' END,
             created_at,
             coalesce(closed_at, CASE WHEN status = 'NEW' THEN created_at ELSE least(${A}, created_at + interval '2 hours') END)
        FROM bench_plan ORDER BY wo_id`,
      [CONSULTATION_CATEGORIES, CONSULTATION_LABELS, AID_LABELS_JSON, MEDIATION_LABELS_JSON, SHORT_AID_LABELS_JSON],
    );
    const tOrders = performance.now();
    const range = (col: string, from: number, to: number) => `${col} > ${from} AND ${col} <= ${to}`;
    const woRange = (col: string) => range(col, done.wo, done.wo + chunk.rows);
    const laRange = (col: string) => range(col, done.la, done.la + chunk.byGroup.LA);
    const medRange = (col: string) => range(col, done.med, done.med + chunk.byGroup.MED);
    const today = `shanghai_day(${A})`;

    // ── LegalAidApplication: what has happened by the anchor, per status ──
    await n("LegalAidApplication", `
      INSERT INTO "LegalAidApplication" (id, "workOrderId", status, "applicantName", "applicantIdCipher", "applicantIdHash", "applicantPhone",
        "applicantAddress", "agentName", "agentRelation", "agentPhone", "matterKind", "matterCategory", facts, "opposingParty", authority,
        "urgentDeadline", "aidForm", "economicBasis", "economicDetail", "greenChannel", "greenChannelReason", "personalInfoConsentAt",
        "sensitiveInfoConsentAt", "materialsRequestedAt", "materialsList", "materialsDueAt", "materialsSuppliedAt", "advanceAidAt",
        "advanceAidReason", "decidedAt", "decidedByUserId", "decisionReason", "decidedOnTime", "withdrawnAt", "assignDueAt", "lawyerUserId",
        "assignedAt", "assignedByUserId", "assignedOnTime", "assignedSameDay", "assignedVia", "caseEndedOn", "closingDueAt", "closedAt",
        "closingOnTime", outcome, "outcomeSummary", "moneyRecovered", "feesWaived", "terminatedAt", "terminationReason", satisfaction,
        "satisfactionVia", "followedUpAt", "qualityGrade", "qualityMethods", "qualityGradedAt", "qualityGradedByUserId", "archivedAt",
        "archivedByUserId", "poolOpenedAt", "poolClosedAt", "qualityNote", "createdAt", "updatedAt")
      SELECT la_id, wo_id, la_status::"LegalAidStatus", requester_name, $1, bp.hash, requester_phone,
             county_name || CASE WHEN rg.id <> org_region_id THEN rg.name ELSE '' END || (1 + ${H("addr")} % 300) || '号',
             CASE WHEN with_agent THEN ${name("(6000000000000 + p.person)", 50)} END,
             CASE WHEN with_agent THEN CASE WHEN exempt_group = 'MINOR_NO_INCOME' THEN ${pickFrom(sqlList(["父亲", "母亲"]), K.agentRel)}
                                            ELSE ${pickFrom(sqlList(["配偶", "儿子", "女儿", "父亲", "母亲", "兄弟姐妹"]), K.agentRel)} END END,
             CASE WHEN with_agent THEN ${phone("(6000000000000 + p.person)", 50)} END,
             matter_kind::"LegalAidMatterKind", category, w.description,
             CASE WHEN aid_form IN ('CRIMINAL_DEFENCE', 'DUTY_LAWYER') THEN county_name || '人民检察院'
                  WHEN category = 'CAPACITY' THEN '无（特别程序）'
                  WHEN category IN ('SOCIAL_INSURANCE', 'SURVIVOR_PENSION') THEN county_name || '人力资源和社会保障局'
                  WHEN category = 'STATE_COMPENSATION' THEN county_name || '公安局'
                  WHEN category IN ('LABOUR', 'WORK_INJURY', 'ENVIRONMENT') AND u_opp < 0.8
                    THEN '云岭市' || ${pickFrom(sqlList(COMPANY_WORDS), K.company)} || ${pickFrom(sqlList(COMPANY_KINDS), K.companyKind)}
                  ELSE ${name("(7000000000000 + k)", 60)} END,
             CASE WHEN aid_form = 'LABOUR_ARBITRATION' THEN county_name || '劳动人事争议仲裁委员会'
                  WHEN aid_form IN ('CRIMINAL_DEFENCE', 'DUTY_LAWYER') THEN county_name || ${pickFrom(sqlList(["人民法院", "人民检察院", "公安局"]), K.auth)}
                  WHEN aid_form IN ${inList(LITIGATION_FORMS)} AND u_auth < 0.7 THEN county_name || '人民法院' END,
             CASE WHEN advance THEN shanghai_day(created_at) + 3 + (${H("urgentDays")} % 4)::int
                  WHEN u_urgent < 0.04 THEN shanghai_day(created_at) + 10 + (${H("urgentDays")} % 50)::int END,
             aid_form::"AidForm", basis::"EconomicBasis",
             CASE basis
               WHEN 'NO_ECONOMIC_TEST' THEN jsonb_build_object('basis', basis, 'situation',
                 CASE WHEN category IN ${inList(MANDATORY_KEYS)} THEN 'MANDATORY_CRIMINAL' ELSE 'ABUSE_VICTIM' END)
               WHEN 'EXEMPT_GROUP' THEN jsonb_build_object('basis', basis, 'group', exempt_group)
               ELSE jsonb_build_object('basis', basis, 'declaration', jsonb_build_object(
                 'monthlyIncome', household * (500 + floor(u_income * 1100)::int), 'householdSize', household, 'signed', true)) END,
             green, CASE WHEN green THEN ${pickFrom(sqlList(GREEN_KEYS), K.greenWhy)} END, created_at,
             CASE WHEN green OR exempt_group IN ('DISABLED_NO_INCOME', 'MINOR_NO_INCOME') THEN created_at END,
             CASE WHEN mat_shown THEN mat_at END,
             CASE WHEN mat_shown THEN ARRAY['身份证复印件', '《经济困难状况说明表》（个人诚信承诺）', '与案件有关的证据材料'] ELSE '{}' END,
             CASE WHEN mat_shown THEN mat_due END,
             CASE WHEN supplied AND sup_at <= ${A} THEN sup_at END,
             CASE WHEN decided AND advance THEN decided_raw END,
             CASE WHEN decided AND advance THEN '距仲裁或起诉期限届满不足七日，先行提供法律援助' END,
             CASE WHEN decided THEN decided_raw END,
             CASE WHEN decided THEN officers[1] END,
             CASE WHEN la_status = 'REFUSED' THEN ${pickFrom(sqlList(REFUSAL_REASONS), K.result)} END,
             CASE WHEN decided THEN review_days <= 9.8 END,
             CASE WHEN la_status = 'WITHDRAWN' THEN withdrawn_raw END,
             CASE WHEN approved THEN assign_due END,
             CASE WHEN assigned THEN lawyer_id END,
             CASE WHEN assigned THEN assigned_raw END,
             CASE WHEN assigned THEN CASE WHEN via = 'OFFICER' THEN officers[1] ELSE lawyer_id END END,
             CASE WHEN assigned THEN assigned_raw <= assign_due END,
             CASE WHEN assigned THEN shanghai_day(assigned_raw) = shanghai_day(created_at) END,
             CASE WHEN assigned THEN via::"AssignmentRoute" END,
             CASE WHEN closed THEN shanghai_day(ended_raw) END,
             CASE WHEN closed THEN ended_raw + interval '21 days' END,
             CASE WHEN closed THEN la_closed_raw END,
             CASE WHEN closed THEN la_closed_raw <= ended_raw + interval '21 days' END,
             CASE WHEN closed THEN la_outcome::"LegalAidOutcome" END,
             CASE WHEN closed THEN ($2::jsonb ->> la_outcome) || '。' END,
             CASE WHEN closed AND la_outcome IN ('WON', 'PARTLY_WON', 'SETTLED') AND (matter_kind <> 'CRIMINAL' OR category = 'VICTIM') THEN
               CASE WHEN la_outcome = 'PARTLY_WON' THEN 0.5 ELSE 1 END * CASE category
                 WHEN 'LABOUR' THEN ${logUniform("u_money", 3000, 80000)} WHEN 'WORK_INJURY' THEN ${logUniform("u_money", 20000, 400000)}
                 WHEN 'ACCIDENT_INJURY' THEN ${logUniform("u_money", 10000, 500000)} WHEN 'MAINTENANCE' THEN ${logUniform("u_money", 2000, 60000)}
                 WHEN 'VICTIM' THEN ${logUniform("u_money", 5000, 200000)} ELSE ${logUniform("u_money", 1000, 100000)} END END,
             CASE WHEN closed AND aid_form IN ${inList(LITIGATION_FORMS)} AND u_feesOn < 0.7 THEN ${logUniform("u_fees", 200, 8000, 10)} END,
             CASE WHEN la_status = 'TERMINATED' THEN terminated_raw END,
             CASE WHEN la_status = 'TERMINATED' THEN ${pickFrom(sqlList(TERMINATION_KEYS), K.termWhy)} END,
             CASE WHEN followed THEN ${weighted("u_sat", [["SATISFIED", 90], ["BASICALLY_SATISFIED", 8], ["UNSATISFIED", 2]])}::"Satisfaction" END,
             CASE WHEN followed THEN 'PHONE_FOLLOW_UP'::"RatingVia" END,
             CASE WHEN followed THEN followed_raw END,
             CASE WHEN graded THEN ${weighted("u_grade", [["EXCELLENT", 28], ["GOOD", 55], ["PASS", 15], ["FAIL", 2]])}::"QualityGrade" END,
             CASE WHEN NOT graded THEN '{}'::text[]
                  WHEN aid_form IN ${inList(LITIGATION_FORMS)} AND u_hearing < 0.3 THEN ARRAY['HEARING_ATTENDANCE', 'FILE_INSPECTION', 'RECIPIENT_CALLBACK']
                  ELSE ARRAY['FILE_INSPECTION', 'RECIPIENT_CALLBACK'] END,
             CASE WHEN graded THEN graded_raw END,
             CASE WHEN graded THEN officers[1] END,
             CASE WHEN la_status = 'ARCHIVED' THEN archived_raw END,
             CASE WHEN la_status = 'ARCHIVED' THEN officers[1] END,
             CASE WHEN approved AND via = 'POOL' THEN decided_raw + interval '1 hour' END,
             CASE WHEN assigned AND via = 'POOL' THEN assigned_raw END,
             NULL, created_at,
             greatest(created_at, CASE WHEN mat_shown THEN mat_at END, CASE WHEN supplied AND sup_at <= ${A} THEN sup_at END,
               CASE WHEN decided THEN decided_raw END, CASE WHEN la_status = 'WITHDRAWN' THEN withdrawn_raw END,
               CASE WHEN assigned THEN assigned_raw END, CASE WHEN la_status = 'TERMINATED' THEN terminated_raw END,
               CASE WHEN closed THEN la_closed_raw END, CASE WHEN followed THEN followed_raw END, CASE WHEN graded THEN graded_raw END,
               CASE WHEN la_status = 'ARCHIVED' THEN archived_raw END)
        FROM (
          SELECT p.*,
                 la_status IN ('APPROVED', 'ASSIGNED', 'TERMINATED', 'CLOSED', 'ARCHIVED', 'REFUSED') AS decided,
                 la_status IN ('CLOSED', 'ARCHIVED') AS closed,
                 la_status IN ('CLOSED', 'ARCHIVED') AND followed_raw <= ${A} AS followed,
                 la_status IN ('CLOSED', 'ARCHIVED') AND graded_raw <= ${A} AS graded,
                 mat AND mat_at <= ${A} AS mat_shown,
                 category = 'CAPACITY' OR exempt_group = 'MINOR_NO_INCOME' OR u_agent < 0.04 AS with_agent,
                 1 + floor(power(u_size, 0.8) * 5)::int AS household,
                 CASE
                   WHEN aid_form IN ('CONSULTATION', 'DOCUMENT_DRAFTING', 'DUTY_LAWYER') THEN 'SERVICE_DONE'
                   WHEN aid_form = 'CRIMINAL_DEFENCE' THEN ${weighted("u_outcome", [["OTHER", 55], ["PARTLY_WON", 30], ["WON", 15]])}
                   WHEN aid_form = 'CRIMINAL_REPRESENTATION' THEN ${weighted("u_outcome", [["WON", 40], ["PARTLY_WON", 30], ["SETTLED", 20], ["LOST", 10]])}
                   WHEN matter_kind = 'ADMINISTRATIVE' THEN ${weighted("u_outcome", [["WON", 35], ["PARTLY_WON", 20], ["LOST", 25], ["SETTLED", 10], ["WITHDRAWN", 10]])}
                   ELSE ${weighted("u_outcome", [["WON", 40], ["PARTLY_WON", 22], ["SETTLED", 25], ["LOST", 8], ["WITHDRAWN", 5]])} END AS la_outcome
            FROM bench_plan p WHERE grp = 'LA'
        ) p
        JOIN bench_person bp ON bp.person = p.person
        JOIN "Region" rg ON rg.id = p.region_id
        JOIN (SELECT id AS w_id, description FROM "WorkOrder" WHERE ${woRange("id")}) w ON w.w_id = p.wo_id
       ORDER BY la_id`,
      [sampleCipher, OUTCOME_LABELS_JSON],
    );
    // the first lawyer of every assigned case (round 1), and the applicant's choice and its accepted offer (点援)
    await n("LegalAidAssignment", `
      INSERT INTO "LegalAidAssignment" ("applicationId", round, "lawyerUserId", via, "assignedAt", "assignedByUserId")
      SELECT id, 1, "lawyerUserId", "assignedVia", "assignedAt", "assignedByUserId" FROM "LegalAidApplication"
       WHERE ${laRange("id")} AND "assignedAt" IS NOT NULL ORDER BY id`);
    await n("LegalAidChoice", `
      INSERT INTO "LegalAidChoice" ("applicationId", rank, "lawyerUserId", "createdAt")
      SELECT la_id, 1, lawyer_id, created_at FROM bench_plan WHERE grp = 'LA' AND approved AND via = 'CHOICE' ORDER BY la_id`);
    await n("LegalAidOffer", `
      INSERT INTO "LegalAidOffer" ("applicationId", "lawyerUserId", rank, status, "offeredAt", "expiresAt", "respondedAt")
      SELECT la_id, lawyer_id, 1, CASE WHEN assigned THEN 'ACCEPTED' ELSE 'PENDING' END::"OfferStatus", decided_raw, decided_raw + interval '24 hours',
             CASE WHEN assigned THEN assigned_raw END
        FROM bench_plan WHERE grp = 'LA' AND approved AND via = 'CHOICE' ORDER BY la_id`);

    // ── MediationCase and its parties ──
    await n("MediationCase", `
      INSERT INTO "MediationCase" (id, "workOrderId", source, category, status, "amountInvolved", "peopleInvolved", major, "crimeRisk",
        "crimePrevented", "referralAuthority", "referralReference", "referralDeadline", "screeningNote", "mediatorUserId",
        "mediatorChosenByParties", "assignedAt", "extendedDays", "endedAt", "failureReason", "routesTold", "withdrawalReason", "refusalNote",
        "agreementOral", "agreementFacts", "agreementDisputes", "agreementResponsibilities", "agreementTerms", "performanceManner",
        "performanceDueOn", "agreementSignedOn", "confirmationDueOn", "confirmationAppliedOn", "confirmationCourt", "confirmationAcceptedOn",
        "confirmationGranted", performance, "performanceCheckedAt", "performanceRoute", "reportedToCourtAt", "createdAt", "updatedAt")
      SELECT med_id, wo_id, source::"MediationSource", category::"MediationCategory", m_status::"MediationStatus",
             CASE WHEN category IN ${inList(MONEY_DISPUTES)} AND u_amountOn < 0.8 THEN ${logUniform("u_amount", 500, 300000)} END,
             CASE WHEN major THEN 10 + (${H("ppl")} % 70)::int WHEN u_ppl < 0.8 THEN CASE WHEN third_name IS NULL THEN 2 ELSE 3 END
                  ELSE 3 + (${H("ppl")} % 4)::int END,
             major, crime_risk, crime_risk AND m_status = 'SUCCEEDED' AND u_cp < 0.2,
             CASE source WHEN 'COURT' THEN county_name || '人民法院' WHEN 'POLICE' THEN county_name || '公安局' || region_name || '派出所'
                         WHEN 'PETITION' THEN county_name || '信访局' END,
             CASE source WHEN 'COURT' THEN '（' || to_char(created_at + interval '8 hours', 'YYYY') || '）云' || substr(county_code, 3, 4) || '民诉前调' || (1000 + ${H("refNo")} % 9000) || '号'
                         WHEN 'POLICE' THEN county_name || '公调移〔' || to_char(created_at + interval '8 hours', 'YYYY') || '〕' || (100 + ${H("refNo")} % 900) || '号'
                         WHEN 'PETITION' THEN county_name || '信转〔' || to_char(created_at + interval '8 hours', 'YYYY') || '〕' || (100 + ${H("refNo")} % 900) || '号' END,
             CASE WHEN source = 'COURT' THEN shanghai_day(created_at) + 30 END,
             CASE WHEN source = 'PROACTIVE' THEN ${pickFrom(sqlList(SCREENING_NOTES), K.screen)} END,
             mediator, mediator IS NOT NULL AND u_chosen < 0.05,
             CASE WHEN worked THEN m_assigned_raw END,
             CASE WHEN extended_now THEN 10 ELSE 0 END,
             CASE WHEN ended THEN m_ended_raw END,
             CASE WHEN m_status = 'FAILED' THEN ${pickFrom(sqlList(FAILURE_REASONS), K.failWhy)} END,
             CASE WHEN m_status = 'FAILED' THEN CASE WHEN category = 'LABOUR' THEN ARRAY['ARBITRATION', 'LITIGATION']
                                                     WHEN category IN ('HOUSING_HOMESTEAD', 'FOREST_LAND', 'LAND_ACQUISITION') THEN ARRAY['ADMINISTRATIVE', 'LITIGATION']
                                                     ELSE ARRAY['LITIGATION'] END
                  WHEN m_status = 'REFUSED' THEN ARRAY['LITIGATION'] ELSE '{}'::text[] END,
             CASE WHEN m_status = 'WITHDRAWN' THEN ${pickFrom(sqlList(WITHDRAWAL_REASONS), K.wdWhy)} END,
             CASE WHEN m_status = 'REFUSED' THEN '被申请人明确表示不同意调解。' END,
             CASE WHEN ok THEN oral END,
             CASE WHEN ok AND NOT oral THEN requester_name || '与' || respondent_name || '因' || ($1::jsonb ->> category) || '发生争议，经本委员会主持调解。' END,
             CASE WHEN ok AND NOT oral THEN '双方就' || ($1::jsonb ->> category) || '所涉责任和赔偿事项存在分歧。' END,
             CASE WHEN ok AND NOT oral THEN '经查明，双方对纠纷的发生均负有一定责任。' END,
             CASE WHEN ok THEN CASE ${Object.entries(AGREEMENT_TERMS).map(([kind, terms]) =>
               `WHEN coalesce($2::jsonb ->> category, 'other') = '${kind}' THEN ${pickFrom(sqlList(terms), K.terms)}`).join(" ")} END END,
             CASE WHEN ok THEN manner END,
             CASE WHEN ok THEN perf_due_on END,
             CASE WHEN ok THEN signed_on END,
             CASE WHEN ok AND confirmable THEN signed_on + 30 END,
             CASE WHEN ok AND conf_applied_on <= ${today} THEN conf_applied_on END,
             CASE WHEN ok AND conf_applied_on <= ${today} THEN county_name || '人民法院' END,
             CASE WHEN ok AND conf_accepted_on <= ${today} THEN conf_accepted_on END,
             CASE WHEN ok AND conf_accepted_on <= ${today} THEN u_granted < 0.96 END,
             CASE WHEN checked THEN perf END,
             CASE WHEN checked THEN perf_checked_raw END,
             CASE WHEN checked AND perf <> 'PERFORMED' THEN CASE WHEN conf_accepted_on <= ${today} AND u_granted < 0.96 THEN 'COURT_CONFIRMATION' ELSE 'LITIGATION_GUIDANCE' END END,
             CASE WHEN source = 'COURT' AND ended AND reported_raw <= ${A} THEN reported_raw END,
             created_at,
             greatest(created_at, CASE WHEN worked THEN m_assigned_raw END, CASE WHEN ended THEN m_ended_raw END,
               CASE WHEN checked THEN perf_checked_raw END, CASE WHEN source = 'COURT' AND ended AND reported_raw <= ${A} THEN reported_raw END)
        FROM (
          SELECT p.*, m_status IN ('SUCCEEDED', 'FAILED', 'WITHDRAWN', 'REFUSED') AS ended, m_status = 'SUCCEEDED' AS ok,
                 m_status IN ('IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'WITHDRAWN') AS worked,
                 u_major < 0.02 AS major,
                 m_status = 'SUCCEEDED' AND perf_checked_raw <= ${A} AND (manner = '当场履行' OR u_pchk < 0.9) AS checked,
                 CASE WHEN m_status IN ('IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'WITHDRAWN') AND cardinality(mediators) > 0
                      THEN mediators[1 + floor(u_mediator * cardinality(mediators))::int] END AS mediator,
                 ${sec(`m_ended_raw + ${days("1 + u_reported * 2")}`)} AS reported_raw
            FROM bench_plan p WHERE grp = 'MED'
        ) p
       ORDER BY med_id`,
      [MEDIATION_LABELS_JSON, JSON.stringify(TERMS_OF)],
    );
    await n("MediationParty", `
      INSERT INTO "MediationParty" ("caseId", role, name, phone, "idCipher", address, consent, "consentAt", "sortOrder")
      SELECT med_id, x.role::"MediationPartyRole", x.name, x.phone, x.cipher, x.address, x.consent::"MediationPartyConsent", x.consent_at, x.sort
        FROM bench_plan p, LATERAL (VALUES
          (0, 'APPLICANT', requester_name, requester_phone, CASE WHEN u_idOn < 0.4 THEN $1 END,
             county_name || region_name || (1 + ${H("addr")} % 300) || '号', 'AGREED', created_at),
          (1, 'RESPONDENT', respondent_name, CASE WHEN respondent_name LIKE '云岭市%' THEN NULL ELSE ${phone("(4000000000000 + k)", 30)} END, NULL, NULL,
             CASE WHEN m_status = 'AWAITING_CONSENT' THEN 'PENDING' WHEN m_status = 'REFUSED' THEN 'REFUSED' ELSE 'AGREED' END,
             CASE WHEN m_status = 'AWAITING_CONSENT' THEN NULL ELSE consent_raw END),
          (2, 'THIRD_PARTY', third_name, ${phone("(5000000000000 + k)", 40)}, NULL, NULL,
             CASE WHEN m_status = 'AWAITING_CONSENT' THEN 'PENDING' ELSE 'AGREED' END, CASE WHEN m_status = 'AWAITING_CONSENT' THEN NULL ELSE consent_raw END)
        ) x(sort, role, name, phone, cipher, address, consent, consent_at)
       WHERE grp = 'MED' AND x.name IS NOT NULL ORDER BY med_id, x.sort`,
      [sampleCipher],
    );

    // ── ratings, call-backs (回访) and rectifications (跟踪整改) ──
    await n("WorkOrderRating", `
      INSERT INTO "WorkOrderRating" ("workOrderId", round, score, comment, via, at)
      SELECT wo_id, 1, r_score::"Satisfaction",
             CASE WHEN u_comment < 0.2 THEN CASE WHEN r_score = 'UNSATISFIED' THEN ${pickFrom(sqlList(RATING_COMMENTS_BAD), K.comment)}
                                                 ELSE ${pickFrom(sqlList(RATING_COMMENTS_GOOD), K.comment)} END END,
             r_via::"RatingVia", r_at
        FROM bench_plan WHERE r_at IS NOT NULL ORDER BY wo_id`);
    await n("WorkOrderFollowUp", `
      INSERT INTO "WorkOrderFollowUp" ("workOrderId", kind, "organizationId", "openedAt", "doneAt", "doneByUserId", result)
      SELECT wo_id, kind::"FollowUpKind", org_id, opened_at, CASE WHEN done_at <= ${A} THEN done_at END,
             CASE WHEN done_at <= ${A} THEN handler END, CASE WHEN done_at <= ${A} THEN result END
        FROM (
          SELECT p.wo_id, 'CALLBACK' AS kind, p.org_id, p.closed_at AS opened_at, w."handlerUserId" AS handler,
                 CASE WHEN p.r_via = 'PHONE_FOLLOW_UP' THEN p.r_at ELSE ${sec(`p.closed_at + ${days("1 + u_cbDelay * 6")}`)} END AS done_at,
                 CASE WHEN p.r_via = 'PHONE_FOLLOW_UP' AND p.r_score = 'UNSATISFIED' THEN '电话回访，群众对办理结果不满意，已转跟踪整改。'
                      WHEN p.r_via = 'PHONE_FOLLOW_UP' THEN '电话回访，群众对办理结果表示满意。' ELSE '电话回访，群众对办理结果无异议。' END AS result
            FROM bench_plan p JOIN "WorkOrder" w ON w.id = p.wo_id
           WHERE p.grp <> 'LA' AND p.closed_at IS NOT NULL AND (p.r_via = 'PHONE_FOLLOW_UP' OR (p.r_via IS NULL AND u_cb < 0.08))
          UNION ALL
          -- a legal-aid case's closing opens the call-back that its follow-up completes
          SELECT a."workOrderId", 'CALLBACK', w."organizationId", a."closedAt", w."handlerUserId", a."followedUpAt", '回访受援人，了解承办律师服务情况。'
            FROM "LegalAidApplication" a JOIN "WorkOrder" w ON w.id = a."workOrderId"
           WHERE ${laRange("a.id")} AND a."closedAt" IS NOT NULL
          UNION ALL
          SELECT p.wo_id, 'RECTIFICATION', p.org_id, p.r_at, w."handlerUserId", ${sec(`p.r_at + ${days("2 + u_rect * 8")}`)},
                 '已约谈承办人员并向群众说明情况，群众表示理解。'
            FROM bench_plan p JOIN "WorkOrder" w ON w.id = p.wo_id WHERE p.r_score = 'UNSATISFIED' AND p.r_at IS NOT NULL
        ) f ORDER BY wo_id, opened_at, kind`);
    const tCases = performance.now();

    // ── the timelines, read back from the stored rows so they say exactly what the records say ──
    if (o.events) {
      await n("WorkOrderEvent", `
        INSERT INTO "WorkOrderEvent" ("workOrderId", at, kind, "actorUserId", "actorName", "toOrganizationId", reason, body)
        SELECT wo_id, at, kind::"WorkOrderEventKind", actor, actor_name, to_org, reason, body FROM (
          SELECT w.id AS wo_id, e.*
            FROM "WorkOrder" w
            LEFT JOIN "LegalAidApplication" a ON a."workOrderId" = w.id
            LEFT JOIN "MediationCase" c ON c."workOrderId" = w.id,
            LATERAL (VALUES
              (0, w."createdAt", 'CREATED', NULL::int,
                 CASE WHEN w.channel IN ('WEB', 'MOBILE', 'WECHAT') THEN w."requesterName" WHEN w.channel = 'HOTLINE_12348' THEN '12348热线坐席'
                      WHEN w.channel IN ('COURT_REFERRAL', 'POLICE_REFERRAL', 'PETITION_REFERRAL') THEN '移送单位联络员' ELSE '窗口工作人员' END,
                 w."organizationId", NULL::text, NULL::text),
              (1, a."materialsRequestedAt", 'MATERIALS_REQUESTED', a."decidedByUserId", NULL, NULL, NULL, array_to_string(a."materialsList", '；')),
              (2, a."materialsSuppliedAt", 'MATERIALS_SUPPLIED', NULL, a."applicantName", NULL, NULL, NULL),
              (3, a."advanceAidAt", 'ADVANCE_AID', a."decidedByUserId", NULL, NULL, a."advanceAidReason", NULL),
              (4, CASE WHEN a."advanceAidAt" IS NULL AND a.status NOT IN ('REFUSED', 'SUBMITTED', 'MATERIALS_REQUESTED', 'WITHDRAWN') THEN a."decidedAt" END,
                 'APPROVED', a."decidedByUserId", NULL, NULL, NULL, NULL),
              (4, CASE WHEN a.status = 'REFUSED' THEN a."decidedAt" END, 'REFUSED', a."decidedByUserId", NULL, NULL, NULL, a."decisionReason"),
              (4, a."withdrawnAt", 'WITHDRAWN', NULL, NULL, NULL, w."resultSummary", NULL),
              (5, a."assignedAt", 'LAWYER_ASSIGNED', a."assignedByUserId", NULL, NULL, NULL, NULL),
              (6, a."terminatedAt", 'TERMINATED', a."decidedByUserId", NULL, NULL, a."terminationReason", NULL),
              (6, a."closedAt", 'CASE_CLOSED', a."lawyerUserId", NULL, NULL, NULL, a."outcomeSummary"),
              (7, a."followedUpAt", 'FOLLOWED_UP', a."decidedByUserId", NULL, NULL, NULL, NULL),
              (8, a."qualityGradedAt", 'QUALITY_GRADED', a."qualityGradedByUserId", NULL, NULL, NULL, NULL),
              (9, a."archivedAt", 'ARCHIVED', a."archivedByUserId", NULL, NULL, NULL, NULL),
              (1, CASE WHEN c.source = 'APPLICATION' AND c.status NOT IN ('AWAITING_CONSENT', 'REFUSED') THEN c."createdAt" END,
                 'MEDIATION_CONSENT', NULL, NULL, NULL, '各方当事人均表示同意调解', NULL),
              (2, CASE WHEN c.status = 'REFUSED' THEN c."endedAt" END, 'MEDIATION_REFUSED', NULL, NULL, NULL, c."refusalNote", NULL),
              (2, c."assignedAt", 'MEDIATOR_ASSIGNED', c."mediatorUserId", NULL, NULL, NULL, NULL),
              (3, CASE WHEN c."extendedDays" > 0 THEN c."createdAt" + interval '24 days' END, 'DEADLINE_EXTENDED', c."mediatorUserId", NULL, NULL,
                 '经当事人申请延长调解期限', NULL),
              (4, CASE WHEN c.status = 'SUCCEEDED' THEN c."endedAt" END, 'MEDIATION_SUCCEEDED', c."mediatorUserId", NULL, NULL,
                 CASE WHEN c."agreementOral" THEN '达成口头调解协议（人民调解法第二十八条）' ELSE '达成调解协议书' END, c."agreementTerms"),
              (4, CASE WHEN c.status = 'FAILED' THEN c."endedAt" END, 'MEDIATION_FAILED', c."mediatorUserId", NULL, NULL, c."failureReason", NULL),
              (4, CASE WHEN c.status = 'WITHDRAWN' THEN c."endedAt" END, 'WITHDRAWN', c."mediatorUserId", NULL, NULL, c."withdrawalReason", NULL),
              (5, CASE WHEN c."confirmationGranted" IS NOT NULL THEN c."confirmationAcceptedOn"::timestamp + interval '2 hours' END, 'CONFIRMATION_RECORDED',
                 c."mediatorUserId", NULL, NULL, CASE WHEN c."confirmationGranted" THEN '人民法院确认调解协议有效' ELSE '人民法院驳回确认申请' END, NULL),
              (6, c."performanceCheckedAt", 'PERFORMANCE_CHECKED', c."mediatorUserId", NULL, NULL, c.performance, NULL),
              (7, c."reportedToCourtAt", 'COURT_REPORTED', c."mediatorUserId", NULL, NULL, NULL, NULL),
              (10, CASE WHEN a.id IS NULL AND c.id IS NULL THEN w."closedAt" END, 'CLOSED', w."handlerUserId", NULL, NULL, NULL, w."resultSummary")
            ) e(ord, at, kind, actor, actor_name, to_org, reason, body)
           WHERE ${woRange("w.id")} AND e.at IS NOT NULL
        ) x ORDER BY at, wo_id, ord`);
    }
    await client.query(`SELECT setval('"WorkOrder_id_seq"', ${done.wo + chunk.rows}),
                               setval('work_order_number', ${seqBase + done.wo + chunk.rows}),
                               ${chunk.byGroup.LA ? `setval('"LegalAidApplication_id_seq"', ${done.la + chunk.byGroup.LA}),` : ""}
                               ${chunk.byGroup.MED ? `setval('"MediationCase_id_seq"', ${done.med + chunk.byGroup.MED}),` : ""} 1`);
    await client.query("DROP TABLE bench_plan");
    await client.query("COMMIT");
    log(`  ${chunk.label}: ${chunk.rows.toLocaleString("en")} orders — plan ${((tPlan - t0) / 1000).toFixed(1)} s, orders ${((tOrders - tPlan) / 1000).toFixed(1)} s, ` +
      `cases ${((tCases - tOrders) / 1000).toFixed(1)} s${o.events ? `, events ${seconds(tCases)}` : ""}; total ${seconds(t0)}`);
    done = { wo: done.wo + chunk.rows, la: done.la + chunk.byGroup.LA, med: done.med + chunk.byGroup.MED };
  }
  await client.query("DROP TABLE IF EXISTS bench_person");
  return { counts, orders };
}

// ─── the summary ───

const TABLES: [table: string, time: string][] = [
  ["WorkOrder", `"createdAt"`], ["WorkOrderEvent", "at"], ["WorkOrderRating", "at"], ["WorkOrderFollowUp", `"openedAt"`],
  ["LegalAidApplication", `"createdAt"`], ["LegalAidAssignment", `"assignedAt"`], ["LegalAidChoice", `"createdAt"`], ["LegalAidOffer", `"offeredAt"`],
  ["MediationCase", `"createdAt"`], ["MediationParty", `(SELECT c."createdAt" FROM "MediationCase" c WHERE c.id = t."caseId")`],
];

/** Rows per table and Shanghai year (of the time each row is counted by). */
export async function countsByYear(client: pg.Client): Promise<{ table: string; years: Record<string, number>; total: number }[]> {
  const out = [];
  for (const [table, time] of TABLES) {
    const { rows } = await client.query<{ y: string; n: number }>(
      `SELECT to_char(${time} + interval '8 hours', 'YYYY') AS y, count(*)::int AS n FROM "${table}" t GROUP BY 1 ORDER BY 1`,
    );
    out.push({ table, years: Object.fromEntries(rows.map((r) => [r.y, r.n])), total: rows.reduce((s, r) => s + r.n, 0) });
  }
  return out;
}

function printTable(rows: Awaited<ReturnType<typeof countsByYear>>) {
  const years = [...new Set(rows.flatMap((r) => Object.keys(r.years)))].sort();
  const fmt = (n: number | undefined) => (n ?? 0).toLocaleString("en").padStart(11);
  console.log(`\n${"table".padEnd(22)}${years.map((y) => y.padStart(11)).join("")}${"total".padStart(12)}`);
  for (const r of rows) console.log(`${r.table.padEnd(22)}${years.map((y) => fmt(r.years[y])).join("")} ${fmt(r.total)}`);
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      years: { type: "string", default: "5" },
      scale: { type: "string", default: "1" },
      /** "now" of the data set (ISO); defaults to the current minute */
      anchor: { type: "string" },
      seed: { type: "string", default: "2026" },
      "database-url": { type: "string" },
      "skip-events": { type: "boolean", default: false },
      "skip-rollups": { type: "boolean", default: false },
    },
  });
  const years = Number(args.years);
  const scale = Number(args.scale);
  const seed = Number(args.seed);
  if (!Number.isInteger(years) || years < 1 || years > 20) throw new Error("--years must be an integer from 1 to 20");
  if (!(scale > 0) || scale > 50) throw new Error("--scale must be a number above 0 (fractions allowed) and at most 50");
  if (!Number.isInteger(seed) || seed < 0) throw new Error("--seed must be an integer ≥ 0");
  const anchor = args.anchor ? new Date(args.anchor) : new Date(Math.floor(Date.now() / 60_000) * 60_000);
  if (Number.isNaN(anchor.getTime())) throw new Error("--anchor must be an ISO date-time");

  if (args["database-url"]) process.env.DATABASE_URL = args["database-url"];
  const url = localDatabaseUrl();
  // The key the bench README seeds with, so the sample ciphertext decrypts in an app run against the same database.
  process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
  process.env.LOG_LEVEL ??= "warn";

  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    console.log(`database ${databaseName(url)}; ${years} years × scale ${scale}; anchor ${anchor.toISOString()}; seed ${seed}`);
    const { orders } = await generateCity(client, { years, scale, anchor, seed, events: !args["skip-events"] });
    await client.query("SET maintenance_work_mem = '512MB'");
    // VACUUM sets the visibility map and hint bits, as a settled production table has
    await step("VACUUM ANALYZE", () =>
      client.query(`VACUUM (ANALYZE) ${TABLES.map(([t]) => `"${t}"`).join(", ")}, "StatsDirtyDay"`),
    );
    const generated = performance.now();
    if (!args["skip-rollups"]) {
      // the roll-ups (decision 010) consume the days the triggers marked: after a bulk load this is the full rebuild
      const { refreshRollups } = await import("@/lib/stats/rollup");
      const { db } = await import("@/lib/db");
      await step("refreshRollups", () => refreshRollups(db), (n) => `(${n.toLocaleString("en")} days)`);
      await db.$disconnect();
    }
    printTable(await countsByYear(client));
    const { rows: [share] } = await client.query<Record<string, string>>(`
      SELECT round(100.0 * count(*) FILTER (WHERE status = 'CLOSED') / count(*), 1) AS closed,
             round(100.0 * count(*) FILTER (WHERE "closedOnTime") / nullif(count(*) FILTER (WHERE status = 'CLOSED'), 0), 1) AS "onTime",
             (SELECT round(100.0 * count(*) FILTER (WHERE status = 'SUCCEEDED') / nullif(count(*) FILTER (WHERE status IN ('SUCCEEDED', 'FAILED', 'WITHDRAWN')), 0), 1) FROM "MediationCase") AS success,
             (SELECT round(100.0 * count(DISTINCT "applicantIdHash") / count(*), 1) FROM "LegalAidApplication") AS distinct
        FROM "WorkOrder"`);
    console.log(`\norders closed ${share.closed}% (on time ${share.onTime}%), mediation success ${share.success}%, distinct legal-aid applicants ${share.distinct}% of cases`);
    console.log(`${orders.toLocaleString("en")} orders generated in ${((generated - started) / 1000).toFixed(1)} s; done in ${seconds(started)}`);
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
