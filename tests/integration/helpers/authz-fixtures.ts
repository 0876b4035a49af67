import { db } from "./db";
import { makeActor, makeOrganization, makeRegion, makeSmallNetwork } from "./factories";
import { makeLawyer, meta, must, sampleApplication } from "./legal-aid";
import { execute } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashToken } from "@/lib/crypto";
import { createWorkOrder, submitWorkOrder } from "@/lib/work-orders/create-work-order";
import { applyForLegalAid } from "@/lib/legal-aid/apply";
import { approveApplication, refuseApplication } from "@/lib/legal-aid/review";
import { assignLawyer } from "@/lib/legal-aid/assignment";
import { declineOffer } from "@/lib/legal-aid/offers";
import { fileObjection } from "@/lib/legal-aid/objection";
import { requestLawyerChange } from "@/lib/legal-aid/aftercare";
import { addParticipant, scheduleSession } from "@/lib/mediation/steps";
import { recordAgreement } from "@/lib/mediation/agreement";
import { addDays, shanghaiDate } from "@/lib/calendar/working-days";
import { setHardshipStandard } from "@/lib/legal-aid/hardship-standards";
import { enterFigure, setTarget } from "@/lib/stats/targets";

// The world the authorization matrix runs in: two counties, A (the small network, 369901) and B
// (369902), each with a county centre, a township station and a village room; every role once in
// each county; and in county A one record of each kind, built through the domain's own use cases
// (a raw row only where no use case reaches the state cheaply). Created once and never changed:
// the matrix runs every call inside a transaction it rolls back (authz-harness.ts).

export const ROLES: Role[] = ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "LAWYER", "MEDIATOR", "LEADER", "ADMIN"];

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const pngFile = (name: string) => new File([png], name, { type: "image/png" });

