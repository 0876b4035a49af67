import type { CalendarDayKind, LawyerKind, OrganizationTier, RegionLevel, Role } from "@/lib/generated/prisma/enums";
import { DEFAULT_SERVICES, organizationPath, regionPath } from "@/lib/network/rules";
import { LEGAL_MATTER_CATEGORIES, LEGAL_MATTER_CATEGORY_KEYS, type LegalMatterCategory } from "@/lib/lawyers/categories";
import { DEMO_ACCOUNTS, SECURITY_DEMO_ACCOUNT, DEMO_API_CLIENT_NAME, DEMO_API_TOKEN, DEMO_PLACES, DEMO_RESIDENT_ID_NUMBER } from "@/lib/seed/demo-accounts";
import * as N from "@/lib/seed/names";
import officialHolidays from "@/prisma/data/cn-public-holidays.json";
import { exceptionsFromOfficialSchedule } from "@/lib/calendar/official-schedule";
import { countsWithTotal, Rng } from "@/lib/seed/random";

// The fictional prefecture-level city 云岭市, generated as plain rows (no database) with explicit
// ids, so the seed can insert everything with createMany and tests can check the shape without a
// database. Same seed, same city: every draw comes from lib/seed/random.

export const DEMO_CITY_SEED = "云岭市/2026";
export const DEMO_CITY = { name: DEMO_PLACES.city, code: "369900000000", prefix: "3699" } as const;
export const POPULATION_YEARS = [2024, 2025, 2026] as const;

/** Size targets: township and village totals are hit exactly; rooms cover this share of villages. */
export const DEMO_CITY_SCALE = {
  townships: 190,
  townshipsPerCounty: [15, 23],
  villages: 2680,
  villagesPerTownship: [10, 18],
  roomShare: 0.97,
  lawyers: 70,
  grassrootsWorkers: 10,
} as const;

/** Village population bounds (residents, every year). */
export const VILLAGE_POPULATION = { min: 600, max: 4500 } as const;

/** Bounding box of the city's coordinates. */
export const DEMO_CITY_BOUNDS = { minLat: 26.0, maxLat: 27.2, minLng: 114.6, maxLng: 116.0 } as const;

export type TownshipKind = "街道" | "镇" | "乡";
export type VillageKind = "社区" | "村";

export interface RegionRow {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  path: string;
}

export interface PopulationRow {
  regionId: number;
  year: number;
  residents: number;
}

export interface OrganizationRow {
  id: number;
  name: string;
  tier: OrganizationTier;
  regionId: number;
  parentId: number | null;
  path: string;
  address: string;
  phone: string;
  openingHours: string;
  latitude: number;
  longitude: number;
  standardized: boolean;
  legalAdviserName: string | null;
  legalAdviserPhone: string | null;
  decidesLegalAid: boolean;
  services: string[];
}

export interface LawFirmRow {
  id: number;
  name: string;
  regionId: number;
  address: string;
  phone: string;
}

export interface UserRow {
  id: number;
  username: string;
  phone: string | null;
  name: string;
  /** clear text here only; the seed stores it encrypted with its look-up hash */
  idNumber: string | null;
}

export interface MembershipRow {
  userId: number;
  role: Role;
  organizationId: number | null;
  regionId: number | null;
}

export interface LawyerProfileRow {
  id: number;
  userId: number;
  kind: LawyerKind;
  firmId: number;
  licenceNumber: string;
  practiceSinceYear: number;
  expertise: LegalMatterCategory[];
  serviceRegionIds: number[];
  concurrentCaseCap: number;
  acceptsLegalAid: boolean;
  bio: string;
  /** dialects besides Mandarin, shown on the roster */
  languages: string[];
}

