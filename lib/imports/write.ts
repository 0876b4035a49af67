import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  ImportKind, MediationSource, WorkOrderChannel, WorkOrderEventKind, WorkOrderType,
} from "@/lib/generated/prisma/enums";
import type { WorkOrderTypeRule } from "@/lib/generated/prisma/client";
import { encryptField, lookupHash } from "@/lib/crypto";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { shanghaiDate, toDbDate, type WorkingCalendar } from "@/lib/calendar/working-days";
import { computeDueAt } from "@/lib/work-orders/deadlines";
import { chooseOrganization } from "@/lib/work-orders/routing";
import { loadLegalAidLimits } from "@/lib/legal-aid/case";
import { matterCategoryLabel } from "@/lib/legal-aid/labels";
import { partiesText } from "@/lib/mediation/intake";
import { MEDIATION_CATEGORY_LABELS, MEDIATION_STATUS_LABELS } from "@/lib/mediation/labels";
import { confirmationDueOn } from "@/lib/mediation/aftercare-rules";
import { atOrAfter, type AnyKindSpec, type LegalAidRow, type MediationRow, type WorkOrderRow } from "@/lib/imports/columns";
import type { RowReport } from "@/lib/imports/validate";

// The database side of an import: rows checked against the records (the region exists, the named
// service point is in its area, the lawyer is on the roster, no two rows share a source number),
// then written as ordinary work orders, legal-aid applications (+ the first assignment) and
// mediation cases (+ parties) with their historical times, so every count of lib/stats/counts.ts
// takes them exactly like rows entered on screen. Set-based: a handful of statements per file,
// whatever its length.

type AnyRow = WorkOrderRow | LegalAidRow | MediationRow;
type Rule = Pick<WorkOrderTypeRule, "type" | "handlingTier" | "needsDecider" | "limitValue" | "limitUnit">;
type Org = { id: number; name: string; tier: "CENTRE" | "STATION" | "ROOM"; decidesLegalAid: boolean; regionPath: string; regionCode: string };

/** A row placed in the network: where it happened, who held it, and the key that makes re-imports skip it. */
export type Placed<R> = { row: number; value: R; regionId: number; regionCode: string; organizationId: number; importKey: string; lawyerUserId?: number };

export const importKey = (kind: ImportKind, regionCode: string, source: string) => `${kind}:${regionCode}:${source}`;

const typeOf = (kind: ImportKind, row: AnyRow): WorkOrderType => (kind === "WORK_ORDER" ? (row as WorkOrderRow).type : kind);

/** The service point named in a cell: its number (an id) or its exact name. */
const orgReference = (cell: string): { id: number } | { name: string } => (/^\d{1,9}$/.test(cell) ? { id: Number(cell) } : { name: cell });

/**
 * Checks every row against the records and places it. Problems are reported by row and column like
 * the parser's; a row may collect several.
 */
