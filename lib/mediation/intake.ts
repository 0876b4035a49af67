import { createHash } from "node:crypto";
import type { MediationSource, MediationStatus, WorkOrderChannel } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase } from "@/lib/api/use-case";
import { encryptField } from "@/lib/crypto";
import { ruleViolation } from "@/lib/errors";
import { toDbDate } from "@/lib/calendar/working-days";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { claimIdempotencyKey, completeIdempotencyKey, createWorkOrder } from "@/lib/work-orders/create-work-order";
import {
  addMediationEvent, closeMediationOrder, lockMediation, lockMediationById, notifyCommittee, notifyParties, partyLink, requireMediationStatus,
  type LockedMediation,
} from "@/lib/mediation/case";
import { MEDIATION_CATEGORY_LABELS, OTHER_ROUTES, PARTY_ROLE_LABELS, REFERRAL_SOURCES, type OtherRoute } from "@/lib/mediation/labels";
import {
  ApplyMediationInput, RecordConsentInput, RegisterMediationInput, type PartyInput, type RegisteredMediationCase,
} from "@/lib/mediation/schemas";
import { recordConsents } from "@/lib/personal-data/consent";
import { MEDIATION_NOTICE } from "@/lib/personal-data/categories";

// 人民调解 intake (人民调解法 Art. 17–18): a party applies online, the committee registers a walk-in or a
// case it found in dispute screening (主动排查), or a court / police / petitions office refers one
// (三调联动). Every door creates a MEDIATION work order (routing, the one-month limit on the working-day
// calendar, the timeline) and its case record with the parties, in one transaction. When one side
// applied, the other side must agree first (Art. 17): the committee records each answer.

const REFERRAL_CHANNEL: Partial<Record<MediationSource, WorkOrderChannel>> = {
  COURT: "COURT_REFERRAL",
  POLICE: "POLICE_REFERRAL",
  PETITION: "PETITION_REFERRAL",
};

/** Art. 17's refusal, as the order's result and the parties' notice say it. */
export const REFUSAL_RESULT = "对方当事人拒绝调解，依法不予调解（人民调解法第十七条）";
const ROUTES_TEXT = Object.values(OTHER_ROUTES).join("、");

type NewCase = {
  source: MediationSource;
  channel: WorkOrderChannel;
  status: MediationStatus;
  category: keyof typeof MEDIATION_CATEGORY_LABELS;
  regionCode: string;
  summary: string;
  amountInvolved?: number;
  peopleInvolved?: number;
  major: boolean;
  crimeRisk: boolean;
  referral?: { authority: string; reference: string; deadline?: string };
  screeningNote?: string;
  /** in order; the resident's own row (with their account) first when they applied */
  parties: (PartyInput & { userId: number | null; idCipher?: string | null })[];
  requester: { userId: number | null; name: string; phone: string };
  receiver: { userId: number | null; organizationId: number } | null;
};

/** "张三、李四等 25 方": who the case is between, for subjects and notices. */
export function partiesText(names: string[], max = 3): string {
  const shown = names.slice(0, max).join("、");
  return names.length > max ? `${shown}等 ${names.length} 方` : shown;
}

/**
 * The resident account of each party with a phone, so they can follow the case online (as walk-in
 * legal-aid applicants are linked).
 */
async function linkAccounts(db: Tx, parties: PartyInput[]): Promise<(PartyInput & { userId: number | null })[]> {
  const phones = [...new Set(parties.map((p) => p.phone).filter((p): p is string => !!p))];
  const users = phones.length
    ? await db.user.findMany({ where: { phone: { in: phones }, active: true, memberships: { some: { role: "RESIDENT" } } }, select: { id: true, phone: true } })
    : [];
  const byPhone = new Map(users.map((u) => [u.phone, u.id]));
  return parties.map((p) => ({ ...p, userId: p.phone ? (byPhone.get(p.phone) ?? null) : null }));
}