export interface CalendarDayRow {
  /** YYYY-MM-DD */
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface DemoCity {
  regions: RegionRow[];
  populations: PopulationRow[];
  organizations: OrganizationRow[];
  lawFirms: LawFirmRow[];
  users: UserRow[];
  memberships: MembershipRow[];
  lawyers: LawyerProfileRow[];
  calendarDays: CalendarDayRow[];
  apiClient: { name: string; role: Role; organizationId: number; tokenPrefix: string };
  /** ids of the places the demo accounts use */
  demo: { cityId: number; countyId: number; countyCentreId: number; stationId: number; station2Id: number; roomId: number };
}

// ───────────────────────────── regions ─────────────────────────────

interface Place {
  region: RegionRow;
  lat: number;
  lng: number;
}
interface County extends Place {
  kind: "区" | "县" | "市";
  streets: string[];
  townships: Township[];
}
interface Township extends Place {
  kind: TownshipKind;
  root: string;
  county: County;
  villages: Village[];
}
interface Village extends Place {
  kind: VillageKind;
  township: Township;
}

/** County seats (县城/城区), spread over the city; the first district holds the city seat. */
const COUNTY_SEATS: readonly [number, number][] = [
  [26.62, 115.3],
  [26.7, 115.43],
  [26.98, 115.02],
  [27.02, 115.62],
  [26.35, 114.88],
  [26.25, 115.32],
  [26.75, 114.8],
  [26.42, 115.78],
  [26.88, 115.82],
  [26.16, 115.68],
];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const clampLat = (x: number) => round6(Math.min(DEMO_CITY_BOUNDS.maxLat, Math.max(DEMO_CITY_BOUNDS.minLat, x)));
const clampLng = (x: number) => round6(Math.min(DEMO_CITY_BOUNDS.maxLng, Math.max(DEMO_CITY_BOUNDS.minLng, x)));
const pad = (n: number, width: number) => String(n).padStart(width, "0");

function uniqueName(used: Set<string>, make: () => string): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error("ran out of names");
}

const placeRoot = (rng: Rng) => rng.pick(N.PLACE_FIRST) + rng.pick(N.PLACE_SECOND);

function townshipKinds(rng: Rng, county: County["kind"], n: number): TownshipKind[] {
  let streets: number;
  let xiang: number;
  if (county === "区") {
    streets = rng.int(6, 9);
    xiang = rng.int(0, 1);
  } else if (county === "市") {
    streets = rng.int(2, 4);
    xiang = rng.int(1, 3);
  } else {
    streets = rng.int(1, 2);
    xiang = Math.round((n - streets) * rng.float(0.25, 0.45));
  }
  const towns = n - streets - xiang;
  return [
    ...Array<TownshipKind>(streets).fill("街道"),
    ...Array<TownshipKind>(towns).fill("镇"),
    ...Array<TownshipKind>(xiang).fill("乡"),
  ];
}

function communityCount(rng: Rng, kind: TownshipKind, countyKind: County["kind"], n: number): number {
  if (kind === "街道") return n - (countyKind === "区" ? rng.int(0, 2) : rng.int(1, 4));
  if (kind === "镇") return rng.int(1, 2);
  return rng.int(0, 1);
}

