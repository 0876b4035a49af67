import { decryptField, encryptField } from "@/lib/crypto";

// A JSON column that may hold sensitive details (the application's economic basis names an Art. 42
// group — "disabled without income", "minor" — or an Art. 32 situation such as abuse victim) is
// stored sealed: { sealed: "<AES-256-GCM ciphertext of the JSON>" }. Rows written before (and the
// historical import's { imported: true }) are plain JSON and are read as they are.

export type Sealed = { sealed: string };

export function sealJson(value: unknown): Sealed {
  return { sealed: encryptField(JSON.stringify(value)) };
}

export function openJson(stored: unknown): unknown {
  if (stored && typeof stored === "object" && !Array.isArray(stored) && typeof (stored as Sealed).sealed === "string") {
    return JSON.parse(decryptField((stored as Sealed).sealed));
  }
  return stored;
}