export async function placeRows<R extends AnyRow>(db: Tx, spec: AnyKindSpec, list: { row: number; value: R }[]) {
  const columns = spec.columns;
  const header = (field: string) => columns[field].header;

  const codes = [...new Set(list.map((r) => r.value.regionCode))];
  const regions = new Map(
    (await db.region.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, path: true } })).map((r) => [r.code, r]),
  );
  const ancestorCodes = [...new Set([...regions.values()].flatMap((r) => r.path.split("/").filter(Boolean)))];
  const named = list.map((r) => r.value.servicePoint).filter((s): s is string => !!s).map(orgReference);
  const orgSelect = { id: true, name: true, tier: true, decidesLegalAid: true, region: { select: { path: true, code: true } } } as const;
  const toOrg = (o: { id: number; name: string; tier: Org["tier"]; decidesLegalAid: boolean; region: { path: string; code: string } }): Org => ({
    id: o.id, name: o.name, tier: o.tier, decidesLegalAid: o.decidesLegalAid, regionPath: o.region.path, regionCode: o.region.code,
  });
  const byRegionCode = new Map<string, Org[]>();
  for (const o of (await db.organization.findMany({ where: { region: { code: { in: ancestorCodes } } }, select: orgSelect })).map(toOrg)) {
    byRegionCode.set(o.regionCode, [...(byRegionCode.get(o.regionCode) ?? []), o]);
  }
  const ids = named.flatMap((n) => ("id" in n ? [n.id] : []));
  const names = [...new Set(named.flatMap((n) => ("name" in n ? [n.name] : [])))];
  const candidates = named.length
    ? (await db.organization.findMany({ where: { OR: [{ id: { in: ids } }, { name: { in: names } }] }, select: orgSelect })).map(toOrg)
    : [];
  const rules = new Map((await db.workOrderTypeRule.findMany()).map((r) => [r.type, r as Rule]));

  const licences = spec.kind === "LEGAL_AID" ? [...new Set(list.map((r) => (r.value as LegalAidRow).lawyerLicence).filter((l): l is string => !!l))] : [];
  const lawyers = new Map(
    licences.length
      ? (await db.lawyerProfile.findMany({ where: { licenceNumber: { in: licences } }, select: { licenceNumber: true, userId: true } })).map((l) => [l.licenceNumber, l.userId])
      : [],
  );

  const placed: Placed<R>[] = [];
  const rejected: RowReport[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const r of list) {
    const errors: { column: string; message: string }[] = [];
    const region = regions.get(r.value.regionCode);
    const type = typeOf(spec.kind, r.value);
    const rule = rules.get(type);
    let organizationId: number | undefined;
    if (!region) {
      errors.push({ column: header("regionCode"), message: "没有这个行政区划代码（请先在“行政区划”中建立）" });
    } else if (r.value.servicePoint) {
      const ref = orgReference(r.value.servicePoint);
      const inArea = (o: Org) => region.path.startsWith(o.regionPath) || o.regionPath.startsWith(region.path);
      const matches = candidates.filter((o) => ("id" in ref ? o.id === ref.id : o.name === ref.name) && inArea(o));
      if (matches.length === 0) errors.push({ column: header("servicePoint"), message: "该地区及其上下级地区没有这个服务网点" });
      else if (matches.length > 1) errors.push({ column: header("servicePoint"), message: "该地区有多个同名服务网点，请改填网点编号" });
      else if (rule?.needsDecider && !matches[0].decidesLegalAid) errors.push({ column: header("servicePoint"), message: "该网点不作出法律援助决定，请填写县级公共法律服务中心" });
      else organizationId = matches[0].id;
    } else if (rule) {
      // the same choice as a new order of this type (小事不出村、大事不出镇; legal aid at the deciding centre)
      const codesOnPath = region.path.split("/").filter(Boolean);
      const chosen = chooseOrganization(
        codesOnPath.flatMap((code, depth) => (byRegionCode.get(code) ?? []).map((o) => ({ id: o.id, tier: o.tier, decidesLegalAid: o.decidesLegalAid, regionDepth: depth }))),
        rule,
      );
      if (chosen) organizationId = chosen.id;
      else errors.push({ column: header("servicePoint"), message: "该地区没有可以办理此类事项的服务网点，请填写服务网点" });
    }
    let lawyerUserId: number | undefined;
    const licence = spec.kind === "LEGAL_AID" ? (r.value as LegalAidRow).lawyerLicence : undefined;
    if (licence) {
      lawyerUserId = lawyers.get(licence);
      if (lawyerUserId === undefined) errors.push({ column: header("lawyerLicence"), message: "律师名录中没有这个执业证号（请先在名录中登记该律师）" });
    }
    const key = importKey(spec.kind, r.value.regionCode, r.value.sourceNumber);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) errors.push({ column: header("sourceNumber"), message: `与第 ${first} 行的地区和来源编号相同` });
    else firstRowOfKey.set(key, r.row);

    if (errors.length || !region || organizationId === undefined) rejected.push({ row: r.row, errors });
    else placed.push({ row: r.row, value: r.value, regionId: region.id, regionCode: region.code, organizationId, importKey: key, lawyerUserId });
  }
  return { placed, rejected };
}

// ───────────── writing ─────────────

const ACTOR_NAME = "历史数据导入";
const HOUR_FREE_BASIS = (basis: string) => (basis === "HOURS" ? "WORKING_DAYS" : basis) as "WORKING_DAYS" | "CALENDAR_DAYS";

