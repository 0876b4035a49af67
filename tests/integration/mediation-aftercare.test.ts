import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeRegion, makeSmallNetwork, makeUser } from "./helpers/factories";
import { idNumberFor, meta, must } from "./helpers/legal-aid";
import type { z } from "zod";
import { execute, type Result, type UseCase } from "@/lib/api/use-case";
import type { Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import type { MediationCategory, MediationPartyRole, MediationSource, MediationStatus } from "@/lib/generated/prisma/enums";
import { encryptField } from "@/lib/crypto";
import { addDays, fromDbDate, shanghaiDate, startOfShanghaiDay } from "@/lib/calendar/working-days";
import { createWorkOrder } from "@/lib/work-orders/create-work-order";
import { recordAgreement, type RecordAgreementInput } from "@/lib/mediation/agreement";
import { recordConfirmation } from "@/lib/mediation/confirmation";
import { recordPerformance, reportToCourt } from "@/lib/mediation/follow-up";
import { getMediationDocument, type AgreementDocument, type CourtReportDocument } from "@/lib/mediation/documents";
import { getMediationAftercare } from "@/lib/mediation/aftercare";
import { sendMediationReminders } from "@/lib/mediation/reminders";
import { MEDIATION_INDICATOR_DEFINITION, mediationIndicators } from "@/lib/mediation/indicators";
import {
  LATE_APPLICATION_REFUSAL, ORAL_AGREEMENT_REFUSAL, STATUS_MATTER_REFUSAL, confirmationAvailability, confirmationDueOn,
} from "@/lib/mediation/aftercare-rules";
import { runJobNow, JOB_NAMES } from "@/lib/jobs/boss";

// After a successful mediation: the agreement (written and oral), 司法确认 within 30 calendar days,
// the reminder job, 履行回访, the report to a delegating court, the printable documents and the
// indicators — on a real database, cases built by a local factory (a MEDIATION work order routed
// by createWorkOrder plus its case record and parties).

const today = () => shanghaiDate(new Date());
/** A day safely in the past whose 30-day window crosses a month end: 2026-01-15 + 30 = 2026-02-14. */
const PAST_SIGNED = "2026-01-15";
const PAST_DUE = "2026-02-14";

type PartySpec = { role: MediationPartyRole; name: string; phone?: string; userId?: number; idNumber?: string; address?: string };

let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
let mediator: Actor;

async function makeCase(opts: {
  source?: MediationSource;
  category?: MediationCategory;
  status?: MediationStatus;
  parties?: PartySpec[];
  crimeRisk?: boolean;
  referral?: { authority: string; reference: string };
}) {
  const source = opts.source ?? "APPLICATION";
  const order = await createWorkOrder(db, {
    channel: source === "COURT" ? "COURT_REFERRAL" : "WALK_IN",
    type: "MEDIATION",
    regionCode: n.villageA.code,
    subject: "邻里纠纷调解",
    description: "两家因宅基地边界发生争执。",
    requester: { userId: null, name: "张大山", phone: "13900000001" },
    receiver: null,
    actorName: "测试",
  });
  const parties = opts.parties ?? [
    { role: "APPLICANT", name: "张大山", phone: "13900000001", idNumber: idNumberFor(1), address: "东村 1 组 3 号" },
    { role: "RESPONDENT", name: "李小河", phone: "13900000002", address: "东村 1 组 5 号" },
  ];
  const c = await db.mediationCase.create({
    data: {
      workOrderId: order.id,
      source,
      category: opts.category ?? "NEIGHBOUR",
      status: opts.status ?? "IN_PROGRESS",
      crimeRisk: opts.crimeRisk ?? false,
      referralAuthority: opts.referral?.authority ?? null,
      referralReference: opts.referral?.reference ?? null,
      mediatorUserId: mediator.userId,
      assignedAt: new Date(),
      parties: {
        create: parties.map((p, i) => ({
          role: p.role, name: p.name, phone: p.phone ?? null, userId: p.userId ?? null, address: p.address ?? null,
          idCipher: p.idNumber ? encryptField(p.idNumber) : null, sortOrder: i,
        })),
      },
    },
    include: { parties: { orderBy: { sortOrder: "asc" } } },
  });
  return { number: order.number, id: c.id, workOrderId: order.id, parties: c.parties };
}

function agreement(number: string, over: Partial<Record<keyof RecordAgreementInput, unknown>> = {}) {
  return {
    number,
    facts: "双方宅基地相邻，因围墙位置发生争执。",
    disputes: "围墙是否越界。",
    responsibilities: "被申请人砌墙越界 0.3 米，负主要责任。",
    terms: "被申请人于履行期限前拆除越界部分围墙，并赔偿申请人 2000 元。",
    performanceManner: "拆除围墙，现金一次性支付",
    performanceDueOn: addDays(today(), 10),
    signedOn: PAST_SIGNED,
    ...over,
  };
}

const run = <P extends Permission, S extends z.ZodType, R>(uc: UseCase<P, S, R>, input: unknown, actor: Actor | null = mediator): Promise<Result<R>> =>
  execute(uc, input, actor, meta);

async function agreementDoc(number: string, actor: Actor = mediator): Promise<AgreementDocument> {
  const d = must(await run(getMediationDocument, { number, kind: "agreement" }, actor));
  if (d.kind !== "agreement") throw new Error("not an agreement");
  return d;
}

async function courtLetter(number: string): Promise<CourtReportDocument> {
  const d = must(await run(getMediationDocument, { number, kind: "court-report" }));
  if (d.kind !== "court-report") throw new Error("not a court report");
  return d;
}

beforeEach(async () => {
  await resetDatabase();
  n = await makeSmallNetwork();
  mediator = await makeActor({ role: "MEDIATOR", organizationId: n.roomA.id, name: "老娘舅王伯" });
});

describe("the confirmation window and its availability (pure)", () => {
  it("is 30 calendar days from the agreement, across month and year ends", () => {
    expect(confirmationDueOn("2026-01-15")).toBe("2026-02-14");
    expect(confirmationDueOn("2026-12-15")).toBe("2027-01-14");
    expect(confirmationDueOn("2028-02-01")).toBe("2028-03-02");
  });

  it("is not available for identity, adoption or marriage-status agreements", () => {
    expect(confirmationAvailability("MARRIAGE_FAMILY", { statusMatter: true })).toMatchObject({ available: false, reason: STATUS_MATTER_REFUSAL });
    expect(confirmationAvailability("NEIGHBOUR", { statusMatter: true }).available).toBe(false);
    const support = confirmationAvailability("MARRIAGE_FAMILY", { statusMatter: false });
    expect(support.available).toBe(true);
    expect(support.hint).toContain("抚养费");
    expect(confirmationAvailability("NEIGHBOUR", { statusMatter: false }).hint).toBeNull();
  });
});

describe("recording the agreement", () => {
  it("ends the mediation as SUCCEEDED, closes the order and tells the parties the confirmation deadline", async () => {
    const resident = await makeUser({ role: "RESIDENT", name: "张大山", phone: "13900000001" });
    const c = await makeCase({
      crimeRisk: true,
      parties: [
        { role: "APPLICANT", name: "张大山", phone: "13900000001", userId: resident.id },
        { role: "RESPONDENT", name: "李小河", phone: "13900000002" },
      ],
    });
    const out = must(await run(recordAgreement, { ...agreement(c.number), crimePrevented: "on" }));
    expect(out.confirmationDueOn).toBe(PAST_DUE);

    const row = await db.mediationCase.findUniqueOrThrow({ where: { id: c.id }, include: { workOrder: true } });
    expect(row.status).toBe("SUCCEEDED");
    expect(row.endedAt).not.toBeNull();
    expect(row.agreementOral).toBe(false);
    expect(row.crimePrevented).toBe(true);
    expect(fromDbDate(row.confirmationDueOn!)).toBe(PAST_DUE);
    expect(fromDbDate(row.agreementSignedOn!)).toBe(PAST_SIGNED);
    expect(row.workOrder.status).toBe("CLOSED");
    expect(row.workOrder.resultSummary).toBe("调解成功，达成协议");
    expect(row.workOrder.closedAt).not.toBeNull();

    const events = await db.workOrderEvent.findMany({ where: { workOrderId: c.workOrderId, kind: "MEDIATION_SUCCEEDED" } });
    expect(events).toHaveLength(1);
    expect(events[0].actorName).toBe("老娘舅王伯");

    const told = await db.notification.findMany({ where: { workOrderId: c.workOrderId, body: { contains: "调解成功" } } });
    expect(told.map((t) => t.channel).sort()).toEqual(["IN_APP", "SMS"]);
    expect(told.find((t) => t.channel === "IN_APP")!.recipientUserId).toBe(resident.id);
    expect(told.find((t) => t.channel === "SMS")!.recipientPhone).toBe("13900000002");
    for (const t of told) {
      expect(t.body).toContain("2026年2月14日");
      expect(t.body).toContain("赔偿申请人 2000 元");
      expect(t.body.length).toBeLessThanOrEqual(300);
    }

    // a second agreement on a settled case is refused
    const again = await run(recordAgreement, agreement(c.number));
    expect(again).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
  });

  it("keeps the deadline in a notice whose terms are long, and masks long digit runs", async () => {
    const c = await makeCase({});
    const terms = `被申请人向申请人账户 6222020200112233445 转账赔偿。${"另外双方约定互不追究。".repeat(60)}`;
    must(await run(recordAgreement, agreement(c.number, { terms })));
    const [t] = await db.notification.findMany({ where: { workOrderId: c.workOrderId, body: { contains: "调解成功" }, channel: "SMS", recipientPhone: "13900000002" } });
    expect(t.body).toContain("2026年2月14日");
    expect(t.body).toContain("****3445");
    expect(t.body).not.toContain("6222020200112233445");
    expect(t.body.length).toBeLessThanOrEqual(300);
    expect(t.body.endsWith("…")).toBe(true);
  });

  it("records an oral agreement (Art. 28) with no confirmation window", async () => {
    const c = await makeCase({});
    const out = must(await run(recordAgreement, { ...agreement(c.number), oral: "on" }));
    expect(out.confirmationDueOn).toBeNull();
    const row = await db.mediationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", agreementOral: true, confirmationDueOn: null });
    expect(row.agreementTerms).toContain("拆除越界部分围墙");
    const [event] = await db.workOrderEvent.findMany({ where: { workOrderId: c.workOrderId, kind: "MEDIATION_SUCCEEDED" } });
    expect(event.reason).toContain("口头调解协议");

    const refused = await run(recordConfirmation, { number: c.number, step: "APPLIED", appliedOn: today(), court: "甲县人民法院" });
    expect(refused).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: ORAL_AGREEMENT_REFUSAL });

    const doc = await agreementDoc(c.number);
    expect(doc.title).toBe("人民调解口头协议登记表");
    expect(doc.effectClause).toBeNull();
    expect(doc.signatures).toEqual([]);
    expect(doc.sections.map((s) => s.heading)).toContain("口头协议内容");
  });

  it("validates dates, statuses and signatures", async () => {
    const c = await makeCase({});
    const bad = await run(recordAgreement, agreement(c.number, { signedOn: addDays(today(), 1), performanceDueOn: addDays(today(), -1), facts: "" }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.code).toBe("VALIDATION");
    expect(bad.fieldErrors?.signedOn).toEqual(["协议生效日期不能晚于今天"]);
    expect(bad.fieldErrors?.performanceDueOn).toEqual(["履行期限不能早于今天"]);
    expect(bad.fieldErrors?.facts).toEqual(["请填写纠纷的主要事实"]);

    const [first, second] = c.parties;
    const png = `data:image/png;base64,${Buffer.alloc(64, 1).toString("base64")}`;
    const tooBig = `data:image/png;base64,${Buffer.alloc(201 * 1024, 1).toString("base64")}`;
    const sig = await run(recordAgreement, agreement(c.number, { signatures: { [first.id]: "data:image/jpeg;base64,AAAA", [second.id]: tooBig } }));
    expect(sig.ok).toBe(false);
    if (!sig.ok) {
      expect(sig.fieldErrors?.[`signatures.${first.id}`]).toEqual(["签名应为 PNG 图片"]);
      expect(sig.fieldErrors?.[`signatures.${second.id}`]).toEqual(["签名图片不能超过 200KB"]);
    }
    const stranger = await run(recordAgreement, agreement(c.number, { signatures: { "999999": png } }));
    expect(stranger).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { "signatures.999999": ["签名对应的当事人不属于本案"] } });

    // blank pads are dropped; a captured one is kept
    must(await run(recordAgreement, agreement(c.number, { signatures: { [first.id]: png, [second.id]: "" } })));
    const row = await db.mediationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.signatures).toEqual({ [first.id]: png });

    const waiting = await makeCase({ status: "AWAITING_CONSENT" });
    expect(await run(recordAgreement, agreement(waiting.number))).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
  });

  it("is refused outside the committee's scope and to roles that do not process", async () => {
    const c = await makeCase({});
    const other = await makeActor({ role: "MEDIATOR", organizationId: n.roomB.id });
    expect(await run(recordAgreement, agreement(c.number), other)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id });
    expect(await run(recordAgreement, agreement(c.number), officer)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("court confirmation (司法确认)", () => {
  it("refuses a marriage-status agreement with the explanation", async () => {
    const c = await makeCase({ category: "MARRIAGE_FAMILY" });
    must(await run(recordAgreement, agreement(c.number, { signedOn: today() })));
    const refused = await run(recordConfirmation, { number: c.number, step: "APPLIED", statusMatter: "on", appliedOn: today(), court: "甲县人民法院" });
    expect(refused).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: STATUS_MATTER_REFUSAL, fieldErrors: { statusMatter: [STATUS_MATTER_REFUSAL] } });

    // answered at the agreement: no window at all, and the application is refused the same way
    const d = await makeCase({ category: "MARRIAGE_FAMILY" });
    const out = must(await run(recordAgreement, agreement(d.number, { signedOn: today(), statusMatter: "on" })));
    expect(out.confirmationDueOn).toBeNull();
    const again = await run(recordConfirmation, { number: d.number, step: "APPLIED", appliedOn: today(), court: "甲县人民法院" });
    expect(again).toMatchObject({ ok: false, message: STATUS_MATTER_REFUSAL });
    const view = must(await run(getMediationAftercare, { number: d.number }));
    expect(view.confirmation).toMatchObject({ available: false, unavailableReason: STATUS_MATTER_REFUSAL });
  });

  it("refuses an application after the 30 days and records applied → accepted → granted", async () => {
    const c = await makeCase({});
    must(await run(recordAgreement, agreement(c.number)));

    const late = await run(recordConfirmation, { number: c.number, step: "APPLIED", appliedOn: "2026-02-15", court: "甲县人民法院" });
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.code).toBe("RULE_VIOLATION");
      expect(late.message).toContain(LATE_APPLICATION_REFUSAL);
      expect(late.fieldErrors?.appliedOn?.[0]).toContain("已超过 30 日申请期限");
    }
    const missing = await run(recordConfirmation, { number: c.number, step: "APPLIED" });
    expect(missing).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { appliedOn: ["请填写申请日期"], court: ["请填写受理申请的人民法院"] } });
    expect(await run(recordConfirmation, { number: c.number, step: "ACCEPTED", acceptedOn: "2026-02-16" })).toMatchObject({
      ok: false, message: "请先登记当事人的司法确认申请",
    });

    // the last day of the window is still in time
    must(await run(recordConfirmation, { number: c.number, step: "APPLIED", appliedOn: PAST_DUE, court: "甲县人民法院" }));
    expect(await run(recordConfirmation, { number: c.number, step: "ACCEPTED", acceptedOn: "2026-02-13" })).toMatchObject({
      ok: false, fieldErrors: { acceptedOn: ["受理日期不能早于申请日期"] },
    });
    must(await run(recordConfirmation, { number: c.number, step: "ACCEPTED", acceptedOn: "2026-02-16", note: "（2026）甲0101民特12号" }));
    expect(await run(recordConfirmation, { number: c.number, step: "RESULT" })).toMatchObject({
      ok: false, fieldErrors: { granted: ["请选择人民法院是否确认调解协议有效"] },
    });
    must(await run(recordConfirmation, { number: c.number, step: "RESULT", granted: "true" }));

    const row = await db.mediationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(fromDbDate(row.confirmationAppliedOn!)).toBe(PAST_DUE);
    expect(fromDbDate(row.confirmationAcceptedOn!)).toBe("2026-02-16");
    expect(row.confirmationCourt).toBe("甲县人民法院");
    expect(row.confirmationGranted).toBe(true);
    expect(await db.workOrderEvent.count({ where: { workOrderId: c.workOrderId, kind: "CONFIRMATION_RECORDED" } })).toBe(3);
    const told = await db.notification.findMany({ where: { workOrderId: c.workOrderId, body: { contains: "申请强制执行" } } });
    expect(told).toHaveLength(2);
    expect(await run(recordConfirmation, { number: c.number, step: "RESULT", granted: "false", note: "x" })).toMatchObject({
      ok: false, message: "人民法院的确认结果已经登记",
    });
  });
});

