import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { insertSelectSql, sqlInstant } from "@/lib/sql";
import type { AuditSql } from "@/lib/api/use-case";
import type { WorkOrderChannel } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase } from "@/lib/api/use-case";
import { encryptField, lookupHash } from "@/lib/crypto";
import { ruleViolation } from "@/lib/errors";
import { createWorkOrder, createWorkOrderOnce, type CreatedWorkOrder, type NewOrder } from "@/lib/work-orders/create-work-order";
import { checkAttachments, storeAttachments } from "@/lib/work-orders/attachments";
import { CRIMINAL_SITUATIONS, MATTERS } from "@/lib/legal-aid/eligibility";
import { isCriminalCategory, LegalAidApplicationInput } from "@/lib/legal-aid/application-schemas";
import { z } from "zod";
import { addEvent } from "@/lib/work-orders/process";
import { loadLegalAidLimits } from "@/lib/legal-aid/case";
import { saveChoices } from "@/lib/legal-aid/choice";
import { WorkOrderChannel as Channels } from "@/lib/generated/prisma/enums";
import { consentsInsertSql } from "@/lib/personal-data/consent";
import { sealJson } from "@/lib/personal-data/sealed-json";
import { LEGAL_AID_NOTICE, sensitiveCategoriesOf } from "@/lib/personal-data/categories";

export type SubmittedApplication = { number: string; status: "SUBMITTED"; dueAt: string };

const categoryLabel = (key: string) =>
  (CRIMINAL_SITUATIONS.find((s) => s.key === key) ?? MATTERS.find((m) => m.key === key))?.label ?? key;

/**
 * 法律援助申请: a LEGAL_AID work order (routed to the deciding county centre, 7-working-day decision
 * deadline, timeline, notices) plus its case record and its 证明材料 (purpose REQUEST), in one
 * transaction. The files are checked (type by content, virus scan) before anything is written. The
 * ID numbers are stored only encrypted, with a keyed hash for look-ups.
 */