/** Mediation referrals come in through their authority's channel, as at intake (lib/mediation/intake.ts). */
const REFERRAL_CHANNEL: Partial<Record<MediationSource, WorkOrderChannel>> = { COURT: "COURT_REFERRAL", POLICE: "POLICE_REFERRAL", PETITION: "PETITION_REFERRAL" };

type OrderDraft = Omit<Prisma.WorkOrderCreateManyInput, "number" | "importBatchId" | "overdueEscalatedAt">;
type EventDraft = { at: Date; kind: WorkOrderEventKind; reason?: string; body?: string };
type Draft<Extra> = { order: OrderDraft; events: EventDraft[]; extra: Extra; regionCode: string };

type Env = { calendar: WorkingCalendar; rules: Map<WorkOrderType, Rule> };

const dueFrom = (env: Env, type: WorkOrderType, from: Date) => {
  const rule = env.rules.get(type);
  if (!rule) throw new Error(`no routing rule for ${type}`);
  return computeDueAt(env.calendar, from, rule);
};

function baseOrder(p: Placed<AnyRow>, type: WorkOrderType, channel: WorkOrderChannel): Pick<OrderDraft, "channel" | "type" | "regionId" | "organizationId" | "firstOrganizationId" | "createdAt" | "importKey"> {
  return { channel, type, regionId: p.regionId, organizationId: p.organizationId, firstOrganizationId: p.organizationId, createdAt: p.value.createdAt.at, importKey: p.importKey };
}

function workOrderDraft(env: Env, p: Placed<WorkOrderRow>): Draft<null> {
  const r = p.value;
  const createdAt = r.createdAt.at;
  const dueAt = r.dueAt?.at ?? dueFrom(env, r.type, createdAt);
  const closedAt = r.closedAt ? atOrAfter(r.closedAt, createdAt) : null;
  return {
    regionCode: p.regionCode,
    order: {
      ...baseOrder(p, r.type, r.channel ?? "WALK_IN"),
      status: closedAt ? "CLOSED" : "IN_PROGRESS",
      subject: r.subject,
      description: r.description ?? r.subject,
      requesterName: r.requesterName,
      requesterPhone: r.requesterPhone ?? "",
      dueAt,
      closedAt,
      closedOnTime: closedAt ? (r.closedOnTime ?? closedAt <= dueAt) : null,
      resultSummary: r.resultSummary ?? null,
    },
    events: [{ at: createdAt, kind: "CREATED" }, ...(closedAt ? [{ at: closedAt, kind: "CLOSED" as const, body: r.resultSummary }] : [])],
    extra: null,
  };
}

type AidExtra = Omit<Prisma.LegalAidApplicationCreateManyInput, "workOrderId"> & { lawyerUserId: number | null };