describe("the reminder job", () => {
  it("warns once when 5 days or fewer remain, and reminds the committee on the performance date", async () => {
    expect(JOB_NAMES).toContain("mediation.reminders");
    const c = await makeCase({});
    must(await run(recordAgreement, agreement(c.number)));
    const applied = await makeCase({});
    must(await run(recordAgreement, agreement(applied.number)));
    must(await run(recordConfirmation, { number: applied.number, step: "APPLIED", appliedOn: "2026-02-01", court: "甲县人民法院" }));
    const at = (day: string) => new Date(startOfShanghaiDay(day).getTime() + 8 * 3_600_000);

    expect(await sendMediationReminders(db, at("2026-02-08"))).toEqual({ confirmationWarned: 0, performanceReminded: 0 });
    expect(await sendMediationReminders(db, at("2026-02-09"))).toEqual({ confirmationWarned: 1, performanceReminded: 0 });
    expect(await sendMediationReminders(db, at("2026-02-10"))).toEqual({ confirmationWarned: 0, performanceReminded: 0 });
    const row = await db.mediationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.confirmationWarnedAt?.toISOString()).toBe(at("2026-02-09").toISOString());
    const warned = await db.notification.findMany({ where: { workOrderId: c.workOrderId, body: { contains: "届满" } } });
    // the two parties by SMS and the committee's mediator in-app
    expect(warned.map((w) => w.recipientPhone ?? `user${w.recipientUserId}`).sort()).toEqual(["13900000001", "13900000002", `user${mediator.userId}`].sort());
    expect(warned[0].body).toContain("2026年2月14日");

    // the performance date (10 days from today): the day before nothing, on the day once
    const dueDay = addDays(today(), 10);
    expect((await sendMediationReminders(db, at(addDays(dueDay, -1)))).performanceReminded).toBe(0);
    expect((await sendMediationReminders(db, at(dueDay))).performanceReminded).toBe(2);
    const reminded = await db.notification.findMany({ where: { workOrderId: c.workOrderId, body: { contains: "履行回访" } } });
    expect(reminded).toHaveLength(1);
    expect(reminded[0].recipientUserId).toBe(mediator.userId);
    // once checked, no reminder
    must(await run(recordPerformance, { number: c.number, result: "PERFORMED" }));
    expect((await sendMediationReminders(db, at(dueDay))).performanceReminded).toBe(1);

    // the registered job runs the same function (nothing due today)
    expect(await runJobNow("mediation.reminders", db)).toEqual({ confirmationWarned: 0, performanceReminded: 0 });
  });
});

