import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork, makeUser } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { actorForUser } from "@/lib/auth/actor";
import { DEFAULT_SERVICES } from "@/lib/network/rules";
import { getServicePoint } from "@/lib/network/service-point";
import { submitWorkOrder } from "@/lib/work-orders/create-work-order";
import { listInbox } from "@/lib/work-orders/queries";

// The public page of one service point (and its QR poster) and the consultation sent straight to it.

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
type Net = Awaited<ReturnType<typeof makeSmallNetwork>>;

function must<T>(r: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}

describe("a service point's public page", () => {
  let n: Net;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    for (const org of [n.centre, n.stationA, n.roomA, n.roomB]) {
      await db.organization.update({ where: { id: org.id }, data: { services: DEFAULT_SERVICES[org.tier] } });
    }
  });

  it("shows anyone the point's public facts and nothing about its people", async () => {
    await db.organization.update({
      where: { id: n.roomA.id },
      data: { legalAdviserName: "谢律师", legalAdviserPhone: "13999990000", phone: "0797-8123456", services: ["MEDIATION", "CONSULTATION", "LEGAL_AID"] },
    });
    await makeUser({ role: "STAFF", organizationId: n.roomA.id, name: "工作人员甲", phone: "13988887777", username: "room.staff" });

    const point = must(await execute(getServicePoint, { id: String(n.roomA.id) }, null, meta));
    expect(point).toEqual({
      id: n.roomA.id,
      name: "东村公共法律服务工作室",
      tier: "ROOM",
      address: "测试地址1号",
      phone: "0797-8123456",
      openingHours: "工作日 9:00-17:00",
      // catalogue order, whatever order the admin ticked them in
      services: ["CONSULTATION", "LEGAL_AID", "MEDIATION"],
      legalAdviserName: "谢律师",
      regions: [
        { code: "369901000000", name: "甲县", level: "COUNTY" },
        { code: "369901001000", name: "东镇", level: "TOWNSHIP" },
        { code: "369901001001", name: "东村", level: "VILLAGE" },
      ],
      parent: { id: n.stationA.id, name: "东镇公共法律服务工作站" },
      // a room has no complaints desk
      requestTypes: ["CONSULTATION", "OTHER"],
    });
    const text = JSON.stringify(point);
    for (const secret of ["13999990000", "13988887777", "工作人员甲", "room.staff", n.roomA.path]) expect(text).not.toContain(secret);

    // a station takes complaints too
    expect(must(await execute(getServicePoint, { id: n.stationA.id }, null, meta)).requestTypes).toEqual(["CONSULTATION", "COMPLAINT", "OTHER"]);
  });

  it("answers 404 for unknown ids and a validation error for malformed ones", async () => {
    expect(await execute(getServicePoint, { id: "999999" }, null, meta)).toMatchObject({ ok: false, code: "NOT_FOUND", message: "网点不存在或您无权查看" });
    for (const id of ["abc", "-3", "1.5", ""]) {
      expect(await execute(getServicePoint, { id }, null, meta), id).toMatchObject({ ok: false, code: "VALIDATION" });
    }
  });

  describe("a consultation sent from the page", () => {
    const matter = { type: "CONSULTATION", regionCode: "369901001001", subject: "承包地被占怎么办", description: "邻居把我家承包地占了一块。", attachments: [] };
    let resident: NonNullable<Awaited<ReturnType<typeof actorForUser>>>;
    beforeEach(async () => {
      const user = await makeUser({ role: "RESIDENT", phone: "13800000066", name: "扫码群众" });
      resident = (await actorForUser(db, user.id))!;
    });

    it("goes to the chosen point instead of the routed one, and its staff see it", async () => {
      // routing alone sends a village consultation to the village's room
      const routed = must(await execute(submitWorkOrder, matter, resident, meta));
      expect(routed.organization.id).toBe(n.roomA.id);

      // from the township station's page (the form posts its id as a string)
      const chosen = must(await execute(submitWorkOrder, { ...matter, organizationId: String(n.stationA.id) }, resident, meta));
      expect(chosen.organization).toEqual({ id: n.stationA.id, name: "东镇公共法律服务工作站" });
      const order = await db.workOrder.findUniqueOrThrow({
        where: { number: chosen.number },
        select: { organizationId: true, firstOrganizationId: true, channel: true, requesterUserId: true, events: { select: { kind: true, toOrganizationId: true } } },
      });
      expect(order).toEqual({
        organizationId: n.stationA.id, firstOrganizationId: n.stationA.id, channel: "WEB", requesterUserId: resident.userId,
        events: [{ kind: "CREATED", toOrganizationId: n.stationA.id }],
      });
      const stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
      const inbox = must(await execute(listInbox, {}, stationStaff, meta));
      expect(inbox.items.map((o: { number: string }) => o.number)).toContain(chosen.number);
      const sms = await db.notification.findFirstOrThrow({ where: { recipientUserId: resident.userId ?? -1, body: { contains: chosen.number } } });
      expect(sms.body).toContain("东镇公共法律服务工作站");
    });

    it("refuses a point that does not exist or does not take that kind of request, writing nothing", async () => {
      const unknown = await execute(submitWorkOrder, { ...matter, organizationId: 999999 }, resident, meta);
      expect(unknown).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { organizationId: [expect.stringContaining("所选服务网点不存在")] } });
      const complaint = await execute(submitWorkOrder, { ...matter, type: "COMPLAINT", organizationId: n.roomA.id }, resident, meta);
      expect(complaint).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { type: ["东村公共法律服务工作室不办理这类事项，请换一类事项，或不指定网点由系统就近分派"] } });
      const malformed = await execute(submitWorkOrder, { ...matter, organizationId: "abc" }, resident, meta);
      expect(malformed).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { organizationId: ["服务网点无效"] } });
      expect(await db.workOrder.count()).toBe(0);
      // the same complaint at the station, which has a complaints desk, goes through
      const ok = must(await execute(submitWorkOrder, { ...matter, type: "COMPLAINT", organizationId: n.stationA.id }, resident, meta));
      expect(ok.organization.id).toBe(n.stationA.id);
    });

    it("is for signed-in residents only", async () => {
      expect(await execute(submitWorkOrder, { ...matter, organizationId: n.roomA.id }, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
      const staff = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
      expect(await execute(submitWorkOrder, { ...matter, organizationId: n.roomA.id }, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await db.workOrder.count()).toBe(0);
    });
  });
});