function buildRegions(rng: Rng) {
  let nextId = 1;
  const city: RegionRow = {
    id: nextId++,
    code: DEMO_CITY.code,
    name: DEMO_CITY.name,
    level: "CITY",
    parentId: null,
    path: regionPath(null, DEMO_CITY.code),
  };

  const counties: County[] = N.COUNTY_NAMES.map(({ name, code }, i) => {
    const full = `${DEMO_CITY.prefix}${code}000000`;
    const streetsUsed = new Set<string>();
    const streetRng = rng.fork(`streets/${code}`);
    return {
      region: { id: nextId++, code: full, name, level: "COUNTY", parentId: city.id, path: regionPath(city.path, full) },
      kind: name.endsWith("区") ? "区" : name.endsWith("市") ? "市" : "县",
      lat: COUNTY_SEATS[i][0],
      lng: COUNTY_SEATS[i][1],
      streets: Array.from({ length: 12 }, () =>
        uniqueName(streetsUsed, () => streetRng.pick(N.STREET_ROOTS) + streetRng.pick(N.STREET_SUFFIXES)),
      ),
      townships: [],
    };
  });

  // Township roots are unique city-wide (no two 梅溪镇 in one city); the demo names are reserved.
  const townshipRoots = new Set<string>([DEMO_PLACES.township, DEMO_PLACES.township2].map((n) => n.replace(/街道$/, "")));
  const townshipCounts = countsWithTotal(rng, counties.length, 15, 23, DEMO_CITY_SCALE.townships);
  counties.forEach((county, ci) => {
    const kinds = townshipKinds(rng, county.kind, townshipCounts[ci]);
    const serial = { 街道: 1, 镇: 100, 乡: 200 };
    const spread = county.kind === "区" ? 0.06 : 0.15;
    kinds.forEach((kind, ti) => {
      const pinned = ci === 0 && ti < 2 ? [DEMO_PLACES.township, DEMO_PLACES.township2][ti] : null;
      const root = pinned
        ? pinned.replace(/街道$/, "")
        : uniqueName(townshipRoots, () => (kind === "街道" ? rng.pick(N.COMMUNITY_ROOTS) : placeRoot(rng)));
      const code = `${county.region.code.slice(0, 6)}${pad(serial[kind]++, 3)}000`;
      const near = kind === "街道" ? 0.035 : spread;
      county.townships.push({
        region: {
          id: 0,
          code,
          name: `${root}${kind}`,
          level: "TOWNSHIP",
          parentId: county.region.id,
          path: regionPath(county.region.path, code),
        },
        kind,
        root,
        county,
        lat: clampLat(county.lat + rng.float(-near, near)),
        lng: clampLng(county.lng + rng.float(-near, near) * 1.15),
        villages: [],
      });
    });
  });
  const townships = counties.flatMap((c) => c.townships);
  for (const t of townships) t.region.id = nextId++;

  const villageCounts = countsWithTotal(rng, townships.length, 10, 18, DEMO_CITY_SCALE.villages);
  townships.forEach((township, i) => {
    const n = villageCounts[i];
    const communities = communityCount(rng, township.kind, township.county.kind, n);
    const names = new Set<string>();
    const pinned = township.region.name === DEMO_PLACES.township && township.county.region.name === DEMO_PLACES.county;
    if (pinned) names.add(DEMO_PLACES.village);
    for (let v = 0; v < n; v++) {
      const kind: VillageKind = v < communities ? "社区" : "村";
      const name =
        pinned && v === 0
          ? DEMO_PLACES.village
          : uniqueName(names, () => (kind === "社区" ? rng.pick(N.COMMUNITY_ROOTS) : placeRoot(rng)) + kind);
      const code = `${township.region.code.slice(0, 9)}${pad(kind === "社区" ? v + 1 : 200 + v - communities, 3)}`;
      township.villages.push({
        region: { id: 0, code, name, level: "VILLAGE", parentId: township.region.id, path: regionPath(township.region.path, code) },
        kind,
        township,
        lat: clampLat(township.lat + rng.float(-0.035, 0.035)),
        lng: clampLng(township.lng + rng.float(-0.04, 0.04)),
      });
    }
  });
  const villages = townships.flatMap((t) => t.villages);
  for (const v of villages) v.region.id = nextId++;

  return { city, counties, townships, villages };
}

// ───────────────────────────── populations ─────────────────────────────

function buildPopulations(rng: Rng, regions: ReturnType<typeof buildRegions>): PopulationRow[] {
  const { min, max } = VILLAGE_POPULATION;
  const clamp = (x: number) => Math.min(max, Math.max(min, Math.round(x)));
  const byRegion = new Map<number, number[]>();
  for (const v of regions.villages) {
    // Communities are larger and growing; villages smaller, those of 乡 smallest, and shrinking a little.
    const [lo, hi] = v.kind === "社区" ? [1500, 4200] : v.township.kind === "乡" ? [620, 1500] : [650, 1900];
    let residents = clamp((rng.int(lo, hi) + rng.int(lo, hi)) / 2);
    const series = [residents];
    for (let y = 1; y < POPULATION_YEARS.length; y++) {
      const change = v.kind === "社区" ? rng.float(-0.005, 0.025) : rng.float(-0.02, 0.006);
      residents = clamp(residents * (1 + change));
      series.push(residents);
    }
    byRegion.set(v.region.id, series);
  }
  const sumOf = (ids: number[]) =>
    POPULATION_YEARS.map((_, y) => ids.reduce((acc, id) => acc + byRegion.get(id)![y], 0));
  for (const t of regions.townships) byRegion.set(t.region.id, sumOf(t.villages.map((v) => v.region.id)));
  for (const c of regions.counties) byRegion.set(c.region.id, sumOf(c.townships.map((t) => t.region.id)));
  byRegion.set(regions.city.id, sumOf(regions.counties.map((c) => c.region.id)));

  const rows: PopulationRow[] = [];
  for (const [regionId, series] of [...byRegion].sort((a, b) => a[0] - b[0])) {
    POPULATION_YEARS.forEach((year, y) => rows.push({ regionId, year, residents: series[y] }));
  }
  return rows;
}

