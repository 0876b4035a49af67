import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { workOrderScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { decryptField } from "@/lib/crypto";
import { maskIdNumber, maskPhone } from "@/lib/identity/id-number";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";

/**
 * One application, for its applicant or the staff whose organization subtree holds its work order
 * (the deciding centre, or the point that took it in while it is there). Others get 404.
 * ID numbers are masked here; revealing one in full is a separate, audited step (issue 9).
 */
export const getLegalAidApplication = defineUseCase({
  name: "legalAid.read",
  permission: "legalAid.read",
  write: false,
  input: z.object({ number: WorkOrderNumber }),
  async run({ db, actor, input }) {
    const app = await db.legalAidApplication.findFirst({
      where: { workOrder: { AND: [{ number: input.number }, workOrderScope(actor)] } },
      include: {
        workOrder: {
          select: {
            number: true, status: true, dueAt: true, createdAt: true, channel: true,
            organization: { select: { id: true, name: true } },
            events: { orderBy: { id: "asc" }, select: { at: true, kind: true, reason: true } },
          },
        },
      },
    });
    if (!app) throw notFound("法律援助申请");
    const isStaff = actor.role !== "RESIDENT";
    return {
      number: app.workOrder.number,
      status: app.status,
      decisionDueAt: app.workOrder.dueAt.toISOString(),
      submittedAt: app.workOrder.createdAt.toISOString(),
      channel: app.workOrder.channel,
      organization: app.workOrder.organization,
      applicant: {
        name: app.applicantName,
        idNumber: maskIdNumber(decryptField(app.applicantIdCipher)),
        phone: isStaff ? app.applicantPhone : maskPhone(app.applicantPhone),
        address: app.applicantAddress,
      },
      agent: app.agentName ? { name: app.agentName, relation: app.agentRelation, phone: app.agentPhone ? maskPhone(app.agentPhone) : null } : null,
      matter: {
        kind: app.matterKind, category: app.matterCategory, facts: app.facts, opposingParty: app.opposingParty,
        authority: app.authority, urgentDeadline: app.urgentDeadline?.toISOString().slice(0, 10) ?? null,
      },
      aidForm: app.aidForm,
      economicBasis: app.economicBasis,
      greenChannel: app.greenChannel,
      timeline: app.workOrder.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, reason: e.reason })),
    };
  },
});
