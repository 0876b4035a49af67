import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubText } from "@/lib/logger";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// No personal data in logs (issue 9 item 4): the logger's output, captured in memory, never holds an
// ID number, a mobile number or a personal field's value — however the caller passed them.

const ID = "33010219800101123" + idNumberCheckChar("33010219800101123");
const ID_X = (() => {
  // an ID whose check character is X
  for (let seq = 100; seq < 999; seq++) {
    const first17 = `3301021980010${String(seq).padStart(4, "0")}`;
    if (idNumberCheckChar(first17) === "X") return first17 + "X";
  }
  throw new Error("no X check character found");
})();
const PHONE = "13812345678";
const NAME = "陈秀兰";
const ADDRESS = "东村 3 组 12 号";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger(stream, "info");
  return { logger, text: () => lines.join("") };
}

const expectClean = (text: string) => {
  expect(text).not.toContain(ID);
  expect(text).not.toContain(ID.slice(0, 17));
  expect(text).not.toContain(ID_X);
  expect(text).not.toContain(PHONE);
  expect(text).not.toContain(NAME);
  expect(text).not.toContain(ADDRESS);
};

describe("log redaction", () => {
  it("blanks personal fields by name, at the top and nested", () => {
    const { logger, text } = capture();
    logger.info(
      {
        idNumber: ID,
        phone: PHONE,
        applicant: { applicantName: NAME, applicantPhone: PHONE, address: ADDRESS },
        input: { requester: { name: NAME, phone: PHONE } },
        workOrderId: 42,
      },
      "application saved",
    );
    expectClean(text());
    // what is not personal stays readable
    expect(JSON.parse(text())).toMatchObject({ msg: "application saved", workOrderId: 42, phone: "[Redacted]" });
  });

  it("scrubs ID and mobile numbers from any string, whatever the field is called, and from the message", () => {
    const { logger, text } = capture();
    logger.warn(
      { note: `申请人身份证 ${ID}，电话 ${PHONE}`, list: [`+86 ${PHONE}`, ID_X.toLowerCase()], deep: { a: { b: { c: { d: `tel:${PHONE}` } } } } },
      `lookup for ${PHONE} failed (${ID})`,
    );
    expectClean(text());
    expectClean(text().toUpperCase());
  });

  it("scrubs an Error's message and stack, its own fields and its cause, passed as err or alone", () => {
    const { logger, text } = capture();
    const cause = new Error(`duplicate key (phone)=(${PHONE})`);
    const error = Object.assign(new Error(`Invalid \`prisma.legalAidApplication.create()\` invocation: applicantIdNumber: "${ID}", applicantPhone: "${PHONE}"`, { cause }), {
      code: "P2002",
      meta: { target: ["phone"], params: [PHONE, ID] },
    });
    logger.error({ err: error, useCase: "legalAid.apply" }, "use case failed");
    logger.error(error);
    logger.error(new Error(`call ${PHONE}`), "with a message of its own");
    const out = text();
    expectClean(out);
    const lines = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ useCase: "legalAid.apply", msg: "use case failed", err: { type: "Error", code: "P2002", message: expect.stringContaining("[Redacted]") } });
    expect(lines[0].err.stack).toContain("[Redacted]");
    expect(lines[1].msg).toContain("[Redacted]");
  });

  it("scrubs child loggers' bindings", () => {
    const { logger, text } = capture();
    logger.child({ caller: PHONE }).info({ x: 1 }, "child");
    expectClean(text());
  });

  it("leaves other numbers alone: ids, timestamps, amounts, work-order numbers", () => {
    expect(scrubText("order 369901-20261122-0000017, 1764760000000 ms, 20000 元, id 12345678901234")).toBe(
      "order 369901-20261122-0000017, 1764760000000 ms, 20000 元, id 12345678901234",
    );
    expect(scrubText(`${PHONE}/${ID}`)).toBe("[Redacted]/[Redacted]");
  });
});