function legalAidDraft(env: Env, limits: { assignDays: number; dayBasis: string }, p: Placed<LegalAidRow>): Draft<AidExtra> {
  const r = p.value;
  const createdAt = r.createdAt.at;
  const decisionDue = dueFrom(env, "LEGAL_AID", createdAt);
  const decidedAt = r.decidedAt ? atOrAfter(r.decidedAt, createdAt) : null;
  const approved = r.decision === "APPROVED" && decidedAt;
  const assignDueAt = approved ? computeDueAt(env.calendar, decidedAt, { limitValue: limits.assignDays, limitUnit: HOUR_FREE_BASIS(limits.dayBasis) }) : null;
  const assignedAt = r.assignedAt && decidedAt ? atOrAfter(r.assignedAt, decidedAt) : null;
  const closedAt = r.closedAt && assignedAt ? atOrAfter(r.closedAt, assignedAt) : null;
  const status = closedAt ? "CLOSED" : assignedAt ? "ASSIGNED" : r.decision === "APPROVED" ? "APPROVED" : r.decision === "REFUSED" ? "REFUSED" : "SUBMITTED";
  const decidedOnTime = decidedAt ? (r.decidedOnTime ?? decidedAt <= decisionDue) : null;
  const category = r.matterCategory ?? (r.matterKind === "CRIMINAL" ? "CRIMINAL_NOT_SURE" : "OTHER");

  // The centre's work order ends as the native steps end it: at a refusal, or when a lawyer is assigned.
  let order: Pick<OrderDraft, "status" | "dueAt" | "closedAt" | "closedOnTime" | "resultSummary">;
  if (status === "REFUSED" && decidedAt) {
    order = { status: "CLOSED", dueAt: decisionDue, closedAt: decidedAt, closedOnTime: decidedOnTime, resultSummary: "不予法律援助" };
  } else if (assignedAt && assignDueAt) {
    order = { status: "CLOSED", dueAt: assignDueAt, closedAt: assignedAt, closedOnTime: assignedAt <= assignDueAt, resultSummary: "已指派律师承办" };
  } else {
    order = { status: status === "APPROVED" ? "IN_PROGRESS" : "NEW", dueAt: assignDueAt ?? decisionDue, closedAt: null, closedOnTime: null, resultSummary: null };
  }
  const events: EventDraft[] = [{ at: createdAt, kind: "CREATED" }];
  if (decidedAt) events.push({ at: decidedAt, kind: status === "REFUSED" ? "REFUSED" : "APPROVED" });
  if (assignedAt) events.push({ at: assignedAt, kind: "LAWYER_ASSIGNED" });
  if (closedAt) events.push({ at: closedAt, kind: "CASE_CLOSED" });

  return {
    regionCode: p.regionCode,
    order: {
      ...baseOrder(p, "LEGAL_AID", r.channel ?? "WALK_IN"),
      ...order,
      subject: `法律援助申请：${matterCategoryLabel(category)}`.slice(0, 120),
      description: r.facts ?? "",
      category,
      requesterName: r.applicantName,
      requesterPhone: r.applicantPhone ?? "",
    },
    events,
    extra: {
      status,
      applicantName: r.applicantName,
      applicantIdCipher: encryptField(r.applicantIdNumber),
      applicantIdHash: lookupHash(r.applicantIdNumber),
      applicantPhone: r.applicantPhone ?? "",
      applicantAddress: r.applicantAddress ?? "",
      matterKind: r.matterKind,
      matterCategory: category,
      facts: r.facts ?? "",
      opposingParty: r.opposingParty ?? "",
      aidForm: r.aidForm,
      economicBasis: r.economicBasis ?? "HARDSHIP_DECLARATION",
      // what the record can say about the economic check: that it came from the old ledger
      economicDetail: { imported: true },
      greenChannel: r.greenChannel ?? false,
      personalInfoConsentAt: createdAt,
      decidedAt,
      decidedOnTime,
      assignDueAt,
      lawyerUserId: assignedAt ? (p.lawyerUserId ?? null) : null,
      assignedAt,
      assignedOnTime: assignedAt && assignDueAt ? assignedAt <= assignDueAt : null,
      assignedSameDay: assignedAt ? shanghaiDate(assignedAt) === shanghaiDate(createdAt) : null,
      assignedVia: assignedAt ? "OFFICER" : null,
      caseEndedOn: closedAt ? toDbDate(shanghaiDate(closedAt)) : null,
      closedAt,
      outcome: r.outcome ?? null,
      moneyRecovered: r.moneyRecovered ?? null,
      feesWaived: r.feesWaived ?? null,
      createdAt,
    },
  };
}

type MediationExtra = { case: Omit<Prisma.MediationCaseCreateManyInput, "workOrderId">; parties: Omit<Prisma.MediationPartyCreateManyInput, "caseId">[] };