async function createCase(db: Tx, actor: Actor, c: NewCase): Promise<RegisteredMediationCase> {
  const category = MEDIATION_CATEGORY_LABELS[c.category];
  const order = await createWorkOrder(db, {
    channel: c.channel,
    type: "MEDIATION",
    regionCode: c.regionCode,
    subject: `${category}：${partiesText(c.parties.map((p) => p.name))}`.slice(0, 120),
    description: c.summary,
    category: c.category,
    requester: c.requester,
    receiver: c.receiver,
    actorName: actor.name,
  });
  const now = new Date();
  const awaiting = c.status === "AWAITING_CONSENT";
  const created = await db.mediationCase.create({
    select: { id: true },
    data: {
      workOrderId: order.id,
      source: c.source,
      category: c.category,
      status: c.status,
      amountInvolved: c.amountInvolved ?? null,
      peopleInvolved: Math.max(c.peopleInvolved ?? c.parties.length, 2),
      major: c.major,
      crimeRisk: c.crimeRisk,
      referralAuthority: c.referral?.authority ?? null,
      referralReference: c.referral?.reference ?? null,
      referralDeadline: c.referral?.deadline ? toDbDate(c.referral.deadline) : null,
      screeningNote: c.source === "PROACTIVE" ? (c.screeningNote ?? null) : null,
      parties: {
        create: c.parties.map((p, i) => ({
          role: p.role,
          name: p.name,
          phone: p.phone ?? null,
          idCipher: p.idNumber ? encryptField(p.idNumber) : (p.idCipher ?? null),
          address: p.address ?? null,
          agentName: p.agentName ?? null,
          agentPhone: p.agentPhone ?? null,
          userId: p.userId,
          // Art. 17: whoever applied has agreed; the others are asked. Otherwise all agreed at intake.
          consent: awaiting && p.role !== "APPLICANT" ? "PENDING" : "AGREED",
          consentAt: awaiting && p.role !== "APPLICANT" ? null : now,
          sortOrder: i,
        })),
      },
    },
  });
  if (c.source === "APPLICATION") {
    // 个人信息保护法 Art. 14: whoever applied consented (the form's notice) to the committee processing
    // their personal information for this mediation; the other side consents when they agree.
    await recordConsents(
      db,
      order.id,
      c.parties.filter((p) => p.role === "APPLICANT").map((p) => ({ userId: p.userId, subjectName: p.name, purpose: "PERSONAL_INFO" as const, noticeVersion: MEDIATION_NOTICE, givenAt: now })),
    );
  }
  const locked = await lockMediationById(db, created.id);
  if (!locked) throw new Error("mediation case vanished in its own transaction");
  const number = order.number;
  const committee = order.organization.name;

  if (c.status === "ACCEPTED" && c.source === "APPLICATION") {
    await addMediationEvent(db, locked, "MEDIATION_CONSENT", actor, { reason: "登记时各方当事人均表示同意调解" });
  }
  // The requester heard from createWorkOrder; the other parties learn of the case here.
  const requesterKey = c.requester.userId ? `u${c.requester.userId}` : c.requester.phone ? `p${c.requester.phone}` : null;
  const told = new Set(requesterKey ? [requesterKey] : []);
  const byName = partiesText(c.parties.filter((p) => p.role === "APPLICANT").map((p) => p.name)) || committee;
  for (const p of c.parties) {
    const key = p.userId ? `u${p.userId}` : p.phone ? `p${p.phone}` : null;
    if (!key || told.has(key)) continue;
    told.add(key);
    const body = awaiting
      ? `${byName}就${category}向${committee}申请人民调解（编号 ${number}）。调解员会与您联系，征求您是否同意调解；人民调解遵循自愿原则，不收费。`
      : `您作为${PARTY_ROLE_LABELS[p.role]}的${category}已由${committee}登记调解（编号 ${number}），调解员会与您联系。人民调解不收费。`;
    if (p.userId) {
      await enqueueNotification(db, { channel: "IN_APP", recipientUserId: p.userId, body, link: partyLink(number), workOrderId: order.id });
    } else if (p.phone) {
      await enqueueNotification(db, { channel: "SMS", recipientPhone: p.phone, body, workOrderId: order.id });
    }
  }
  const referral = c.referral ? `（${c.referral.authority}${c.referral.deadline ? `，委派期限 ${c.referral.deadline}` : ""}）` : "";
  await notifyCommittee(
    db,
    locked,
    awaiting
      ? `新的人民调解申请 ${number}（${category}），请联系对方当事人征求是否同意调解。`
      : `新的调解案件 ${number}（${category}${referral}），请安排调解员。`,
  );
  return { number, status: c.status, committee: order.organization, dueAt: order.dueAt };
}

