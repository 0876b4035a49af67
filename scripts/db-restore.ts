import path from "node:path";
import { restoreDatabase } from "@/lib/system/backup";
import { withAppDatabase } from "./database";

// `npm run db:restore -- <file> [--replace]`: restores a db:backup file into the app's database in
// one transaction, after checking its sha256. Over a database that has data only with --replace.

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("用法：npm run db:restore -- <备份文件> [--replace]");
  process.exit(2);
}
try {
  await withAppDatabase((url) => restoreDatabase({ file: path.resolve(file), url, replace: args.includes("--replace") }));
  console.log(`已恢复：${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