// ───────────────────────────── people ─────────────────────────────

function personName(rng: Rng, female = rng.chance(0.45)): string {
  const surname = rng.weighted(
    N.SURNAMES.map(([s]) => s),
    N.SURNAMES.map(([, w]) => w),
  );
  const chars = female ? N.GIVEN_FEMALE : N.GIVEN_MALE;
  return surname + rng.pick(chars) + (rng.chance(0.8) ? rng.pick(chars) : "");
}

const MOBILE_PREFIXES = ["133", "135", "137", "138", "139", "150", "152", "157", "158", "159", "180", "182", "187", "188", "189", "198", "199"];

/** Fictional mobiles, all of the form 1xx-0797-xxxx, so they are easy to recognise as demo data. */
function mobile(rng: Rng, used: Set<string>): string {
  return uniqueName(used, () => `${rng.pick(MOBILE_PREFIXES)}0797${pad(rng.int(0, 9999), 4)}`);
}

function landline(rng: Rng, used: Set<string>): string {
  return uniqueName(used, () => `0797-${rng.int(2, 8)}${pad(rng.int(0, 999999), 6)}`);
}

const streetAddress = (rng: Rng, county: County) => `${rng.pick(county.streets)}${rng.int(1, 320)}号`;

// ───────────────────────────── lawyers ─────────────────────────────

interface FirmPlan {
  row: LawFirmRow;
  kind: LawyerKind;
  /** counties its people serve first */
  home: County;
  size: number;
}

function buildFirms(rng: Rng, regions: ReturnType<typeof buildRegions>, phones: Set<string>): FirmPlan[] {
  const { city, counties } = regions;
  const words = new Set<string>(["明正", "衡平", "正源"]);
  const plans: Omit<FirmPlan, "size">[] = [];
  let nextId = 1;
  const firm = (name: string, regionId: number, county: County, kind: LawyerKind) => {
    const floor = kind === "LAWYER" ? `${rng.int(2, 18)}楼` : "";
    plans.push({
      row: { id: nextId++, name, regionId, address: `云岭市${county.region.name}${streetAddress(rng, county)}${floor}`, phone: landline(rng, phones) },
      kind,
      home: county,
    });
  };
  const seat = counties[0];
  firm(DEMO_PLACES.lawyer1Firm, city.id, seat, "LAWYER");
  firm("云岭衡平律师事务所", city.id, seat, "LAWYER");
  counties.forEach((county, i) => {
    const root = county.region.name.slice(0, -1);
    const count = i === 0 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const name = i === 0 && k === 0 ? DEMO_PLACES.lawyer2Firm : `${root}${uniqueName(words, () => rng.pick(N.FIRM_WORDS))}律师事务所`;
      firm(name, county.region.id, county, "LAWYER");
    }
  });
  // 乡镇法律服务所 of grassroots legal service workers, in three rural counties.
  for (const county of rng.sample(counties.filter((c) => c.kind === "县"), 3)) {
    const town = county.townships.find((t) => t.kind === "镇") ?? county.townships[0];
    firm(`${county.region.name}${town.root}法律服务所`, county.region.id, county, "GRASSROOTS_WORKER");
  }

  const lawFirms = plans.filter((p) => p.kind === "LAWYER");
  const offices = plans.filter((p) => p.kind === "GRASSROOTS_WORKER");
  const countyFirmSizes = countsWithTotal(rng, lawFirms.length - 2, 3, 7, DEMO_CITY_SCALE.lawyers - 17);
  const sizes = [9, 8, ...countyFirmSizes];
  const officeSizes = countsWithTotal(rng, offices.length, 3, 4, DEMO_CITY_SCALE.grassrootsWorkers);
  return [
    ...lawFirms.map((p, i) => ({ ...p, size: sizes[i] })),
    ...offices.map((p, i) => ({ ...p, size: officeSizes[i] })),
  ];
}

const DEMO_LAWYER_EXPERTISE: LegalMatterCategory[][] = [
  ["LABOUR", "WORK_INJURY", "CONTRACT"],
  ["FAMILY", "LABOUR", "TRAFFIC"],
];

