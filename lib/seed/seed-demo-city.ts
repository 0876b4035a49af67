import { hashPassword } from "@/lib/auth/credentials";
import { encryptField, hashToken, lookupHash } from "@/lib/crypto";
import type { Db, Tx } from "@/lib/db";
import { DEMO_API_TOKEN, DEMO_PASSWORD } from "@/lib/seed/demo-accounts";
import { generateDemoCity, POPULATION_YEARS, type DemoCity } from "@/lib/seed/demo-city";

// Writes the demo city into an empty database: explicit ids and createMany in batches (a few
// dozen statements for ~15,000 rows), one transaction, then the id sequences moved past the
// seeded rows so later inserts get fresh ids.

const BATCH = 1000;

export interface SeedSummary {
  regions: { city: number; counties: number; townships: number; villages: number };
  populations: number;
  cityResidents: { year: number; residents: number }[];
  organizations: { centres: number; stations: number; rooms: number };
  roomCoverage: number;
  lawFirms: number;
  lawyers: { lawyers: number; grassrootsWorkers: number };
  users: number;
  memberships: number;
  calendarDays: number;
  apiClients: number;
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** 经济困难标准 (demo values): the city's, and a later, higher one for 青溪区 (the demo county). */
export const DEMO_HARDSHIP_STANDARDS = [
  { place: "city", effectiveFrom: "2025-01-01", monthlyIncomePerCapita: 1650, basis: "云岭市司法局 云司发〔2024〕12号（演示）" },
  { place: "county", effectiveFrom: "2026-01-01", monthlyIncomePerCapita: 1800, basis: "青溪区司法局（演示）" },
] as const;

const SEQUENCED_TABLES = ["Region", "Organization", "LawFirm", "User", "LawyerProfile"] as const;

async function writeCity(tx: Tx, city: DemoCity, passwordHash: string): Promise<void> {
  const existing = await tx.region.count();
  if (existing > 0) {
    throw new Error(`seedDemoCity: the database already has ${existing} regions; the demo city is only seeded into an empty database`);
  }

  // Rows are ordered parents first, so each self-reference points at a row already written.
  await inBatches(city.regions, (data) => tx.region.createMany({ data }));
  await inBatches(city.populations, (data) => tx.regionPopulation.createMany({ data }));
  await inBatches(city.organizations, (data) => tx.organization.createMany({ data }));
  await tx.lawFirm.createMany({ data: city.lawFirms });

  await inBatches(city.users, (batch) =>
    tx.user.createMany({
      data: batch.map(({ idNumber, ...user }) => ({
        ...user,
        passwordHash,
        idNumberCipher: idNumber ? encryptField(idNumber) : null,
        idNumberHash: idNumber ? lookupHash(idNumber) : null,
      })),
    }),
  );
  await inBatches(city.memberships, (data) => tx.membership.createMany({ data }));
  await tx.lawyerProfile.createMany({ data: city.lawyers.map(({ serviceRegionIds: _, ...lawyer }) => lawyer) });
  // The implicit many-to-many has no createMany; A is the LawyerProfile id, B the Region id (all integers).
  const pairs = city.lawyers.flatMap((l) => l.serviceRegionIds.map((regionId) => `(${l.id},${regionId})`));
  if (pairs.length) await tx.$executeRawUnsafe(`INSERT INTO "_LawyerServiceRegions" ("A", "B") VALUES ${pairs.join(",")}`);

  await tx.calendarDay.createMany({
    data: city.calendarDays.map((d) => ({ ...d, date: new Date(`${d.date}T00:00:00Z`) })),
  });
  await tx.hardshipStandard.createMany({
    data: DEMO_HARDSHIP_STANDARDS.map((s) => ({
      regionId: s.place === "city" ? city.demo.cityId : city.demo.countyId,
      effectiveFrom: new Date(`${s.effectiveFrom}T00:00:00Z`),
      monthlyIncomePerCapita: s.monthlyIncomePerCapita,
      basis: s.basis,
    })),
  });
  await tx.apiClient.create({
    data: { ...city.apiClient, tokenHash: hashToken(DEMO_API_TOKEN), createdById: city.users.find((u) => u.username === "admin")?.id ?? null },
  });

  for (const table of SEQUENCED_TABLES) {
    await tx.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
  }
}

function summarize(city: DemoCity): SeedSummary {
  const level = (l: string) => city.regions.filter((r) => r.level === l).length;
  const tier = (t: string) => city.organizations.filter((o) => o.tier === t).length;
  const cityId = city.demo.cityId;
  return {
    regions: { city: level("CITY"), counties: level("COUNTY"), townships: level("TOWNSHIP"), villages: level("VILLAGE") },
    populations: city.populations.length,
    cityResidents: POPULATION_YEARS.map((year) => ({
      year,
      residents: city.populations.find((p) => p.regionId === cityId && p.year === year)?.residents ?? 0,
    })),
    organizations: { centres: tier("CENTRE"), stations: tier("STATION"), rooms: tier("ROOM") },
    roomCoverage: tier("ROOM") / level("VILLAGE"),
    lawFirms: city.lawFirms.length,
    lawyers: {
      lawyers: city.lawyers.filter((l) => l.kind === "LAWYER").length,
      grassrootsWorkers: city.lawyers.filter((l) => l.kind === "GRASSROOTS_WORKER").length,
    },
    users: city.users.length,
    memberships: city.memberships.length,
    calendarDays: city.calendarDays.length,
    apiClients: 1,
  };
}

/**
 * Seeds the demo city 云岭市 and its demo accounts. Throws if any region exists already. Given the
 * client, it opens its own transaction; given a transaction, it writes inside it.
 */
export async function seedDemoCity(client: Db | Tx): Promise<SeedSummary> {
  const city = generateDemoCity();
  // bcrypt once, outside the transaction: every demo account shares the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  if ("$transaction" in client) {
    await client.$transaction((tx) => writeCity(tx, city, passwordHash), { timeout: 120_000, maxWait: 15_000 });
  } else {
    await writeCity(client, city, passwordHash);
  }
  return summarize(city);
}

export function formatSeedSummary(s: SeedSummary): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return [
    `regions: 1 city, ${s.regions.counties} counties, ${n(s.regions.townships)} townships, ${n(s.regions.villages)} villages`,
    `residents: ${s.cityResidents.map((p) => `${p.year} ${n(p.residents)}`).join(", ")} (${n(s.populations)} population rows)`,
    `organizations: ${s.organizations.centres} centres, ${n(s.organizations.stations)} stations, ${n(s.organizations.rooms)} rooms (${(s.roomCoverage * 100).toFixed(1)}% of villages)`,
    `law firms: ${s.lawFirms}; lawyers: ${s.lawyers.lawyers} + ${s.lawyers.grassrootsWorkers} grassroots workers`,
    `users: ${s.users} (${s.memberships} memberships); calendar days: ${s.calendarDays}; API clients: ${s.apiClients}`,
  ].join("\n");
}