describe("履行回访", () => {
  it("requires a route when not fully performed, tells the parties, and keeps court confirmation for when it is possible", async () => {
    const c = await makeCase({});
    expect(await run(recordPerformance, { number: c.number, result: "PERFORMED" })).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
    must(await run(recordAgreement, agreement(c.number)));

    expect(await run(recordPerformance, { number: c.number, result: "NOT_PERFORMED" })).toMatchObject({
      ok: false, code: "VALIDATION", fieldErrors: { route: ["协议未全部履行的，请选择引导当事人采取的途径"] },
    });
    // the window closed on 2026-02-14 with no application: court confirmation is no longer a route
    expect(await run(recordPerformance, { number: c.number, result: "NOT_PERFORMED", route: "COURT_CONFIRMATION" })).toMatchObject({
      ok: false, code: "RULE_VIOLATION", fieldErrors: { route: [expect.stringContaining("提起诉讼")] },
    });
    must(await run(recordPerformance, { number: c.number, result: "NOT_PERFORMED", route: "LITIGATION_GUIDANCE", note: "被申请人拒不拆墙" }));
    const row = await db.mediationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ performance: "NOT_PERFORMED", performanceRoute: "LITIGATION_GUIDANCE", performanceNote: "被申请人拒不拆墙" });
    expect(row.performanceCheckedAt).not.toBeNull();
    const told = await db.notification.findMany({ where: { workOrderId: c.workOrderId, body: { contains: "提起诉讼" } } });
    expect(told).toHaveLength(2);
    expect(await db.workOrderEvent.count({ where: { workOrderId: c.workOrderId, kind: "PERFORMANCE_CHECKED" } })).toBe(1);

    // a later check (performed after all) replaces the result and drops the route
    must(await run(recordPerformance, { number: c.number, result: "PERFORMED", route: "LITIGATION_GUIDANCE" }));
    expect(await db.mediationCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ performance: "PERFORMED", performanceRoute: null });

    // within the window (signed today), court confirmation is a route
    const d = await makeCase({});
    must(await run(recordAgreement, agreement(d.number, { signedOn: today() })));
    must(await run(recordPerformance, { number: d.number, result: "PARTLY", route: "COURT_CONFIRMATION" }));
  });
});

