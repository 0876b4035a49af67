import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { AttachmentPurpose } from "@/lib/generated/prisma/enums";
import { defineUseCase } from "@/lib/api/use-case";
import { workOrderScope } from "@/lib/auth/scope";
import { AppError, notFound, ruleViolation } from "@/lib/errors";
import { cleanFileName, sniffFile, type AcceptedFile } from "@/lib/files/sniff";
import { scanFile } from "@/lib/files/scan";
import { storage } from "@/lib/files/storage";
import { FileDownload } from "@/lib/api/file-download";
import { idParam } from "@/lib/validation";
import { MAX_ATTACHMENT_BYTES, WorkOrderNumber } from "@/lib/work-orders/schemas";

type Checked = { file: File; bytes: Uint8Array; kind: AcceptedFile };

/**
 * Reads and checks every file before anything is stored: at most 10 MB, images (JPEG, PNG, WebP) and
 * PDF only, by content, then the virus scan (lib/files/scan.ts). A scanner that cannot answer refuses
 * the upload. (The input schemas limit the size too; this is the one place every upload passes.)
 */
export async function checkAttachments(files: File[]): Promise<Checked[]> {
  const checked: Checked[] = [];
  for (const file of files) {
    if (file.size > MAX_ATTACHMENT_BYTES) throw ruleViolation(`「${cleanFileName(file.name)}」超过 10MB，不能上传`, "attachments");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = sniffFile(bytes);
    if (!kind) throw ruleViolation(`「${cleanFileName(file.name)}」不是图片或 PDF 文件，请重新选择`, "attachments");
    const scan = await scanFile(bytes, file.name).catch((e: unknown) => {
      throw e instanceof AppError ? ruleViolation(e.message, "attachments") : e;
    });
    if (!scan.clean) throw ruleViolation(`「${cleanFileName(file.name)}」未通过安全检查，不能上传`, "attachments");
    checked.push({ file, bytes, kind });
  }
  return checked;
}

/** Stores checked files and links them to the order; if the database write fails, the stored bytes are removed. */
export async function storeAttachments(
  db: Tx,
  workOrderId: number,
  uploadedByUserId: number | null,
  files: Checked[],
  purpose: AttachmentPurpose = "REQUEST",
) {
  const keys: string[] = [];
  try {
    for (const f of files) {
      const { key, sha256 } = await storage.put(f.bytes, f.kind.extension);
      keys.push(key);
      await db.workOrderAttachment.create({
        data: { workOrderId, fileName: cleanFileName(f.file.name), contentType: f.kind.contentType, size: f.bytes.length, sha256, storageKey: key, uploadedByUserId, purpose },
      });
    }
  } catch (error) {
    await Promise.all(keys.map((k) => storage.remove(k)));
    throw error;
  }
}

/** Download one attachment of an order in the actor's scope; each download is audited (personal data). */
export const downloadAttachment = defineUseCase({
  name: "workOrder.attachment.download",
  permission: "workOrder.read",
  write: false,
  input: z.object({ number: WorkOrderNumber, id: idParam("附件编号") }),
  audit: "view",
  target: (i) => ({ type: "WorkOrderAttachment", id: i.id }),
  async run({ db, actor, input }) {
    const attachment = await db.workOrderAttachment.findFirst({
      where: { id: input.id, workOrder: { AND: [{ number: input.number }, workOrderScope(actor)] } },
    });
    if (!attachment) throw notFound("附件");
    return new FileDownload(await storage.get(attachment.storageKey), attachment.contentType, attachment.fileName);
  },
});
