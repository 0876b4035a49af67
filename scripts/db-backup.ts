import path from "node:path";
import { backupDatabase } from "@/lib/system/backup";
import { withAppDatabase } from "./database";

// `npm run db:backup [-- --dir <folder>]`: a timestamped pg_dump (custom format) of the app's
// database — DATABASE_URL, or the embedded one `npm start` uses — into backups/ (or --dir).

const i = process.argv.indexOf("--dir");
const dir = path.resolve(i > 0 ? process.argv[i + 1] : "backups");
try {
  const backup = await withAppDatabase((url) => backupDatabase({ url, dir }));
  console.log(`备份完成：${backup.file}\n大小 ${(backup.bytes / 1024 / 1024).toFixed(2)} MB，sha256 ${backup.sha256}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
