import type { Role } from "@/lib/generated/prisma/enums";
import { execute } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import { PERMISSIONS, PUBLIC, type Permission } from "@/lib/auth/permissions";
import { exceptionsFromOfficialSchedule } from "@/lib/calendar/official-schedule";
import { toDbDate } from "@/lib/calendar/working-days";
import { applyForLegalAid } from "@/lib/legal-aid/apply";
import { registerMediationCase } from "@/lib/mediation/intake";
import { INDICATORS } from "@/lib/stats/registry";
import { MANUAL_FIGURES } from "@/lib/stats/targets";
import { intakeWorkOrder } from "@/lib/work-orders/create-work-order";
import official from "@/prisma/data/cn-public-holidays.json";
import { db, resetDatabase } from "./db";
import { makeActor, makeSmallNetwork } from "./factories";
import type { Hints } from "./fuzz-schema";
import { idNumber, CALENDAR_EDGE_DATES } from "./fuzz-values";
import { idNumberFor, makeLawyer, must, sampleApplication } from "./legal-aid";

// The small world the fuzz suite works in: the test network, one actor of every role, the official
// holiday calendar, and one record of each kind (work order, legal-aid application, mediation
// case), so generated numbers and ids can point at rows that exist, not only at nothing.

export type World = { actors: Record<Role, Actor>; hints: Hints; actorsFor(permission: Permission): (Actor | null)[] };

const meta = { ip: "127.0.0.1", userAgent: "fuzz-setup" };
const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export async function buildWorld(): Promise<World> {
  await resetDatabase();
  const n = await makeSmallNetwork();
  await db.calendarDay.createMany({ data: exceptionsFromOfficialSchedule(official).map((e) => ({ date: toDbDate(e.date), kind: e.kind, name: e.name })) });
  const firm = await db.lawFirm.create({ data: { name: "测试律师事务所", regionId: n.county.id, address: "县城大道 1 号", phone: "0797-1111111" } });

  const actors: Record<Role, Actor> = {
    RESIDENT: await makeActor({ role: "RESIDENT", name: "陈秀兰", phone: "13812340001" }),
    STAFF: await makeActor({ role: "STAFF", organizationId: n.centre.id, name: "窗口小李" }),
    LEGAL_AID_OFFICER: await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id, name: "审查员老王" }),
    MEDIATOR: await makeActor({ role: "MEDIATOR", organizationId: n.roomA.id, name: "调解员老张" }),
    LAWYER: await makeLawyer({ name: "赵律师", firmId: firm.id, regionIds: [n.county.id, n.townA.id, n.villageA.id] }),
    LEADER: await makeActor({ role: "LEADER", regionId: n.city.id, name: "局领导" }),
    ADMIN: await makeActor({ role: "ADMIN", name: "管理员" }),
  };

  const order = must(await execute(intakeWorkOrder, {
    channel: "HOTLINE_12348", type: "CONSULTATION", regionCode: n.villageA.code, requester: { name: "王大爷", phone: "13912345678" },
    subject: "土地承包合同到期后怎么续签", description: "村里的承包合同明年到期，想问续签要注意什么。",
  }, actors.STAFF, meta));
  const application = must(await execute(applyForLegalAid, sampleApplication(1), actors.RESIDENT, meta));
  const mediation = must(await execute(registerMediationCase, {
    source: "PROACTIVE", category: "NEIGHBOUR", regionCode: n.villageA.code, summary: "两户因排水沟走向发生争执，已多次口角。",
    parties: [{ role: "RESPONDENT", name: "周某", phone: "13700000011" }, { role: "RESPONDENT", name: "吴某", phone: "13700000012" }],
  }, actors.MEDIATOR, meta));

  const ids = await db.$queryRaw<{ id: number }[]>`SELECT id FROM "User" UNION SELECT id FROM "Organization" UNION SELECT id FROM "MediationParty"`;
  const holidays = exceptionsFromOfficialSchedule(official).map((e) => e.date);

  const hints: Hints = {
    numbers: [order.number, application.number, mediation.number, "369901-20260101-0000001"],
    // identities restart at 1 with every reset, so small ids name a row in nearly every table
    ids: [...new Set([1, 2, 3, 4, 5, 6, ...ids.map((r) => r.id)])].filter((id) => id <= 8),
    regionCodes: [n.city, n.county, n.townA, n.townB, n.villageA, n.villageB].map((r) => r.code),
    idNumbers: [idNumberFor(1), idNumberFor(2), idNumber("20000229"), idNumber("19491001")],
    phones: ["13812340001", "13912345678", "13700000011", "0797-8123456"],
    // past and future ordinary days, holidays, make-up working days (some fields want a date ahead, some behind)
    dates: [...new Set([daysFromToday(-20), daysFromToday(-3), daysFromToday(0), daysFromToday(10), daysFromToday(45), ...holidays, ...CALENDAR_EDGE_DATES])],
    tokens: ["a".repeat(32), "tok_0123456789abcdefghij"],
    indicatorIds: [...INDICATORS.map((i) => i.id).slice(0, 6), ...MANUAL_FIGURES.map((f) => f.key).slice(0, 3)],
  };

  const actorsFor = (permission: Permission): (Actor | null)[] => {
    const grantees = PERMISSIONS[permission] as readonly (Role | typeof PUBLIC)[];
    // a public door is tried anonymously and signed in
    return grantees.flatMap((g) => (g === PUBLIC ? [null, actors.RESIDENT] : [actors[g]]));
  };
  return { actors, hints, actorsFor };
}

// Reference data survives resetDatabase (tests/integration/helpers/db.ts keeps it), and the fuzz
// suite changes it for real (workOrder.rules.update, legalAid.rules.update accept plausible input):
// put it back afterwards, or the files that run later in the same database see other time limits.
const REFERENCE_TABLES = ["WorkOrderTypeRule", "LegalAidRule"];

/** Saves the reference tables; the returned function restores them exactly. */
export async function saveReferenceData(): Promise<() => Promise<void>> {
  const saved: [string, string][] = [];
  for (const table of REFERENCE_TABLES) {
    const [{ rows }] = await db.$queryRawUnsafe<{ rows: string }[]>(`SELECT coalesce(json_agg(t), '[]'::json)::text AS rows FROM "${table}" t`);
    saved.push([table, rows]);
  }
  return async () => {
    await db.$transaction(async (tx) => {
      for (const [table, rows] of saved) {
        await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
        await tx.$executeRawUnsafe(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, rows);
      }
    });
  };
}