/** Idempotency-Key around an intake: the same key and body replays the first reply; another body is a conflict. */
async function once(db: Tx, actor: Actor, key: string | undefined, request: object, run: () => Promise<RegisteredMediationCase>) {
  if (!key) return run();
  const hash = createHash("sha256").update(JSON.stringify(request)).digest("hex");
  const replay = await claimIdempotencyKey<RegisteredMediationCase>(db, actor, key, hash);
  if (replay) return replay;
  const result = await run();
  await completeIdempotencyKey(db, actor, key, result);
  return result;
}

/**
 * 申请调解: a resident applies online. They are the first applicant (name and phone from their
 * account); the other side must agree before mediation starts (Art. 17), so the case waits for the
 * committee to record each respondent's answer.
 */
export const applyForMediation = defineUseCase({
  name: "mediation.apply",
  permission: "mediation.apply",
  write: true,
  input: ApplyMediationInput,
  target: (_i, r: RegisteredMediationCase) => ({ type: "MediationCase", id: r.number }),
  async run({ db, actor, input }) {
    const { idempotencyKey, self, parties, ...matter } = input;
    return once(db, actor, idempotencyKey, { ...matter, self, parties }, async () => {
      const me = await db.user.findUniqueOrThrow({ where: { id: actor.userId ?? -1 }, select: { id: true, name: true, phone: true, idNumberCipher: true } });
      if (!me.phone) throw ruleViolation("请先在账号中登记手机号，以便调解员联系您", "_form");
      const others = await linkAccounts(db, parties);
      return createCase(db, actor, {
        ...matter,
        source: "APPLICATION",
        channel: "WEB",
        status: "AWAITING_CONSENT",
        // The account's ID number is already encrypted: copied as is, never decrypted here.
        parties: [{ role: "APPLICANT", name: me.name, phone: me.phone, address: self.address, userId: me.id, idCipher: me.idNumberCipher }, ...others],
        requester: { userId: me.id, name: me.name, phone: me.phone },
        receiver: null,
      });
    });
  },
});

/**
 * 登记调解案件: the committee's staff and mediators register a walk-in, a proactive case (主动排查) or
 * a referral; a court's, police or petitions system uses the same door through
 * POST /api/v1/mediation/cases. Proactive cases and referrals are accepted at once; a walk-in is
 * accepted when every party said yes at the window, else it waits for the other side's consent.
 * A walk-in stays with the committee that registered it when the matter is in its area; other
 * cases go to the lowest tier on the matter's region (a village room, else the township station).
 */
export const registerMediationCase = defineUseCase({
  name: "mediation.intake",
  permission: "mediation.intake",
  write: true,
  input: RegisterMediationInput,
  target: (_i, r: RegisteredMediationCase) => ({ type: "MediationCase", id: r.number }),
  async run({ db, actor, input }) {
    const organizationId = actor.organizationId;
    if (!organizationId) throw ruleViolation("只有调解组织或服务网点的人员可以登记调解案件", "_form");
    const { idempotencyKey, channel, allAgreed, referral, screeningNote, ...rest } = input;
    const isReferral = REFERRAL_SOURCES.includes(input.source);
    const request = { ...rest, channel, allAgreed, referral: isReferral ? referral : undefined, screeningNote };
    return once(db, actor, idempotencyKey, request, async () => {
      const parties = await linkAccounts(db, rest.parties);
      // The requester of the order (the one told its number): the first applicant, else the first party.
      const first = parties.find((p) => p.role === "APPLICANT") ?? parties[0];
      const accepted = input.source !== "APPLICATION" || allAgreed;
      return createCase(db, actor, {
        ...rest,
        referral: isReferral ? referral : undefined,
        screeningNote,
        channel: REFERRAL_CHANNEL[input.source] ?? channel,
        status: accepted ? "ACCEPTED" : "AWAITING_CONSENT",
        parties,
        // A party without a mobile (a company, a proactive case) has no requester phone: nobody to text.
        requester: { userId: first.userId, name: first.name.slice(0, 40), phone: first.phone ?? "" },
        receiver: { userId: actor.userId, organizationId },
      });
    });
  },
});