async function submitApplication(
  db: Tx,
  actor: Actor,
  input: LegalAidApplicationInput,
  door: { channel: WorkOrderChannel; applicantUserId: NewOrder["requester"]["userId"]; receiver: { userId: number | null; organizationId: number } | null },
  auditSql: AuditSql,
): Promise<SubmittedApplication> {
  const { idempotencyKey, attachments, ...request } = input;
  const files = await checkAttachments(attachments);
  const a = request.applicant;
  if (request.matter.urgentDeadline && Number.isNaN(Date.parse(request.matter.urgentDeadline))) {
    throw ruleViolation("日期无效", "matter.urgentDeadline");
  }
  const newOrder: NewOrder = {
    channel: door.channel,
    type: "LEGAL_AID",
    regionCode: a.regionCode,
    subject: `法律援助申请：${categoryLabel(request.matter.category)}`.slice(0, 120),
    description: request.matter.facts,
    category: request.matter.category,
    requester: { userId: door.applicantUserId, name: a.name, phone: a.phone },
    receiver: door.receiver,
    actorName: actor.name,
  };
  const reply = (created: CreatedWorkOrder): SubmittedApplication => ({ number: created.number, status: "SUBMITTED", dueAt: created.dueAt });
  // Files enter the Idempotency-Key's hash by content (a File serialises as {}); without files the hash is the JSON request's.
  const requestHash = () => {
    const fingerprint = files.length ? { ...request, attachments: files.map((f) => createHash("sha256").update(f.bytes).digest("hex")) } : request;
    return createHash("sha256").update(JSON.stringify(fingerprint)).digest("hex");
  };
  const now = new Date();
  const text = (v: string | null | undefined) => Prisma.sql`${v ?? null}::text`;
  // The case record, in the order's own statement (one round trip for order, case, consents and audit).
  const application = insertSelectSql("LegalAidApplication", {
    workOrderId: Prisma.sql`o."id"`,
    applicantUserId: Prisma.sql`o."requesterUserId"`,
    applicantName: text(a.name),
    applicantIdCipher: text(encryptField(a.idNumber)),
    applicantIdHash: text(lookupHash(a.idNumber)),
    applicantPhone: text(a.phone),
    applicantAddress: text(a.address),
    agentName: text(request.agent?.name),
    agentRelation: text(request.agent?.relation),
    agentPhone: text(request.agent?.phone),
    agentIdCipher: text(request.agent?.idNumber ? encryptField(request.agent.idNumber) : null),
    matterKind: Prisma.sql`${
      isCriminalCategory(request.matter.category)
        ? "CRIMINAL"
        : request.matter.kind ?? (request.matter.category === "STATE_COMPENSATION" ? "ADMINISTRATIVE" : "CIVIL")
    }::"LegalAidMatterKind"`,
    matterCategory: text(request.matter.category),
    facts: text(request.matter.facts),
    opposingParty: text(request.matter.opposingParty),
    authority: text(request.matter.authority),
    urgentDeadline: Prisma.sql`${request.matter.urgentDeadline ?? null}::date`,
    aidForm: Prisma.sql`${request.aidForm}::"AidForm"`,
    economicBasis: Prisma.sql`${request.economic.basis}::"EconomicBasis"`,
    // sealed: the basis names Art. 42 groups and Art. 32 situations that are sensitive (disability, minors, abuse)
    economicDetail: Prisma.sql`${JSON.stringify(sealJson(request.economic))}::jsonb`,
    greenChannel: Prisma.sql`${!!request.greenChannel}::boolean`,
    greenChannelReason: text(request.greenChannel),
    personalInfoConsentAt: sqlInstant(now),
    sensitiveInfoConsentAt: sqlInstant(request.consent.sensitiveInfo ? now : null),
    updatedAt: sqlInstant(now),
  }, "o");
  // 个人信息保护法 Art. 14, 29: the consent to process personal information, and the separate one for
  // the sensitive categories the application discloses, each on record with the notice's version.
  // An agent (Art. 40: for an applicant without full capacity) gives them on the applicant's behalf.
  const consentBy = { subjectName: request.agent?.name ?? a.name, noticeVersion: LEGAL_AID_NOTICE, givenAt: now };
  const consents = consentsInsertSql([
    { ...consentBy, purpose: "PERSONAL_INFO" },
    ...(request.consent.sensitiveInfo ? [{ ...consentBy, purpose: "SENSITIVE_INFO" as const, categories: sensitiveCategoriesOf(request, now) }] : []),
  ], "o");
  const options = { now, audit: { sql: auditSql, targetType: "LegalAidApplication" }, also: [application, consents] };
  const written = await (idempotencyKey
    ? createWorkOrderOnce(db, newOrder, { actor, key: idempotencyKey, requestHash: requestHash(), reply }, options)
    : createWorkOrder(db, newOrder, options).then((created) => ({ created, reply: reply(created) }))
  ).catch((e) => {
    // The work-order door reports the region as regionCode; here it is the applicant's.
    if (e?.fieldErrors?.regionCode) throw ruleViolation(e.fieldErrors.regionCode[0], "applicant.regionCode");
    throw e;
  });
  if ("replay" in written) return written.replay;
  const order = written.created;
  if (files.length) await storeAttachments(db, order.id, actor.userId, files, "REQUEST");
  if (request.lawyerChoices?.length) {
    const { maxChoices } = await loadLegalAidLimits(db);
    const { id: applicationId } = await db.legalAidApplication.findUniqueOrThrow({ where: { workOrderId: order.id }, select: { id: true } });
    const list = await saveChoices(db, applicationId, request.lawyerChoices, maxChoices);
    await addEvent(db, { id: order.id }, "LAWYERS_CHOSEN", actor, { body: list });
  }
  return written.reply;
}

/** A resident applies online for themself (or as an agent for a family member); the saved draft is spent. */
export const applyForLegalAid = defineUseCase({
  name: "legalAid.apply",
  permission: "legalAid.apply",
  write: true,
  input: LegalAidApplicationInput,
  async run({ db, actor, input, auditSql }) {
    const submitted = await submitApplication(db, actor, input, { channel: "WEB", applicantUserId: actor.userId, receiver: null }, auditSql);
    if (actor.userId) await db.legalAidDraft.deleteMany({ where: { userId: actor.userId } });
    return submitted;
  },
  target: (_i, r) => ({ type: "LegalAidApplication", id: r.number }),
});

/** Staff at any tier take in a walk-in or hotline application; it goes to the deciding centre. API clients use this door. */
export const takeInLegalAidApplication = defineUseCase({
  name: "legalAid.intake",
  permission: "legalAid.intake",
  write: true,
  // the hotline's and the apps' door: without files or a lawyer choice, the application is the
  // order's one statement (submitApplication writes nothing else), no transaction (issue 10)
  statementWhen: (input) => !input.attachments?.length && !input.lawyerChoices?.length,
  input: z.intersection(LegalAidApplicationInput, z.object({ channel: z.enum(Channels, { error: "请选择来源渠道" }).default("WALK_IN") })),
  async run({ db, actor, input, auditSql }) {
    if (!actor.organizationId) throw ruleViolation("只有网点工作人员可以代为登记申请", "_form");
    const { channel, ...application } = input;
    return submitApplication(db, actor, application as LegalAidApplicationInput, {
      channel,
      // the resident account with the applicant's phone, found by the order's own statement
      applicantUserId: "resident-with-phone",
      receiver: { userId: actor.userId, organizationId: actor.organizationId },
    }, auditSql);
  },
  target: (_i, r) => ({ type: "LegalAidApplication", id: r.number }),
});