function buildLawyers(rng: Rng, firms: FirmPlan[], regions: ReturnType<typeof buildRegions>, phones: Set<string>, firstUserId: number) {
  const seats: FirmPlan[] = firms.flatMap((f) => Array<FirmPlan>(f.size).fill(f));
  // lawyer1 is the first of the city firm; lawyer2 comes from 青溪区's own firm (never the same firm).
  const second = seats.findIndex((f) => f.row.name === DEMO_PLACES.lawyer2Firm);
  [seats[1], seats[second]] = [seats[second], seats[1]];

  const demoByIndex = new Map(
    DEMO_ACCOUNTS.flatMap((a) => (a.scope.kind === "lawyer" ? [[a.scope.index, a] as const] : [])),
  );
  const licences = new Set<string>();
  const users: UserRow[] = [];
  const lawyers: LawyerProfileRow[] = [];
  seats.forEach((firm, i) => {
    const demo = demoByIndex.get(i);
    const kind = firm.kind;
    // More lawyers started recently than in the 1990s.
    const since = kind === "LAWYER" ? 2023 - Math.floor(29 * Math.pow(rng.next(), 1.5)) : rng.int(1995, 2020);
    const pool = kind === "LAWYER" ? LEGAL_MATTER_CATEGORY_KEYS : LEGAL_MATTER_CATEGORY_KEYS.filter((k) => k !== "CRIMINAL");
    const expertise = DEMO_LAWYER_EXPERTISE[i] && demo ? DEMO_LAWYER_EXPERTISE[i] : rng.sample(pool, rng.int(2, 4));
    const others = regions.counties.filter((c) => c !== firm.home);
    const serviceRegionIds = [firm.home, ...rng.sample(others, rng.int(0, 2))].map((c) => c.region.id).sort((a, b) => a - b);
    const licenceNumber = uniqueName(
      licences,
      () => `${kind === "LAWYER" ? "1" : "3"}${DEMO_CITY.prefix}${since}${rng.int(1, 2)}${pad(rng.int(0, 9_999_999), 7)}`,
    );
    const userId = firstUserId + i;
    const name = demo?.name ?? personName(rng);
    users.push({ id: userId, username: demo?.username ?? `lawyer${pad(i + 1, 3)}`, phone: mobile(rng, phones), name, idNumber: null });
    const labels = expertise.map((k) => LEGAL_MATTER_CATEGORIES[k]).join("、");
    lawyers.push({
      id: i + 1,
      userId,
      kind,
      firmId: firm.row.id,
      licenceNumber,
      practiceSinceYear: since,
      expertise,
      serviceRegionIds,
      concurrentCaseCap: rng.int(3, 8),
      acceptsLegalAid: demo ? true : rng.chance(0.9),
      // from the index, not the random stream, so the rest of the city stays as it was
      languages: DIALECTS[i % DIALECTS.length],
      bio:
        kind === "LAWYER"
          ? `${firm.row.name}律师，${since}年起执业，主要办理${labels}案件。`
          : `${firm.row.name}基层法律服务工作者，${since}年起执业，擅长${labels}事务。`,
    });
  });
  return { users, lawyers };
}

/** Dialects spoken by some of the lawyers (most speak only Mandarin and the local speech). */
const DIALECTS: string[][] = [["客家话"], [], [], ["赣方言"], [], ["客家话", "粤语"], [], []];

// ───────────────────────────── organizations ─────────────────────────────

const CENTRE_HOURS = ["周一至周五 8:30-12:00, 14:30-17:30", "周一至周五 8:30-12:00, 14:30-17:30；周六 9:00-12:00 值班"];
const STATION_HOURS = ["周一至周五 8:30-12:00, 14:30-17:30", "周一至周五 8:00-12:00, 14:30-17:30"];
const ROOM_HOURS = [
  "每周二、四上午坐班",
  "每周一、三、五上午坐班",
  "每周三全天坐班",
  "每周二上午、周五下午坐班",
  "每月逢五、逢十坐班",
  "周一至周五 9:00-11:30（法律顾问每月到场两次）",
];

