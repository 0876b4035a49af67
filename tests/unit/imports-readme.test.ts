import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importColumnsMarkdown } from "@/lib/imports/templates";
import { KINDS } from "@/lib/imports/columns";

// The README documents every import column; its tables are generated from the column definitions.
// After changing lib/imports/columns.ts, paste the new tables into the README's "历史数据导入" section:
//   npx tsx -e 'import("./lib/imports/templates.ts").then((m) => console.log(m.importColumnsMarkdown()))'
const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");

describe("README 历史数据导入", () => {
  it("holds the column tables exactly as the definitions generate them", () => {
    expect(readme).toContain(importColumnsMarkdown());
  });

  it("lists every column of every kind, with its English name and whether it is required", () => {
    for (const spec of Object.values(KINDS)) {
      for (const [field, c] of Object.entries(spec.columns)) {
        const line = readme.split("\n").find((l) => l.startsWith(`| ${c.header} | \`${field}\` |`));
        expect(line, `${spec.kind} ${c.header}`).toBeDefined();
        expect(line).toContain(c.required ? "必填" : "选填");
      }
    }
  });
});
