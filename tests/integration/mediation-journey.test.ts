import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { meta, must } from "./helpers/legal-aid";
import { execute } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import type { MediationSource } from "@/lib/generated/prisma/enums";
import { addDays, shanghaiDate } from "@/lib/calendar/working-days";
import { applyForMediation, recordConsent, registerMediationCase } from "@/lib/mediation/intake";
import { assignMediator, escalateMediation, recordFailure, recordSession, scheduleSession } from "@/lib/mediation/steps";
import { recordAgreement } from "@/lib/mediation/agreement";
import { recordConfirmation } from "@/lib/mediation/confirmation";
import { recordPerformance } from "@/lib/mediation/follow-up";
import { getMediationCase } from "@/lib/mediation/queries";

// Issue 6's proof in one place: every source, from intake to the performance follow-up, through the
// same doors the pages and the API use; then the failure path and the escalation.

const VILLAGE_A = "369901001001";
const today = () => shanghaiDate(new Date());

describe("mediation journey: every source → mediator → session → agreement → confirmation → performance", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let mediator: Actor;
  let centreStaff: Actor;
  let resident: Actor;

  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    mediator = await makeActor({ role: "MEDIATOR", organizationId: n.roomA.id, name: "老娘舅" });
    centreStaff = await makeActor({ role: "STAFF", organizationId: n.centre.id, name: "中心窗口" });
    resident = await makeActor({ role: "RESIDENT", name: "陈秀兰", phone: "13900000001" });
  });

  const parties = [{ role: "APPLICANT", name: "甲方", phone: "13600000001" }, { role: "RESPONDENT", name: "乙方", phone: "13600000002" }];

  /** A case of the given source in 东村 (the village room's committee), by the door that source uses. */
  async function intake(source: MediationSource): Promise<string> {
    if (source === "APPLICATION") {
      const { number } = must(
        await execute(
          applyForMediation,
          { category: "NEIGHBOUR", regionCode: VILLAGE_A, summary: "邻居排水沟堵塞，雨水倒灌进我家院子。", self: {}, parties: [{ role: "RESPONDENT", name: "乙方", phone: "13600000002" }] },
          resident,
          meta,
        ),
      );
      const other = await db.mediationParty.findFirstOrThrow({ where: { case: { workOrder: { number } }, consent: "PENDING" } });
      expect(must(await execute(recordConsent, { number, partyId: other.id, agreed: "yes" }, mediator, meta)).status).toBe("ACCEPTED");
      return number;
    }
    const referral = source === "PROACTIVE" ? undefined : { authority: { COURT: "甲县人民法院", POLICE: "东镇派出所", PETITION: "甲县信访局" }[source], reference: `${source}-001` };
    const r = must(
      await execute(
        registerMediationCase,
        { source, category: "NEIGHBOUR", regionCode: VILLAGE_A, summary: "邻居排水沟堵塞，雨水倒灌进院子。", parties, referral, screeningNote: source === "PROACTIVE" ? "网格员走访发现" : undefined },
        // the committee finds its own disputes (主动排查); referrals arrive at the county centre's desk
        source === "PROACTIVE" ? mediator : centreStaff,
        meta,
      ),
    );
    expect(r).toMatchObject({ status: "ACCEPTED", committee: { id: n.roomA.id } });
    return r.number;
  }

  for (const source of ["APPLICATION", "PROACTIVE", "COURT", "POLICE", "PETITION"] as const) {
    it(`${source}: settled, confirmed by the court and performed`, async () => {
      const number = await intake(source);
      must(await execute(assignMediator, { number, mediatorUserId: mediator.userId!, chosenByParties: source === "APPLICATION" ? "on" : "" }, mediator, meta));
      const s = must(await execute(scheduleSession, { number, scheduledAt: `${addDays(today(), 1)}T09:30`, placeKind: "ROOM", place: "东村调解室" }, mediator, meta));
      must(await execute(recordSession, { number, sessionId: s.sessionId, attendees: "甲方、乙方、调解员", minutes: "双方同意共同疏通排水沟，费用各半。" }, mediator, meta));
      const agreed = must(
        await execute(
          recordAgreement,
          {
            number, facts: "排水沟堵塞致雨水倒灌。", disputes: "疏通责任和费用。", responsibilities: "双方共同负责。", terms: "三日内共同疏通，费用各半。",
            performanceManner: "共同施工，现金分摊", performanceDueOn: addDays(today(), 3), signedOn: today(),
          },
          mediator,
          meta,
        ),
      );
      expect(agreed.status).toBe("SUCCEEDED");
      must(await execute(recordConfirmation, { number, step: "APPLIED", appliedOn: today(), court: "甲县人民法院" }, mediator, meta));
      must(await execute(recordConfirmation, { number, step: "ACCEPTED", acceptedOn: today() }, mediator, meta));
      must(await execute(recordConfirmation, { number, step: "RESULT", granted: "yes", note: "确认有效" }, mediator, meta));
      must(await execute(recordPerformance, { number, result: "PERFORMED", note: "已疏通" }, mediator, meta));

      const c = await db.mediationCase.findFirstOrThrow({ where: { workOrder: { number } }, include: { workOrder: { include: { events: { orderBy: { id: "asc" } } } } } });
      expect(c).toMatchObject({ source, status: "SUCCEEDED", confirmationGranted: true, performance: "PERFORMED", mediatorUserId: mediator.userId });
      expect(c.workOrder).toMatchObject({ type: "MEDIATION", status: "CLOSED", closedOnTime: true, organizationId: n.roomA.id });
      expect(c.workOrder.channel).toBe({ APPLICATION: "WEB", PROACTIVE: "WALK_IN", COURT: "COURT_REFERRAL", POLICE: "POLICE_REFERRAL", PETITION: "PETITION_REFERRAL" }[source]);
      const kinds = c.workOrder.events.map((e) => e.kind);
      expect(kinds.filter((k) => k !== "MEDIATION_CONSENT")).toEqual([
        "CREATED", "MEDIATOR_ASSIGNED", "SESSION_SCHEDULED", "SESSION_HELD", "MEDIATION_SUCCEEDED",
        "CONFIRMATION_RECORDED", "CONFIRMATION_RECORDED", "CONFIRMATION_RECORDED", "PERFORMANCE_CHECKED",
      ]);
      // the case stays readable with its whole history
      const view = must(await execute(getMediationCase, { number }, mediator, meta));
      expect(view.events.length).toBe(kinds.length);
    });
  }

  it("failure: the parties are told their other routes; escalation village → station keeps the history", async () => {
    const failed = await intake("PROACTIVE");
    must(await execute(assignMediator, { number: failed, mediatorUserId: mediator.userId! }, mediator, meta));
    must(await execute(recordFailure, { number: failed, reason: "双方对费用分担分歧过大。", routesTold: ["LITIGATION", "ADMINISTRATIVE"] }, mediator, meta));
    expect(await db.mediationCase.findFirstOrThrow({ where: { workOrder: { number: failed } } })).toMatchObject({ status: "FAILED", routesTold: ["LITIGATION", "ADMINISTRATIVE"] });
    expect(await db.notification.count({ where: { recipientPhone: "13600000002", body: { contains: "向人民法院提起诉讼" } } })).toBe(1);

    const hard = await intake("COURT");
    must(await execute(assignMediator, { number: hard, mediatorUserId: mediator.userId! }, mediator, meta));
    must(await execute(escalateMediation, { number: hard, reason: "涉及多户，村调委会调解不了" }, mediator, meta));
    const up = await db.mediationCase.findFirstOrThrow({ where: { workOrder: { number: hard } }, include: { workOrder: { include: { events: true } } } });
    expect(up.workOrder.organizationId).toBe(n.stationA.id);
    expect(up.status).toBe("ACCEPTED");
    expect(up.workOrder.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["CREATED", "MEDIATOR_ASSIGNED", "ESCALATED"]));
    expect(await execute(getMediationCase, { number: hard }, mediator, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const stationMediator = await makeActor({ role: "MEDIATOR", organizationId: n.stationA.id });
    expect(must(await execute(getMediationCase, { number: hard }, stationMediator, meta)).events.length).toBe(up.workOrder.events.length);
  });
});