function mediationDraft(env: Env, p: Placed<MediationRow>): Draft<MediationExtra> {
  const r = p.value;
  const createdAt = r.createdAt.at;
  const status = r.result ?? "IN_PROGRESS";
  const dueAt = dueFrom(env, "MEDIATION", createdAt);
  const endedAt = r.endedAt ? atOrAfter(r.endedAt, createdAt) : null;
  const category = MEDIATION_CATEGORY_LABELS[r.category];
  const names = [...r.applicants, ...r.respondents];
  const refused = status === "REFUSED";
  const parties: MediationExtra["parties"] = names.map((name, i) => {
    const applicant = i < r.applicants.length;
    const firstOfSide = i === 0 || i === r.applicants.length;
    return {
      role: applicant ? "APPLICANT" : "RESPONDENT",
      name,
      phone: firstOfSide ? ((applicant ? r.applicantPhone : r.respondentPhone) ?? null) : null,
      idCipher: i === 0 && r.applicantIdNumber ? encryptField(r.applicantIdNumber) : null,
      consent: refused && !applicant ? "REFUSED" : "AGREED",
      consentAt: createdAt,
      sortOrder: i,
    };
  });
  const endEvent: Partial<Record<typeof status, WorkOrderEventKind>> = { SUCCEEDED: "MEDIATION_SUCCEEDED", FAILED: "MEDIATION_FAILED", REFUSED: "MEDIATION_REFUSED", WITHDRAWN: "CLOSED" };
  const succeeded = status === "SUCCEEDED";
  // the agreement took effect when the case ended; a written one had the usual 30 days for 司法确认
  const signedOn = succeeded && endedAt ? shanghaiDate(endedAt) : null;
  const written = succeeded && r.agreementOral !== "ORAL";
  return {
    regionCode: p.regionCode,
    order: {
      ...baseOrder(p, "MEDIATION", REFERRAL_CHANNEL[r.source] ?? r.channel ?? "WALK_IN"),
      status: endedAt ? "CLOSED" : status === "ACCEPTED" ? "NEW" : "IN_PROGRESS",
      subject: `${category}：${partiesText(names)}`.slice(0, 120),
      description: r.summary ?? "",
      category: r.category,
      requesterName: r.applicants[0].slice(0, 40),
      requesterPhone: r.applicantPhone ?? "",
      dueAt,
      closedAt: endedAt,
      closedOnTime: endedAt ? endedAt <= dueAt : null,
      resultSummary: endedAt ? MEDIATION_STATUS_LABELS[status] : null,
    },
    events: [{ at: createdAt, kind: "CREATED" }, ...(endedAt ? [{ at: endedAt, kind: endEvent[status] ?? ("CLOSED" as const), body: MEDIATION_STATUS_LABELS[status] }] : [])],
    extra: {
      case: {
        source: r.source,
        category: r.category,
        status,
        amountInvolved: r.amountInvolved ?? null,
        peopleInvolved: r.peopleInvolved ?? Math.max(names.length, 2),
        major: r.major ?? false,
        crimeRisk: r.crimePrevented ?? false,
        crimePrevented: r.crimePrevented ?? false,
        endedAt,
        agreementOral: succeeded ? !written : null,
        agreementSignedOn: signedOn ? toDbDate(signedOn) : null,
        confirmationDueOn: signedOn && written ? toDbDate(confirmationDueOn(signedOn)) : null,
        confirmationGranted: written && r.confirmationGranted ? true : null,
        performance: succeeded ? (r.performance ?? null) : null,
        createdAt,
      },
      parties,
    },
  };
}

/** One nextval per row: imported numbers follow the native rule (county code, Shanghai date, sequence). */
async function numbersFor(db: Tx, drafts: Draft<unknown>[]): Promise<string[]> {
  if (drafts.length === 0) return [];
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT nextval('work_order_number') AS n FROM generate_series(1, ${drafts.length}::int)`;
  return drafts.map((d, i) => `${d.regionCode.slice(0, 6)}-${shanghaiDate(d.order.createdAt as Date).replaceAll("-", "")}-${String(rows[i].n).padStart(7, "0")}`);
}

/**
 * Many rows in one statement, sent as one JSON parameter and spread by json_populate_recordset.
 * Prisma's createMany binds every value separately: 5,000 orders took 8 s that way, 0.4 s this way.
 * Columns are the rows' keys (written here, never from the file); JSON dates are UTC ISO strings,
 * which PostgreSQL reads into the timestamp-without-zone columns exactly as Prisma writes them.
 */
async function insertJson<T = never>(db: Tx, table: string, rows: Record<string, unknown>[], returning?: string): Promise<T[]> {
  if (rows.length === 0) return [];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].map((c) => `"${c}"`).join(", ");
  const sql = `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
  if (!returning) {
    await db.$executeRawUnsafe(sql, JSON.stringify(rows));
    return [];
  }
  return db.$queryRawUnsafe<T[]>(`${sql} ${returning}`, JSON.stringify(rows));
}

/**
 * Writes the placed rows whose import key is new; returns how many were written and how many
 * skipped as already imported. A concurrent import of the same rows cannot duplicate them: the
 * unique import key makes the later insert skip them (ON CONFLICT DO NOTHING).
 */