describe("reporting back to the delegating court", () => {
  it("is only for court cases that ended, once, with the printable letter", async () => {
    const own = await makeCase({ status: "SUCCEEDED" });
    expect(await run(reportToCourt, { number: own.number })).toMatchObject({ ok: false, message: "只有法院委派调解的案件需要向法院反馈结果" });

    const court = { authority: "甲县人民法院", reference: "（2026）甲0101民诉前调1234号" };
    const c = await makeCase({ source: "COURT", category: "CONTRACT", referral: court });
    expect(await run(reportToCourt, { number: c.number })).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
    expect(await run(getMediationDocument, { number: c.number, kind: "court-report" })).toMatchObject({ ok: false, code: "NOT_FOUND" });

    must(await run(recordAgreement, agreement(c.number)));
    const view = must(await run(getMediationAftercare, { number: c.number }));
    expect(view.steps.reportToCourt).toBe(true);
    must(await run(reportToCourt, { number: c.number }));
    const row = await db.mediationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.reportedToCourtAt).not.toBeNull();
    const [event] = await db.workOrderEvent.findMany({ where: { workOrderId: c.workOrderId, kind: "COURT_REPORTED" } });
    expect(event.reason).toBe("已向甲县人民法院反馈调解结果");
    expect(await run(reportToCourt, { number: c.number })).toMatchObject({ ok: false, message: "已经向法院反馈过调解结果" });

    const letter = await courtLetter(c.number);
    expect(letter.title).toBe("委派调解结果反馈函");
    expect(letter.recipient).toBe("甲县人民法院：");
    expect(letter.particulars).toContainEqual({ label: "委派案号", value: court.reference });
    expect(letter.body.join("")).toContain("调解成功");
    expect(letter.attachment?.sections.find((s) => s.heading === "协议内容")?.text).toContain("赔偿申请人 2000 元");
    expect(letter.parties.map((p) => p.name)).toEqual(["张大山", "李小河"]);
    expect(letter.documentNumber).toMatch(/^（\d{4}）调函字第\d{7}号$/);

    // a failed court case reports too
    const failed = await makeCase({ source: "COURT", referral: court, status: "FAILED" });
    await db.mediationCase.update({ where: { id: failed.id }, data: { endedAt: new Date(), failureReason: "双方分歧过大", routesTold: ["LITIGATION"] } });
    must(await run(reportToCourt, { number: failed.number }));
    const failedLetter = await courtLetter(failed.number);
    expect(failedLetter.body.join("")).toContain("双方分歧过大");
    expect(failedLetter.body.join("")).toContain("向人民法院提起诉讼");
    expect(failedLetter.attachment).toBeNull();
  });
});

