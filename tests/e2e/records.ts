import { execute, type Result } from "@/lib/api/use-case";
import { actorForUser, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addDays, shanghaiDate } from "@/lib/calendar/working-days";
import { idNumberCheckChar } from "@/lib/identity/id-number";
import { intakeWorkOrder, submitWorkOrder } from "@/lib/work-orders/create-work-order";
import { acceptWorkOrder, closeWorkOrder } from "@/lib/work-orders/process";
import { applyForLegalAid } from "@/lib/legal-aid/apply";
import { approveApplication } from "@/lib/legal-aid/review";
import { assignLawyer } from "@/lib/legal-aid/assignment";
import { applyForMediation, recordConsent } from "@/lib/mediation/intake";
import { assignMediator, recordSession, scheduleSession } from "@/lib/mediation/steps";
import { recordAgreement } from "@/lib/mediation/agreement";

// Records the all-routes crawl needs behind its dynamic pages (a resident's work order, a legal-aid
// case with its lawyer, a settled mediation, a rating link), made through the same use cases the
// pages call — in the test process, against the e2e database — so every detail page has something
// real to show. Each call makes new records (numbers are unique), so specs never share state.

const meta = { ip: null, userAgent: "e2e-records" };
const VILLAGE = "369901001001";
const today = () => shanghaiDate(new Date());

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.code} ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

async function actor(username: string): Promise<Actor> {
  const user = await db.user.findFirstOrThrow({ where: { username }, select: { id: true } });
  const a = await actorForUser(db, user.id);
  if (!a) throw new Error(`no actor for ${username}`);
  return a;
}

export type CrawlRecords = {
  workOrder: string;
  legalAid: string;
  mediation: string;
  ratingToken: string;
  lawyerUserId: number;
  organizationId: number;
};

export async function makeCrawlRecords(): Promise<CrawlRecords> {
  const [resident, staffRoom, officer, lawyer, mediator] = await Promise.all(["resident1", "staff.room", "officer", "lawyer1", "mediator.room"].map(actor));
  const stamp = String(Date.now()).slice(-6);

  // a resident's own consultation, accepted and closed by the village room
  const order = must(
    await execute(submitWorkOrder, { type: "CONSULTATION", regionCode: VILLAGE, subject: "宅基地边界咨询", description: "邻居建房占了我家宅基地，想咨询怎么办。", attachments: [] }, resident, meta),
    "submit work order",
  );
  must(await execute(acceptWorkOrder, { number: order.number }, staffRoom, meta), "accept");
  must(await execute(closeWorkOrder, { number: order.number, resultSummary: "已解答：可申请人民调解或向乡镇政府申请确权。" }, staffRoom, meta), "close");

  // a walk-in without an account: closing it texts a rating link (the /rate/{token} page)
  const walkIn = must(
    await execute(
      intakeWorkOrder,
      { channel: "WALK_IN", type: "CONSULTATION", regionCode: VILLAGE, subject: "赡养费咨询", description: "子女不给赡养费怎么办。", requester: { name: "赵大爷", phone: `139${stamp}00`.slice(0, 11) }, confirmDuplicate: true },
      staffRoom,
      meta,
    ),
    "walk-in",
  );
  must(await execute(closeWorkOrder, { number: walkIn.number, resultSummary: "已解答赡养义务和申请调解的途径。" }, staffRoom, meta), "close walk-in");
  const walkInId = (await db.workOrder.findUniqueOrThrow({ where: { number: walkIn.number }, select: { id: true } })).id;
  const sms = await db.notification.findFirstOrThrow({ where: { workOrderId: walkInId, channel: "SMS", link: { startsWith: "/rate/" } }, select: { link: true } });

  // a legal-aid case: applied, approved and assigned to lawyer1
  // region 369901, born 1975-03-15, a sequence from the stamp: a valid, distinct number each call
  const first17 = `36990119750315${stamp.slice(-3)}`;
  const aid = must(
    await execute(
      applyForLegalAid,
      {
        applicant: { name: "王秀英", idNumber: first17 + idNumberCheckChar(first17), phone: "13800000001", address: "文昌社区 3 栋 2 单元", regionCode: VILLAGE },
        matter: { category: "LABOUR", facts: "在工地干了半年，老板拖欠工资两万元。", opposingParty: `某建筑劳务公司${stamp}` },
        aidForm: "LABOUR_ARBITRATION",
        economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 1800, householdSize: 3, signed: "on" } },
        consent: { personalInfo: "on" },
      },
      resident,
      meta,
    ),
    "apply for legal aid",
  );
  must(await execute(approveApplication, { number: aid.number }, officer, meta), "approve");
  // Each crawl adds a case to lawyer1: give the lawyer one more slot so repeated crawls (several
  // specs, a restarted worker) never leave the other specs a lawyer at the cap.
  await db.lawyerProfile.update({ where: { userId: lawyer.userId! }, data: { concurrentCaseCap: { increment: 1 } } });
  must(await execute(assignLawyer, { number: aid.number, lawyerUserId: lawyer.userId }, officer, meta), "assign");

  // a mediation the resident applied for, settled with a written agreement
  const med = must(
    await execute(
      applyForMediation,
      { category: "NEIGHBOUR", regionCode: VILLAGE, summary: "邻居排水沟堵塞，雨水倒灌进我家院子。", self: {}, parties: [{ role: "RESPONDENT", name: "李大伯", phone: "13600000002" }] },
      resident,
      meta,
    ),
    "apply for mediation",
  );
  const other = await db.mediationParty.findFirstOrThrow({ where: { case: { workOrder: { number: med.number } }, consent: "PENDING" }, select: { id: true } });
  must(await execute(recordConsent, { number: med.number, partyId: other.id, agreed: "yes" }, mediator, meta), "consent");
  must(await execute(assignMediator, { number: med.number, mediatorUserId: mediator.userId, chosenByParties: "" }, mediator, meta), "assign mediator");
  const s = must(await execute(scheduleSession, { number: med.number, scheduledAt: `${addDays(today(), 1)}T09:30`, placeKind: "ROOM", place: "文昌社区调解室" }, mediator, meta), "schedule");
  must(await execute(recordSession, { number: med.number, sessionId: s.sessionId, attendees: "双方当事人、调解员", minutes: "双方同意共同疏通排水沟，费用各半。" }, mediator, meta), "session");
  must(
    await execute(
      recordAgreement,
      {
        number: med.number, facts: "排水沟堵塞致雨水倒灌。", disputes: "疏通责任和费用。", responsibilities: "双方共同负责。", terms: "三日内共同疏通，费用各半。",
        performanceManner: "共同施工，现金分摊", performanceDueOn: addDays(today(), 3), signedOn: today(),
      },
      mediator,
      meta,
    ),
    "agreement",
  );

  return {
    workOrder: order.number,
    legalAid: aid.number,
    mediation: med.number,
    ratingToken: sms.link!.slice("/rate/".length),
    lawyerUserId: lawyer.userId!,
    organizationId: staffRoom.organizationId!,
  };
}
