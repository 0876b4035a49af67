import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import { decryptField, encryptField } from "@/lib/crypto";
import { forbidden } from "@/lib/errors";
import { logger } from "@/lib/logger";

// 草稿: a resident can stop half-way through the application form and come back. The draft is the
// form's raw values (not validated: half-filled is the point), one per user, stored encrypted
// because it holds an ID number. Files are not kept; the resident chooses them again.

export const MAX_DRAFT_BYTES = 20 * 1024;
const MAX_DRAFT_DEPTH = 8;

export type DraftValues = Record<string, string>;

/**
 * The form's values as a flat record of dotted names ("applicant.name"), which is how the form's
 * inputs are named; nested objects (as formDataToObject builds them) are flattened back. Files and
 * anything that is not text are dropped; of a repeated name the first value is kept.
 */
export function flattenDraft(value: unknown, prefix = "", out: DraftValues = {}, depth = 0): DraftValues {
  // the form nests three levels at most; deeper values are not the form's (and would exhaust the stack)
  if (depth > MAX_DRAFT_DEPTH) return out;
  if (typeof value === "string") {
    if (prefix) out[prefix] = value;
  } else if (typeof value === "number" || typeof value === "boolean") {
    if (prefix) out[prefix] = String(value);
  } else if (Array.isArray(value)) {
    const first = value.find((v) => typeof v === "string");
    if (prefix && first !== undefined) out[prefix] = first;
  } else if (value && typeof value === "object" && !(value instanceof Blob)) {
    for (const [k, v] of Object.entries(value)) flattenDraft(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  }
  return out;
}

export const SaveDraftInput = z
  .unknown()
  .transform((raw) => flattenDraft(raw))
  .refine((v) => Buffer.byteLength(JSON.stringify(v), "utf8") <= MAX_DRAFT_BYTES, "草稿内容过多（超过 20KB），无法保存，请精简案情简述后再试");

function userOf(actor: Actor): number {
  if (!actor.userId) throw forbidden();
  return actor.userId;
}

/** Saves (replaces) the signed-in resident's draft. */
export const saveLegalAidDraft = defineUseCase({
  name: "legalAid.draft.save",
  permission: "legalAid.draft",
  write: true,
  input: SaveDraftInput,
  async run({ db, actor, input }) {
    const userId = userOf(actor);
    const cipher = encryptField(JSON.stringify(input));
    const row = await db.legalAidDraft.upsert({ where: { userId }, create: { userId, cipher }, update: { cipher } });
    return { savedAt: row.updatedAt.toISOString() };
  },
});

/** The signed-in resident's draft values, or null when there is none. */
export const getLegalAidDraft = defineUseCase({
  name: "legalAid.draft.get",
  permission: "legalAid.draft",
  write: false,
  input: z.object({}),
  // the draft holds the applicant's ID number in full; the actor is its owner, so no target
  audit: "view",
  async run({ db, actor }): Promise<DraftValues | null> {
    const row = await db.legalAidDraft.findUnique({ where: { userId: userOf(actor) } });
    if (!row) return null;
    try {
      return flattenDraft(JSON.parse(decryptField(row.cipher)));
    } catch (err) {
      // e.g. written under a rotated key: an unreadable draft is as good as none
      logger.warn({ err, userId: row.userId }, "legal-aid draft unreadable");
      return null;
    }
  },
});

/** Throws away the signed-in resident's draft. */
export const discardLegalAidDraft = defineUseCase({
  name: "legalAid.draft.discard",
  permission: "legalAid.draft",
  write: true,
  input: z.object({}),
  async run({ db, actor }) {
    const { count } = await db.legalAidDraft.deleteMany({ where: { userId: userOf(actor) } });
    return { discarded: count > 0 };
  },
});
