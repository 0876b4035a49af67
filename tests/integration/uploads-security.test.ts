import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork, makeUser } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { FileDownload } from "@/lib/api/file-download";
import { actorForUser, type Actor } from "@/lib/auth/actor";
import { submitWorkOrder } from "@/lib/work-orders/create-work-order";
import { checkAttachments, downloadAttachment } from "@/lib/work-orders/attachments";
import { MAX_ATTACHMENT_BYTES } from "@/lib/work-orders/schemas";
import { AppError } from "@/lib/errors";

// Issue 9, web hardening: an upload is judged by its bytes and its size, kept outside public/, and
// comes back only through the scoped API door, as a download (never rendered in the portal's origin).

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const STORAGE_DIR = process.env.STORAGE_DIR!;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
const PDF = new TextEncoder().encode("%PDF-1.7\n");

function must<T>(r: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}

/** Every stored file whose bytes contain `marker` (other suites share the folder, so count only ours). */
async function storedWith(marker: string): Promise<string[]> {
  const files = await fs.readdir(STORAGE_DIR, { recursive: true, withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const f of files.filter((e) => e.isFile())) {
    const full = path.join(f.parentPath, f.name);
    if ((await fs.readFile(full)).includes(marker)) found.push(full);
  }
  return found;
}

/**
 * What the API door (lib/api/route.ts) answers for a download: the use case's FileDownload as a
 * Response. (The route itself, over HTTP, is read in tests/e2e/security-headers.spec.ts.)
 */
async function download(actor: Actor, number: string, id: number) {
  const r = must(await execute(downloadAttachment, { number, id }, actor, meta));
  expect(r).toBeInstanceOf(FileDownload);
  return (r as FileDownload).toResponse();
}

describe("uploads and downloads", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let resident: Actor;
  const order = { type: "CONSULTATION", subject: "欠条问题", description: "借钱不还，有欠条照片" };

  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    const user = await makeUser({ role: "RESIDENT", phone: "13800000099", name: "吴" });
    resident = (await actorForUser(db, user.id))!;
  });

  it("judges a file by its bytes, not its name or declared type: HTML, SVG and an executable dressed as PDF or image are refused, nothing stored", async () => {
    const marker = `marker-${randomUUID()}`;
    const disguised = [
      new File([`<!doctype html><script>alert(1)</script>${marker}`], "判决书.pdf", { type: "application/pdf" }),
      new File([`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">${marker}</svg>`], "欠条.png", { type: "image/png" }),
      new File([`MZ\x90\x00${marker}`], "照片.jpg", { type: "image/jpeg" }),
      // a real PDF first does not carry a bad second file through
      new File([PDF, marker], "ok.pdf", { type: "application/pdf" }),
    ];
    for (const bad of disguised.slice(0, 3)) {
      const r = await execute(submitWorkOrder, { ...order, regionCode: n.villageA.code, attachments: [disguised[3], bad] }, resident, meta);
      expect(r).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { attachments: [expect.stringContaining("不是图片或 PDF")] } });
    }
    expect(await db.workOrder.count()).toBe(0);
    expect(await db.workOrderAttachment.count()).toBe(0);
    expect(await storedWith(marker)).toEqual([]);
  });

  it("refuses a file over 10 MB in the input schema, and again in the check every upload passes", async () => {
    const big = () => new File([PDF, new Uint8Array(MAX_ATTACHMENT_BYTES + 1 - PDF.length)], "扫描件.pdf", { type: "application/pdf" });
    const r = await execute(submitWorkOrder, { ...order, regionCode: n.villageA.code, attachments: [big()] }, resident, meta);
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "attachments.0": ["每个附件不能超过 10MB"] } });
    expect(await db.workOrder.count()).toBe(0);

    // a use case whose schema forgot the limit is still covered
    const refused = await checkAttachments([big()]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "RULE_VIOLATION", message: expect.stringContaining("超过 10MB") });
    // exactly 10 MB is allowed
    const limit = new File([PDF, new Uint8Array(MAX_ATTACHMENT_BYTES - PDF.length)], "扫描件.pdf");
    expect(await checkAttachments([limit])).toHaveLength(1);
  });

  it("stores accepted files under STORAGE_DIR, outside public/, readable by the server's user only", async () => {
    const marker = `marker-${randomUUID()}`;
    const png = new Uint8Array([...PNG, ...new TextEncoder().encode(marker)]);
    must(await execute(submitWorkOrder, { ...order, regionCode: n.villageA.code, attachments: [new File([png], "欠条.png")] }, resident, meta));
    const att = await db.workOrderAttachment.findFirstOrThrow();
    expect(att.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/);

    const [file] = await storedWith(marker);
    expect(file).toBe(path.join(STORAGE_DIR, att.storageKey));
    const publicDir = path.resolve("public");
    expect(path.relative(publicDir, path.resolve(file)).startsWith("..")).toBe(true);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it("serves a file only through the scoped door: attachment with its Chinese name, nosniff, no caching; another station gets 404", async () => {
    const png = new Uint8Array([...PNG, 1, 2, 3]);
    const created = must(await execute(submitWorkOrder, { ...order, regionCode: n.villageA.code, attachments: [new File([png], "张三的欠条(1).png")] }, resident, meta));
    const att = await db.workOrderAttachment.findFirstOrThrow();
    const room = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    const otherStation = await makeActor({ role: "STAFF", organizationId: n.stationB.id });

    const res = await download(room, created.number, att.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="download.png"; filename*=UTF-8''${"%E5%BC%A0%E4%B8%89%E7%9A%84%E6%AC%A0%E6%9D%A1%281%29.png"}`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);

    // outside the actor's scope the file does not exist (404 at the door), and no bytes are read
    expect(await execute(downloadAttachment, { number: created.number, id: att.id }, otherStation, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });

    expect(await execute(downloadAttachment, { number: created.number, id: att.id }, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("never labels a download as something a browser would render as a page", async () => {
    const created = must(await execute(submitWorkOrder, { ...order, regionCode: n.villageA.code, attachments: [new File([new Uint8Array(PNG)], "a.png")] }, resident, meta));
    const att = await db.workOrderAttachment.findFirstOrThrow();
    // a row written by some other path (an import, a hand fix) with a dangerous label and name
    await db.workOrderAttachment.update({ where: { id: att.id }, data: { contentType: "text/html", fileName: 'x"; filename=evil.html' } });
    const room = await makeActor({ role: "STAFF", organizationId: n.roomA.id });

    const res = await download(room, created.number, att.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="download.html"; filename*=UTF-8''x%22%3B%20filename%3Devil.html`);
  });
});