/**
 * Art. 17: a party's answer to whether they agree to mediation. A refusal ends it — no mediation,
 * the order closes and every party is told their other routes. When the last party agrees, the
 * case is accepted and waits for a mediator. The caller holds the case lock.
 */
async function answerConsent(db: Tx, actor: Actor, c: LockedMediation, partyId: number, agreed: boolean, note: string | undefined) {
  requireMediationStatus(c, ["AWAITING_CONSENT"], "登记当事人是否同意调解");
  const party = await db.mediationParty.findFirst({ where: { id: partyId, caseId: c.id }, select: { id: true, name: true, role: true, consent: true, userId: true } });
  if (!party) throw ruleViolation("该当事人不属于本案件", "partyId");
  if (party.consent !== "PENDING") throw ruleViolation(`已登记过${party.name}的意见`, "partyId");
  const now = new Date();
  const who = `${PARTY_ROLE_LABELS[party.role]}${party.name}`;
  await db.mediationParty.update({ where: { id: party.id }, data: { consent: agreed ? "AGREED" : "REFUSED", consentAt: now } });
  if (agreed && party.userId) {
    // a party with an account agreeing to mediation agrees to the committee processing their data for it
    await recordConsents(db, c.workOrder.id, [{ userId: party.userId, subjectName: party.name, purpose: "PERSONAL_INFO", noticeVersion: MEDIATION_NOTICE, givenAt: now }]);
  }

  if (!agreed) {
    const reason = `${who}拒绝调解${note ? `：${note}` : ""}`.slice(0, 500);
    const routes = Object.keys(OTHER_ROUTES) as OtherRoute[];
    await db.mediationCase.update({ where: { id: c.id }, data: { status: "REFUSED", refusalNote: reason, endedAt: now, routesTold: routes } });
    await closeMediationOrder(db, c, actor, REFUSAL_RESULT, now);
    await addMediationEvent(db, c, "MEDIATION_REFUSED", actor, { reason, body: REFUSAL_RESULT });
    await notifyParties(
      db,
      c,
      `调解案件 ${c.workOrder.number}：${who}不同意调解，依法不予调解（人民调解法第十七条）。您可以通过${ROUTES_TEXT}等途径解决纠纷，需要帮助可拨打 12348。`,
    );
    return { number: c.workOrder.number, status: "REFUSED" as MediationStatus };
  }

  const pending = await db.mediationParty.count({ where: { caseId: c.id, consent: "PENDING" } });
  if (pending > 0) {
    await addMediationEvent(db, c, "MEDIATION_CONSENT", actor, { reason: `${who}同意调解`, body: note ?? null });
    return { number: c.workOrder.number, status: "AWAITING_CONSENT" as MediationStatus };
  }
  await db.mediationCase.update({ where: { id: c.id }, data: { status: "ACCEPTED" } });
  await addMediationEvent(db, c, "MEDIATION_CONSENT", actor, { reason: `${who}同意调解，各方当事人均已同意，案件受理`, body: note ?? null });
  await notifyParties(db, c, `调解案件 ${c.workOrder.number}：各方当事人均已同意调解，${c.workOrder.organization.name}将安排调解员与您联系。`);
  await notifyCommittee(db, c, `调解案件 ${c.workOrder.number} 各方已同意调解，请安排调解员。`);
  return { number: c.workOrder.number, status: "ACCEPTED" as MediationStatus };
}

/** The committee records what a contacted party said. */
export const recordConsent = defineUseCase({
  name: "mediation.consent",
  permission: "mediation.process",
  write: true,
  input: RecordConsentInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    return answerConsent(db, actor, c, input.partyId, input.agreed, input.note);
  },
});

/** A party with an account answers online, for themself only. */
export const respondToMediation = defineUseCase({
  name: "mediation.respond",
  permission: "mediation.respond",
  write: true,
  input: RecordConsentInput.omit({ partyId: true }),
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    const me = await db.mediationParty.findFirst({ where: { caseId: c.id, userId: actor.userId ?? -1, consent: "PENDING" }, select: { id: true } });
    if (!me) throw ruleViolation("您不是需要答复的当事人，或已经答复过", "_form");
    return answerConsent(db, actor, c, me.id, input.agreed, input.note);
  },
});
