import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptField } from "@/lib/crypto";
import { isValidIdNumber } from "@/lib/identity/id-number";
import { seedDemoCity } from "@/lib/seed/seed-demo-city";
import { generateCity, planChunks, type CityOptions } from "../bench/generate-city";
import { testDatabaseUrl } from "./helpers/database-url";
import { db, resetDatabase } from "./helpers/db";

// The city-scale bench generator (tests/bench/generate-city.ts) on the real schema, at a tiny scale:
// every CHECK and trigger accepts its rows, the same arguments on a freshly seeded database give the
// same rows, and every case record sits on a work order of its own type.

const OPTIONS: CityOptions = { years: 2, scale: 0.01, anchor: new Date("2026-06-15T04:00:00Z"), seed: 7, events: true, log: () => {} };

const TABLES = [
  "WorkOrder", "WorkOrderEvent", "WorkOrderRating", "WorkOrderFollowUp", "LegalAidApplication", "LegalAidAssignment", "LegalAidChoice",
  "LegalAidOffer", "MediationCase", "MediationParty",
] as const;
/** encryptField draws a random IV: the one column that differs from run to run by design */
const CIPHERS: Record<string, string[]> = { LegalAidApplication: ["applicantIdCipher"], MediationParty: ["idCipher"] };
const ORDER: Record<string, string> = { LegalAidChoice: `"applicationId", rank` };

type Fingerprint = Record<string, { rows: number; md5: string }>;

async function freshCity() {
  await resetDatabase();
  // TRUNCATE … RESTART IDENTITY leaves the order-number sequence alone
  await db.$executeRawUnsafe(`ALTER SEQUENCE work_order_number RESTART`);
  await seedDemoCity(db);
}

/** Rows per table and an md5 over every column of every row in id order (ciphertexts left out). */
async function fingerprint(client: pg.Client): Promise<Fingerprint> {
  const out: Fingerprint = {};
  for (const table of TABLES) {
    const minus = (CIPHERS[table] ?? []).map((c) => ` - '${c}'`).join("");
    const { rows: [r] } = await client.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(string_agg((to_jsonb(t)${minus})::text, '|' ORDER BY ${ORDER[table] ?? "id"})) AS md5 FROM "${table}" t`,
    );
    out[table] = r;
  }
  return out;
}

describe("generate-city", () => {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  let first: Fingerprint;
  let second: Fingerprint;

  beforeAll(async () => {
    await client.connect();
    await freshCity();
    await generateCity(client, OPTIONS);
    first = await fingerprint(client);
    await freshCity();
    await generateCity(client, OPTIONS);
    second = await fingerprint(client);
  }, 120_000);
  afterAll(async () => {
    await client.end();
    await resetDatabase();
  });

  it("writes the planned orders with their cases, and the same rows on a fresh database", async () => {
    const planned = planChunks(OPTIONS).reduce((s, c) => ({ orders: s.orders + c.rows, aid: s.aid + c.byGroup.LA, mediation: s.mediation + c.byGroup.MED }),
      { orders: 0, aid: 0, mediation: 0 });
    expect(first.WorkOrder.rows).toBe(planned.orders);
    expect(first.LegalAidApplication.rows).toBe(planned.aid);
    expect(first.MediationCase.rows).toBe(planned.mediation);
    for (const table of TABLES) expect(first[table].rows, table).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it("puts every legal-aid and mediation case on a work order of its own type, one to one", async () => {
    const { rows: [r] } = await client.query<Record<string, number>>(`
      SELECT
        (SELECT count(*) FROM "LegalAidApplication" a JOIN "WorkOrder" w ON w.id = a."workOrderId" WHERE w.type <> 'LEGAL_AID')::int AS "aidOnOtherType",
        (SELECT count(*) FROM "WorkOrder" w WHERE w.type = 'LEGAL_AID' AND NOT EXISTS (SELECT 1 FROM "LegalAidApplication" a WHERE a."workOrderId" = w.id))::int AS "aidOrderWithoutCase",
        (SELECT count(*) FROM "MediationCase" m JOIN "WorkOrder" w ON w.id = m."workOrderId" WHERE w.type <> 'MEDIATION')::int AS "mediationOnOtherType",
        (SELECT count(*) FROM "WorkOrder" w WHERE w.type = 'MEDIATION' AND NOT EXISTS (SELECT 1 FROM "MediationCase" m WHERE m."workOrderId" = w.id))::int AS "mediationOrderWithoutCase",
        (SELECT count(*) FROM "MediationCase" m WHERE (SELECT count(*) FROM "MediationParty" p WHERE p."caseId" = m.id) < 2)::int AS "casesWithoutTwoParties",
        (SELECT count(*) FROM "LegalAidApplication" a JOIN "Organization" o ON o.id = (SELECT "organizationId" FROM "WorkOrder" WHERE id = a."workOrderId")
          WHERE NOT o."decidesLegalAid")::int AS "aidNotAtDecidingCentre",
        -- an assigned case has its first lawyer; a closed order was closed after it was registered
        (SELECT count(*) FROM "LegalAidApplication" a WHERE a."assignedAt" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "LegalAidAssignment" g WHERE g."applicationId" = a.id AND g.round = 1 AND g."lawyerUserId" = a."lawyerUserId"))::int AS "assignedWithoutAssignment",
        (SELECT count(*) FROM "WorkOrder" WHERE "closedAt" < "createdAt" OR "createdAt" > $1::timestamp)::int AS "outOfOrder"`,
      [OPTIONS.anchor.toISOString().replace("Z", "")],
    );
    expect(r).toEqual({
      aidOnOtherType: 0, aidOrderWithoutCase: 0, mediationOnOtherType: 0, mediationOrderWithoutCase: 0, casesWithoutTwoParties: 0,
      aidNotAtDecidingCentre: 0, assignedWithoutAssignment: 0, outOfOrder: 0,
    });
  });

  it("gives each applicant a keyed hash of their own, some applying more than once, and a decryptable ID number", async () => {
    const { rows: [r] } = await client.query<{ cases: number; people: number; cipher: string }>(
      `SELECT count(*)::int AS cases, count(DISTINCT "applicantIdHash")::int AS people, min("applicantIdCipher") AS cipher FROM "LegalAidApplication"`,
    );
    expect(r.people).toBeLessThan(r.cases);
    expect(r.people).toBeGreaterThan(r.cases * 0.8);
    expect(isValidIdNumber(decryptField(r.cipher))).toBe(true);
  });
});