export async function writeRows(db: Tx, kind: ImportKind, placed: Placed<AnyRow>[], batchId: number, now = new Date()): Promise<{ imported: number; skipped: number }> {
  const keys = placed.map((p) => p.importKey);
  const existing = new Set(
    (await db.$queryRaw<{ importKey: string }[]>`SELECT "importKey" FROM "WorkOrder" WHERE "importKey" = ANY(${keys}::text[])`).map((o) => o.importKey),
  );
  const fresh = placed.filter((p) => !existing.has(p.importKey));
  if (fresh.length === 0) return { imported: 0, skipped: placed.length };

  const env: Env = {
    calendar: await loadWorkingCalendar(db),
    rules: new Map((await db.workOrderTypeRule.findMany()).map((r) => [r.type, r as Rule])),
  };
  const limits = kind === "LEGAL_AID" ? await loadLegalAidLimits(db) : null;
  const drafts: Draft<unknown>[] = fresh.map((p) => {
    if (kind === "LEGAL_AID" && limits) return legalAidDraft(env, limits, p as Placed<LegalAidRow>);
    if (kind === "MEDIATION") return mediationDraft(env, p as Placed<MediationRow>);
    return workOrderDraft(env, p as Placed<WorkOrderRow>);
  });
  const numbers = await numbersFor(db, drafts);
  const created = await insertJson<{ id: number; importKey: string; organizationId: number }>(
    db,
    "WorkOrder",
    drafts.map((d, i) => ({
      ...d.order,
      number: numbers[i],
      importBatchId: batchId,
      // Lateness before the import is history: an open order already past its deadline is not
      // escalated by the overdue job (it would move years-old orders up the tree and notify staff).
      overdueEscalatedAt: d.order.status !== "CLOSED" && (d.order.dueAt as Date) < now ? now : null,
      updatedAt: now,
    })),
    `ON CONFLICT ("importKey") DO NOTHING RETURNING id, "importKey", "organizationId"`,
  );
  const byKey = new Map(created.map((o) => [o.importKey, o]));
  const written = drafts.flatMap((d) => {
    const o = byKey.get(d.order.importKey as string);
    return o ? [{ draft: d, id: o.id, organizationId: o.organizationId }] : [];
  });

  await insertJson(
    db,
    "WorkOrderEvent",
    written.flatMap(({ draft, id, organizationId }) =>
      draft.events.map((e) => ({
        workOrderId: id, at: e.at, kind: e.kind, actorName: ACTOR_NAME, toOrganizationId: e.kind === "CREATED" ? organizationId : null,
        reason: e.kind === "CREATED" ? `历史数据导入（批次 ${batchId}）` : (e.reason ?? null), body: e.body ?? null,
      })),
    ),
  );

  if (kind === "LEGAL_AID") {
    const apps = await insertJson<{ id: number; lawyerUserId: number | null; assignedAt: Date | null }>(
      db,
      "LegalAidApplication",
      written.map(({ draft, id }) => ({ ...(draft.extra as AidExtra), workOrderId: id, materialsList: [], qualityMethods: [], updatedAt: now })),
      `RETURNING id, "lawyerUserId", "assignedAt"`,
    );
    await insertJson(
      db,
      "LegalAidAssignment",
      apps.filter((a) => a.lawyerUserId !== null && a.assignedAt !== null).map((a) => ({ applicationId: a.id, round: 1, lawyerUserId: a.lawyerUserId, via: "OFFICER", assignedAt: a.assignedAt })),
    );
  } else if (kind === "MEDIATION") {
    const cases = await insertJson<{ id: number; workOrderId: number }>(
      db,
      "MediationCase",
      written.map(({ draft, id }) => ({ ...(draft.extra as MediationExtra).case, workOrderId: id, routesTold: [], updatedAt: now })),
      `RETURNING id, "workOrderId"`,
    );
    const partiesOf = new Map(written.map(({ draft, id }) => [id, (draft.extra as MediationExtra).parties]));
    await insertJson(db, "MediationParty", cases.flatMap((c) => (partiesOf.get(c.workOrderId) ?? []).map((p) => ({ ...p, caseId: c.id }))));
  }
  return { imported: written.length, skipped: placed.length - written.length };
}