describe("the printable agreement", () => {
  it("has a signature line for every party (23 owners + company + shop), masked IDs, and is scoped and audited", async () => {
    const owners: PartySpec[] = Array.from({ length: 23 }, (_, i) => ({
      role: "APPLICANT", name: `业主${i + 1}`, phone: `1390000${String(1000 + i)}`, idNumber: idNumberFor(i + 10), address: `东村小区 ${i + 1} 栋`,
    }));
    const resident = await makeUser({ role: "RESIDENT", name: "业主1" });
    owners[0].userId = resident.id;
    const c = await makeCase({
      category: "DAMAGES",
      parties: [...owners, { role: "RESPONDENT", name: "东村物业服务有限公司" }, { role: "RESPONDENT", name: "东村电动车电池店" }],
    });
    expect(await run(getMediationDocument, { number: c.number, kind: "agreement" })).toMatchObject({ ok: false, code: "NOT_FOUND", message: "该文书尚未生成" });

    const png = `data:image/png;base64,${Buffer.alloc(64, 1).toString("base64")}`;
    must(await run(recordAgreement, agreement(c.number, { signatures: { [c.parties[24].id]: png } })));
    const doc = await agreementDoc(c.number);
    expect(doc.title).toBe("人民调解协议书");
    expect(doc.signatures).toHaveLength(25);
    expect(doc.signatures.map((s) => s.name)).toEqual(c.parties.map((p) => p.name));
    expect(doc.signatures[24]).toMatchObject({ name: "东村电动车电池店", label: "被申请人", image: png });
    expect(doc.signatures[0].image).toBeNull();
    expect(doc.effectClause).toBe(
      "本协议经各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章后生效。本协议一式二十六份，当事人各执一份，人民调解委员会留存一份。",
    );
    const id = idNumberFor(10);
    expect(doc.parties[0].idNumber).toBe(`${id.slice(0, 4)}${"*".repeat(10)}${id.slice(-4)}`);
    expect(JSON.stringify(doc)).not.toContain(id);
    expect(doc.mediator).toBe("老娘舅王伯");
    expect(doc.stamp).toBe("（人民调解委员会印章）");
    expect(doc.committee).toBe(n.roomA.name);
    expect(doc.sections.map((s) => s.heading)).toEqual(["纠纷主要事实、争议事项", "各方当事人的责任", "协议内容", "履行方式与期限"]);
    expect(doc.date).toBe("2026年1月15日");
    expect(doc.caseHref).toBe(`/staff/mediation/${c.number}`);
    expect(await db.auditEvent.count({ where: { action: "mediation.document.view", targetId: c.number } })).toBe(1);

    // a party with an account opens it; the station above reads it; another township and a stranger do not
    const party = (await import("@/lib/auth/actor")).actorForUser;
    const partyActor = (await party(db, resident.id))!;
    const seen = await agreementDoc(c.number, partyActor);
    expect(seen.caseHref).toBe(`/resident/mediation/${c.number}`);
    const station = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    must(await run(getMediationDocument, { number: c.number, kind: "agreement" }, station));
    // the station reads along but the steps are the room's
    const stationView = must(await run(getMediationAftercare, { number: c.number }, station));
    expect(Object.values(stationView.steps).every((v) => !v)).toBe(true);
    const otherTownship = await makeActor({ role: "STAFF", organizationId: n.stationB.id });
    expect(await run(getMediationDocument, { number: c.number, kind: "agreement" }, otherTownship)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const stranger = await makeActor({ role: "RESIDENT" });
    expect(await run(getMediationDocument, { number: c.number, kind: "agreement" }, stranger)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("mediation indicators", () => {
  let seq = 0;
  const t = (iso: string) => new Date(iso);

  async function row(spec: {
    regionId: number; organizationId: number; createdAt: Date; status: MediationStatus; endedAt?: Date; category: MediationCategory;
    source: MediationSource; major?: boolean; crimePrevented?: boolean; granted?: boolean; performance?: string;
  }) {
    seq += 1;
    const order = await db.workOrder.create({
      data: {
        number: `369901-20260301-${String(seq).padStart(7, "0")}`, channel: "WALK_IN", type: "MEDIATION", status: spec.endedAt ? "CLOSED" : "IN_PROGRESS",
        subject: "调解", description: "纠纷", requesterName: "甲", requesterPhone: "13800000000", regionId: spec.regionId,
        organizationId: spec.organizationId, firstOrganizationId: spec.organizationId, dueAt: t("2026-12-31T00:00:00Z"), createdAt: spec.createdAt,
        closedAt: spec.endedAt ?? null, resultSummary: spec.endedAt ? "调解结束" : null,
      },
    });
    await db.mediationCase.create({
      data: {
        workOrderId: order.id, source: spec.source, category: spec.category, status: spec.status, endedAt: spec.endedAt ?? null,
        major: spec.major ?? false, crimePrevented: spec.crimePrevented ?? false, confirmationGranted: spec.granted ?? null,
        performance: spec.performance ?? null,
      },
    });
  }

  it("counts exact figures per the definition, in the leader's region and Shanghai days", async () => {
    const A = { regionId: n.villageA.id, organizationId: n.roomA.id };
    await row({ ...A, createdAt: t("2026-03-02T02:00:00Z"), status: "SUCCEEDED", endedAt: t("2026-03-10T02:00:00Z"), category: "NEIGHBOUR", source: "APPLICATION", granted: true, performance: "PERFORMED", major: true });
    await row({ ...A, createdAt: t("2026-03-05T02:00:00Z"), status: "SUCCEEDED", endedAt: t("2026-03-20T02:00:00Z"), category: "DAMAGES", source: "COURT", performance: "NOT_PERFORMED", crimePrevented: true });
    await row({ ...A, createdAt: t("2026-03-06T02:00:00Z"), status: "FAILED", endedAt: t("2026-03-25T02:00:00Z"), category: "NEIGHBOUR", source: "PROACTIVE" });
    await row({ ...A, createdAt: t("2026-03-07T02:00:00Z"), status: "REFUSED", endedAt: t("2026-03-08T02:00:00Z"), category: "NEIGHBOUR", source: "APPLICATION" });
    // registered in February, withdrawn in March: concluded, not accepted, in the period
    await row({ ...A, createdAt: t("2026-02-20T02:00:00Z"), status: "WITHDRAWN", endedAt: t("2026-03-03T02:00:00Z"), category: "CONTRACT", source: "POLICE" });
    // 23:00 on 31 March in Shanghai is in; 00:30 on 1 April is out
    await row({ ...A, createdAt: t("2026-03-31T15:00:00Z"), status: "IN_PROGRESS", category: "DAMAGES", source: "COURT", major: true });
    await row({ ...A, createdAt: t("2026-03-31T16:30:00Z"), status: "IN_PROGRESS", category: "DAMAGES", source: "COURT" });
    // registered in March, succeeded at 01:00 on 1 April (Shanghai): accepted, not concluded
    await row({ ...A, createdAt: t("2026-03-10T02:00:00Z"), status: "SUCCEEDED", endedAt: t("2026-03-31T17:00:00Z"), category: "CONTRACT", source: "APPLICATION" });
    // another county
    const countyB = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    await row({ regionId: countyB.id, organizationId: n.cityCentre.id, createdAt: t("2026-03-05T02:00:00Z"), status: "SUCCEEDED", endedAt: t("2026-03-06T02:00:00Z"), category: "NEIGHBOUR", source: "APPLICATION" });

    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const f = must(await run(mediationIndicators, { from: "2026-03-01", to: "2026-03-31" }, leader));
    expect(f).toMatchObject({
      period: { from: "2026-03-01", to: "2026-03-31" },
      accepted: 6, refused: 1, concluded: 4, successful: 2,
      successRate: { numerator: 2, denominator: 4, rate: 0.5 },
      courtConfirmed: 1, performed: 1, performanceChecked: 2,
      performanceRate: { numerator: 1, denominator: 2, rate: 0.5 },
      major: 2, crimePrevented: 1,
      definition: MEDIATION_INDICATOR_DEFINITION,
    });
    const cat = Object.fromEntries(f.byCategory.map((r) => [r.key, [r.accepted, r.concluded, r.successful]]));
    expect(cat.NEIGHBOUR).toEqual([3, 2, 1]);
    expect(cat.DAMAGES).toEqual([2, 1, 1]);
    expect(cat.CONTRACT).toEqual([1, 1, 0]);
    expect(cat.LABOUR).toEqual([0, 0, 0]);
    expect(f.byCategory.find((r) => r.key === "NEIGHBOUR")!.successRate.rate).toBe(0.5);
    expect(f.byCategory.find((r) => r.key === "LABOUR")!.successRate.rate).toBeNull();
    const src = Object.fromEntries(f.bySource.map((r) => [r.key, [r.accepted, r.concluded, r.successful]]));
    expect(src).toEqual({ PROACTIVE: [1, 1, 0], APPLICATION: [3, 1, 1], COURT: [2, 1, 1], POLICE: [0, 1, 0], PETITION: [0, 0, 0] });

    const admin = await makeActor({ role: "ADMIN" });
    const all = must(await run(mediationIndicators, { from: "2026-03-01", to: "2026-03-31" }, admin));
    expect(all).toMatchObject({ accepted: 7, concluded: 5, successful: 3 });

    const otherLeader = await makeActor({ role: "LEADER", regionId: countyB.id });
    const b = must(await run(mediationIndicators, { from: "2026-03-01", to: "2026-03-31" }, otherLeader));
    expect(b).toMatchObject({ accepted: 1, concluded: 1, successful: 1, successRate: { rate: 1 } });

    expect(await run(mediationIndicators, {}, mediator)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(mediationIndicators, { from: "2026-04-01", to: "2026-03-01" }, leader)).toMatchObject({
      ok: false, code: "VALIDATION", fieldErrors: { to: ["截止日期不能早于起始日期"] },
    });
  });
});