function buildOrganizations(rng: Rng, regions: ReturnType<typeof buildRegions>, lawyers: LawyerProfileRow[], users: UserRow[], phones: Set<string>) {
  const rows: OrganizationRow[] = [];
  let nextId = 1;
  const add = (o: Omit<OrganizationRow, "id" | "path" | "services">, parent: OrganizationRow | null) => {
    const id = nextId++;
    const row: OrganizationRow = { ...o, id, path: organizationPath(parent?.path ?? null, id), services: [...DEFAULT_SERVICES[o.tier]] };
    rows.push(row);
    return row;
  };
  const { city, counties } = regions;
  const seat = counties[0];

  const cityCentre = add(
    {
      name: `${city.name}公共法律服务中心`,
      tier: "CENTRE",
      regionId: city.id,
      parentId: null,
      address: `云岭市${seat.region.name}${streetAddress(rng, seat)}（市民服务中心）`,
      phone: landline(rng, phones),
      openingHours: CENTRE_HOURS[1],
      latitude: clampLat(seat.lat + 0.004),
      longitude: clampLng(seat.lng - 0.006),
      standardized: true,
      legalAdviserName: null,
      legalAdviserPhone: null,
      decidesLegalAid: false,
    },
    null,
  );
  const centres = counties.map((county) =>
    add(
      {
        name: `${county.region.name}公共法律服务中心`,
        tier: "CENTRE",
        regionId: county.region.id,
        parentId: cityCentre.id,
        address: `云岭市${county.region.name}${streetAddress(rng, county)}`,
        phone: landline(rng, phones),
        openingHours: rng.pick(CENTRE_HOURS),
        latitude: clampLat(county.lat + rng.float(-0.008, 0.008)),
        longitude: clampLng(county.lng + rng.float(-0.008, 0.008)),
        standardized: true,
        legalAdviserName: null,
        legalAdviserPhone: null,
        decidesLegalAid: true,
      },
      cityCentre,
    ),
  );

  const stations = new Map<Township, OrganizationRow>();
  counties.forEach((county, ci) => {
    for (const t of county.townships) {
      const street = t.kind === "街道" ? rng.pick(county.streets) : `${t.root}${rng.pick(["街", "大道", "路", "圩街"])}`;
      stations.set(
        t,
        add(
          {
            name: `${county.region.name}${t.region.name}公共法律服务工作站`,
            tier: "STATION",
            regionId: t.region.id,
            parentId: centres[ci].id,
            address: `${county.region.name}${t.region.name}${street}${rng.int(1, 199)}号（${t.root}司法所）`,
            phone: landline(rng, phones),
            openingHours: rng.pick(STATION_HOURS),
            latitude: t.lat,
            longitude: t.lng,
            standardized: rng.chance(0.85),
            legalAdviserName: null,
            legalAdviserPhone: null,
            decidesLegalAid: false,
          },
          centres[ci],
        ),
      );
    }
  });

  // About 3% of villages have no room yet, remote 乡 villages most often; the demo village always has one.
  const villages = regions.villages;
  const weights = villages.map((v) =>
    v.region.name === DEMO_PLACES.village && v.township.region.name === DEMO_PLACES.township && v.township.county === seat
      ? 0
      : v.kind === "社区"
        ? 0.3
        : v.township.kind === "乡"
          ? 2.5
          : 1,
  );
  const withoutRoom = new Set(
    rng.weightedSampleIndices(weights, Math.round(villages.length * (1 - DEMO_CITY_SCALE.roomShare))),
  );

  // Village legal advisers (村居法律顾问) are the lawyers and workers serving the county.
  const userById = new Map(users.map((u) => [u.id, u]));
  const advisersByCounty = new Map(
    counties.map((c) => [c, lawyers.filter((l) => l.serviceRegionIds.includes(c.region.id)).map((l) => userById.get(l.userId)!)]),
  );

  villages.forEach((v, i) => {
    if (withoutRoom.has(i)) return;
    const t = v.township;
    const county = t.county;
    const adviser = rng.chance(0.92) ? rng.pick(advisersByCounty.get(county)!) : null;
    const address =
      v.kind === "社区"
        ? `${county.region.name}${t.region.name}${t.kind === "街道" ? rng.pick(county.streets) : `${t.root}街`}${rng.int(1, 260)}号（${v.region.name}党群服务中心）`
        : `${county.region.name}${t.region.name}${v.region.name}村民委员会`;
    add(
      {
        name: `${t.region.name}${v.region.name}公共法律服务工作室`,
        tier: "ROOM",
        regionId: v.region.id,
        parentId: stations.get(t)!.id,
        address,
        phone: landline(rng, phones),
        openingHours: rng.pick(ROOM_HOURS),
        latitude: v.lat,
        longitude: v.lng,
        standardized: rng.chance(0.6),
        legalAdviserName: adviser?.name ?? null,
        legalAdviserPhone: adviser?.phone ?? null,
        decidesLegalAid: false,
      },
      stations.get(t)!,
    );
  });

  return { rows, cityCentre, centres, stations };
}

