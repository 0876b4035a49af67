import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

// File storage behind one small interface: the local driver keeps bytes under STORAGE_DIR
// (default .data/uploads, outside public/, so nothing is served without the scoped download door).
// An S3-compatible driver can implement the same three calls when the bureau deploys one.

export interface FileStorage {
  put(bytes: Uint8Array, extension: string): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

const KEY_PATTERN = /^\d{4}\/\d{2}\/[0-9a-f-]{36}\.[a-z]{3,4}$/;

// turbopackIgnore: the storage folder is data chosen at run time, not code for the build to trace.
export function localStorage(root = process.env.STORAGE_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "uploads")): FileStorage {
  const file = (key: string) => {
    // Keys are generated here; refusing anything else keeps a stored key from escaping the root.
    if (!KEY_PATTERN.test(key)) throw new Error("invalid storage key");
    return path.join(/* turbopackIgnore: true */ root, key);
  };
  return {
    async put(bytes, extension) {
      const now = new Date();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}.${extension}`;
      await fs.mkdir(path.dirname(file(key)), { recursive: true });
      await fs.writeFile(file(key), bytes, { flag: "wx", mode: 0o600 });
      return { key, sha256: createHash("sha256").update(bytes).digest("hex") };
    },
    get: async (key) => new Uint8Array(await fs.readFile(file(key))),
    remove: (key) => fs.rm(file(key), { force: true }),
  };
}

export const storage: FileStorage = localStorage();