export async function buildAuthzFixtures() {
  const net = await makeSmallNetwork();
  const countyB = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: net.city.id });
  const townB = await makeRegion({ code: "369902001000", name: "南镇", level: "TOWNSHIP", parentId: countyB.id });
  const villageB = await makeRegion({ code: "369902001001", name: "南村", level: "VILLAGE", parentId: townB.id });
  const centreB = await makeOrganization({ name: "乙县公共法律服务中心", tier: "CENTRE", regionId: countyB.id, parentId: net.cityCentre.id, decidesLegalAid: true });
  const stationB = await makeOrganization({ name: "南镇公共法律服务工作站", tier: "STATION", regionId: townB.id, parentId: centreB.id });
  const roomB = await makeOrganization({ name: "南村公共法律服务工作室", tier: "ROOM", regionId: villageB.id, parentId: stationB.id });
  const A = { county: net.county, town: net.townA, village: net.villageA, centre: net.centre, station: net.stationA, room: net.roomA };
  const B = { county: countyB, town: townB, village: villageB, centre: centreB, station: stationB, room: roomB };

  // Lawyers: a firm in each county, serving its county.
  const firmA = await db.lawFirm.create({ data: { name: "甲县律师事务所", regionId: A.county.id, address: "甲县城路 1 号", phone: "0797-1111111" } });
  const firmB = await db.lawFirm.create({ data: { name: "乙县律师事务所", regionId: B.county.id, address: "乙县城路 1 号", phone: "0797-2222222" } });

  // One actor per role and county. Organization roles sit at the county centre (its subtree is the
  // whole county), leaders and admins on the county region, residents and lawyers are themselves.
  async function actorsOf(side: typeof A, tag: string, phone: string, firmId: number): Promise<Record<Role, Actor>> {
    return {
      RESIDENT: await makeActor({ role: "RESIDENT", name: `${tag}群众`, phone, username: phone }),
      STAFF: await makeActor({ role: "STAFF", organizationId: side.centre.id, name: `${tag}窗口` }),
      LEGAL_AID_OFFICER: await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: side.centre.id, name: `${tag}审查员` }),
      LAWYER: await makeLawyer({ name: `${tag}律师`, firmId, regionIds: [side.county.id] }),
      MEDIATOR: await makeActor({ role: "MEDIATOR", organizationId: side.centre.id, name: `${tag}调解员` }),
      LEADER: await makeActor({ role: "LEADER", regionId: side.county.id, name: `${tag}领导` }),
      ADMIN: await makeActor({ role: "ADMIN", regionId: side.county.id, name: `${tag}管理员` }),
    };
  }
  const a = await actorsOf(A, "甲县", "13812340001", firmA.id);
  const b = await actorsOf(B, "乙县", "13812340002", firmB.id);
  const cityAdmin = await makeActor({ role: "ADMIN", name: "全市管理员" });

  // An API client of county A's centre, acting as STAFF (how the 12348 desk calls the API).
  const client = await db.apiClient.create({
    data: { name: "甲县 12348", role: "STAFF", organizationId: A.centre.id, tokenHash: hashToken("authz-token"), tokenPrefix: "authz-token", createdById: cityAdmin.userId },
  });
  const clientB = await db.apiClient.create({
    data: { name: "乙县 12348", role: "STAFF", organizationId: B.centre.id, tokenHash: hashToken("authz-token-b"), tokenPrefix: "authz-token-", createdById: cityAdmin.userId },
  });
  const apiActor = (c: typeof client, side: typeof A, path: string): Actor => ({
    userId: null, apiClientId: c.id, name: c.name, role: c.role, membershipId: null,
    organizationId: side.centre.id, organizationPath: path, regionId: side.county.id, regionPath: side.county.path,
  });
  const api = apiActor(client, A, A.centre.path);
  const apiB = apiActor(clientB, B, B.centre.path);

  // ── work orders ──
  const order = must(await execute(submitWorkOrder, {
    type: "CONSULTATION", regionCode: A.village.code, subject: "欠薪咨询", description: "老板拖欠工资三个月，想咨询怎么办。", attachments: [pngFile("欠条.png")],
  }, a.RESIDENT, meta));
  const orderAttachment = await db.workOrderAttachment.findFirstOrThrow({ where: { workOrder: { number: order.number } } });

  // ── legal aid ──
  let seq = 0;
  const apply = async (over: Record<string, unknown> = {}) =>
    must(await execute(applyForLegalAid, { ...sampleApplication(++seq), ...over }, a.RESIDENT, meta)).number;
  const officer = a.LEGAL_AID_OFFICER;
  // submitted, nothing decided
  const laSubmitted = await apply();
  // approved and assigned to A's lawyer (with a supporting document the lawyer may open); the
  // applicant asked for another lawyer (a pending request)
  const laAssigned = await apply({ attachments: [pngFile("工资条.png")] });
  const laAttachment = await db.workOrderAttachment.findFirstOrThrow({ where: { workOrder: { number: laAssigned } } });
  must(await execute(approveApplication, { number: laAssigned }, officer, meta));
  must(await execute(assignLawyer, { number: laAssigned, lawyerUserId: a.LAWYER.userId }, officer, meta));
  must(await execute(requestLawyerChange, { number: laAssigned, detail: "律师一直不联系我。" }, a.RESIDENT, meta));
  const changeRequest = await db.legalAidRequest.findFirstOrThrow({ where: { application: { workOrder: { number: laAssigned } } } });
  // approved with A's lawyer chosen: a pending offer
  const laOffered = await apply({ lawyerChoices: [String(a.LAWYER.userId)] });
  must(await execute(approveApplication, { number: laOffered }, officer, meta));
  const offer = await db.legalAidOffer.findFirstOrThrow({ where: { application: { workOrder: { number: laOffered } }, status: "PENDING" } });
  // the only chosen lawyer declined: the case is in the pool
  const laPool = await apply({ lawyerChoices: [String(a.LAWYER.userId)] });
  must(await execute(approveApplication, { number: laPool }, officer, meta));
  const poolOffer = await db.legalAidOffer.findFirstOrThrow({ where: { application: { workOrder: { number: laPool } }, status: "PENDING" } });
  must(await execute(declineOffer, { id: poolOffer.id, reason: "时间冲突" }, a.LAWYER, meta));
  // refused, the applicant objected (the bureau decides)
  const laRefused = await apply();
  must(await execute(refuseApplication, { number: laRefused, reasons: "经审查不符合经济困难标准的规定。" }, officer, meta));
  must(await execute(fileObjection, { number: laRefused, reason: "我家确实困难，有低保证明，请重新审查。" }, a.RESIDENT, meta));

  // ── mediation: a case in progress held by A's village room, A's resident a party ──
  const medOrder = await createWorkOrder(db, {
    channel: "WALK_IN", type: "MEDIATION", regionCode: A.village.code, subject: "宅基地边界纠纷", description: "两户因宅基地边界发生争执。",
    requester: { userId: a.RESIDENT.userId, name: a.RESIDENT.name, phone: "13812340001" }, receiver: null, actorName: a.RESIDENT.name,
  });
  const mediation = await db.mediationCase.create({
    data: {
      workOrderId: medOrder.id, source: "APPLICATION", category: "HOUSING_HOMESTEAD", status: "IN_PROGRESS",
      mediatorUserId: a.MEDIATOR.userId, assignedAt: new Date(),
      parties: {
        create: [
          { role: "APPLICANT", name: a.RESIDENT.name, phone: "13812340001", userId: a.RESIDENT.userId, sortOrder: 0 },
          { role: "RESPONDENT", name: "陈二牛", phone: "13912340002", sortOrder: 1 },
        ],
      },
    },
    include: { parties: { orderBy: { sortOrder: "asc" } } },
  });
  const when = `${addDays(shanghaiDate(new Date()), 3)}T14:30`;
  must(await execute(scheduleSession, { number: medOrder.number, scheduledAt: when, placeKind: "ROOM", place: "东村调解室", public: "on" }, a.STAFF, meta));
  const session = await db.mediationSession.findFirstOrThrow({ where: { caseId: mediation.id } });
  must(await execute(addParticipant, { number: medOrder.number, kind: "POLICE", name: "派出所民警", unit: "东镇派出所" }, a.STAFF, meta));
  const participant = await db.mediationParticipant.findFirstOrThrow({ where: { caseId: mediation.id } });

  // a second case that succeeded with a written agreement (its documents and aftercare exist)
  const doneOrder = await createWorkOrder(db, {
    channel: "COURT_REFERRAL", type: "MEDIATION", regionCode: A.village.code, subject: "买卖合同纠纷", description: "货款纠纷，法院委派调解。",
    requester: { userId: a.RESIDENT.userId, name: a.RESIDENT.name, phone: "13812340001" }, receiver: null, actorName: "测试",
  });
  await db.mediationCase.create({
    data: {
      workOrderId: doneOrder.id, source: "COURT", category: "CONTRACT", status: "IN_PROGRESS", referralAuthority: "甲县人民法院", referralReference: "（2026）甲民调 1 号",
      mediatorUserId: a.MEDIATOR.userId, assignedAt: new Date(),
      parties: {
        create: [
          { role: "APPLICANT", name: a.RESIDENT.name, phone: "13812340001", userId: a.RESIDENT.userId, sortOrder: 0 },
          { role: "RESPONDENT", name: "某商贸公司", phone: "13912340003", sortOrder: 1 },
        ],
      },
    },
  });
  const today = shanghaiDate(new Date());
  must(await execute(recordAgreement, {
    number: doneOrder.number, oral: "", facts: "双方因货款支付发生争议。", disputes: "货款数额", responsibilities: "被申请人逾期付款",
    terms: "被申请人于约定日期前支付货款 1 万元。", performanceManner: "银行转账", performanceDueOn: addDays(today, 10), signedOn: today,
    crimePrevented: "", statusMatter: "",
  }, a.STAFF, meta));

  // ── network, region and admin records in county A ──
  const standard = must(await execute(setHardshipStandard, { regionCode: A.county.code, effectiveFrom: "2026-01-01", monthlyIncomePerCapita: "1200", basis: "甲县民政局 2026 年低保标准" }, cityAdmin, meta));
  const target = must(await execute(setTarget, { indicatorId: "mediation.successRate", regionCode: A.county.code, year: 2026, target: 95 }, cityAdmin, meta));
  const figure = must(await execute(enterFigure, { key: "funding.aidTotal", regionCode: A.county.code, periodStart: "2025-01-01", periodEnd: "2025-12-31", value: 120, source: "决算" }, cityAdmin, meta));
  // the applicant's consent to sensitive data (written by the application where that is in place)
  const laOrder = await db.workOrder.findUniqueOrThrow({ where: { number: laAssigned }, select: { id: true } });
  const consent =
    (await db.consentRecord.findFirst({ where: { userId: a.RESIDENT.userId, purpose: "SENSITIVE_INFO", withdrawnAt: null }, select: { id: true } })) ??
    (await db.consentRecord.create({
      data: { workOrderId: laOrder.id, userId: a.RESIDENT.userId, subjectName: a.RESIDENT.name, purpose: "SENSITIVE_INFO", categories: ["HEALTH"], noticeVersion: "2026-01", givenAt: new Date() },
      select: { id: true },
    }));
  const notices = await db.notification.findMany({ where: { recipientUserId: a.RESIDENT.userId, channel: "IN_APP" }, select: { id: true } });

  return {
    A, B, a, b, cityAdmin, api, apiB, client, clientB, firmA, firmB,
    order: { number: order.number, attachmentId: orderAttachment.id },
    la: { submitted: laSubmitted, assigned: laAssigned, offered: laOffered, pool: laPool, refused: laRefused, attachmentId: laAttachment.id, offerId: offer.id, requestId: changeRequest.id },
    med: { number: medOrder.number, done: doneOrder.number, partyIds: mediation.parties.map((p) => p.id), sessionId: session.id, participantId: participant.id },
    standardId: (standard as { id: number }).id, targetId: (target as { id: number }).id, figureId: (figure as { id: number }).id,
    noticeIds: notices.map((n) => n.id),
    consentId: consent.id,
  };
}

export type AuthzFixtures = Awaited<ReturnType<typeof buildAuthzFixtures>>;