// ───────────────────────────── calendar ─────────────────────────────

/** The official schedules shipped in prisma/data (the same parser admins' imports and tests use). */
export function buildCalendarDays(file: unknown = officialHolidays): CalendarDayRow[] {
  return exceptionsFromOfficialSchedule(file);
}

// ───────────────────────────── the city ─────────────────────────────

export function generateDemoCity(seed: string = DEMO_CITY_SEED): DemoCity {
  const root = new Rng(seed);
  const regions = buildRegions(root.fork("regions"));
  const populations = buildPopulations(root.fork("populations"), regions);
  const phones = new Set<string>(DEMO_ACCOUNTS.flatMap((a) => (a.phone ? [a.phone] : [])));

  const accounts = DEMO_ACCOUNTS.filter((a) => a.scope.kind !== "lawyer");
  const firms = buildFirms(root.fork("firms"), regions, phones);
  const { users: lawyerUsers, lawyers } = buildLawyers(root.fork("lawyers"), firms, regions, phones, accounts.length + 1);
  const orgs = buildOrganizations(root.fork("organizations"), regions, lawyers, lawyerUsers, phones);

  const county = regions.counties[0];
  const township = county.townships[0];
  const township2 = county.townships[1];
  const station = orgs.stations.get(township)!;
  const room = orgs.rows.find((o) => o.parentId === station.id && o.regionId === township.villages[0].region.id);
  if (!room) throw new Error("the demo village has no room");
  const demo = {
    cityId: regions.city.id,
    countyId: county.region.id,
    countyCentreId: orgs.centres[0].id,
    stationId: station.id,
    station2Id: orgs.stations.get(township2)!.id,
    roomId: room.id,
  };

  const users: UserRow[] = accounts.map((a, i) => ({
    id: i + 1,
    username: a.username,
    phone: a.phone ?? null,
    name: a.name,
    idNumber: a.username === "resident1" ? DEMO_RESIDENT_ID_NUMBER : null,
  }));
  const memberships: MembershipRow[] = accounts.map((a, i) => {
    const s = a.scope;
    const regionId = s.kind === "region" ? (s.place === "city" ? demo.cityId : demo.countyId) : null;
    const organizationId =
      s.kind === "organization"
        ? { countyCentre: demo.countyCentreId, station: demo.stationId, station2: demo.station2Id, room: demo.roomId }[s.place]
        : null;
    return { userId: i + 1, role: a.role, organizationId, regionId };
  });
  users.push(...lawyerUsers);
  memberships.push(...lawyerUsers.map((u) => ({ userId: u.id, role: "LAWYER" as const, organizationId: null, regionId: null })));
  // The e2e-only account comes last, so every other row keeps the id it always had.
  const securityId = users.length + 1;
  users.push({ id: securityId, username: SECURITY_DEMO_ACCOUNT.username, phone: null, name: SECURITY_DEMO_ACCOUNT.name, idNumber: null });
  memberships.push({ userId: securityId, role: SECURITY_DEMO_ACCOUNT.role, organizationId: demo.stationId, regionId: null });

  return {
    regions: [regions.city, ...regions.counties.map((c) => c.region), ...regions.townships.map((t) => t.region), ...regions.villages.map((v) => v.region)],
    populations,
    organizations: orgs.rows,
    lawFirms: firms.map((f) => f.row),
    users,
    memberships,
    lawyers,
    calendarDays: buildCalendarDays(),
    apiClient: { name: DEMO_API_CLIENT_NAME, role: "STAFF", organizationId: demo.countyCentreId, tokenPrefix: DEMO_API_TOKEN.slice(0, 12) },
    demo,
  };
}
