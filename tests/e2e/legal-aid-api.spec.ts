import { test, expect } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";
import { idNumberCheckChar } from "@/lib/identity/id-number";

const auth = { authorization: `Bearer ${DEMO_API_TOKEN}` };

test("legal-aid applications through the API: 422 with fields, 201 idempotent, masked read-back", async ({ request }) => {
  const id17 = `36990119800101${String(Date.now()).slice(-3)}`;
  const body = {
    applicant: { name: "刘桂花", idNumber: id17 + idNumberCheckChar(id17), phone: `137${String(Date.now()).slice(-8)}`, address: "文昌社区 5 栋", regionCode: "369901001001" },
    matter: { category: "MAINTENANCE", facts: "儿子长期不给赡养费。", opposingParty: "刘某" },
    aidForm: "CIVIL_REPRESENTATION",
    economic: { basis: "EXEMPT_GROUP", group: "ELDERLY_NO_INCOME" },
    consent: { personalInfo: true },
  };
  const invalid = await request.post("/api/v1/legal-aid/applications", { headers: auth, data: { ...body, applicant: { ...body.applicant, idNumber: "123" }, consent: {} } });
  expect(invalid.status()).toBe(422);
  const err = await invalid.json();
  expect(err.error.code).toBe("VALIDATION");
  expect(Object.keys(err.error.fields)).toEqual(expect.arrayContaining(["applicant.idNumber", "consent.personalInfo"]));

  const key = `la-e2e-${Date.now()}`;
  const first = await request.post("/api/v1/legal-aid/applications", { headers: { ...auth, "idempotency-key": key }, data: body });
  expect(first.status()).toBe(201);
  const created = await first.json();
  expect(created).toMatchObject({ status: "SUBMITTED", number: expect.stringMatching(/^369901-/) });
  const again = await request.post("/api/v1/legal-aid/applications", { headers: { ...auth, "idempotency-key": key }, data: body });
  expect((await again.json()).number).toBe(created.number);

  const read = await request.get(`/api/v1/legal-aid/applications/${created.number}`, { headers: auth });
  expect(read.status()).toBe(200);
  const detail = await read.json();
  expect(detail).toMatchObject({ status: "SUBMITTED", organization: { name: expect.stringContaining("公共法律服务中心") }, applicant: { idNumber: expect.stringMatching(/^3699\*+\d{3}[\dX]$/) } });
  expect(JSON.stringify(detail)).not.toContain(body.applicant.idNumber);
  expect((await request.get(`/api/v1/legal-aid/applications/${created.number}`)).status()).toBe(401);
});
