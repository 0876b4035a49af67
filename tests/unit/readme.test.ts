import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_API_TOKEN, DEMO_PASSWORD } from "@/lib/seed/demo-accounts";

// The README's demo-account table must stay true to the seed.
const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");

describe("README", () => {
  it("lists every demo account with its name and role, the password and the API token", () => {
    expect(readme).toContain(DEMO_PASSWORD);
    expect(readme).toContain(DEMO_API_TOKEN);
    for (const a of DEMO_ACCOUNTS) {
      const row = readme.split("\n").find((l) => l.startsWith(`| \`${a.username}\``));
      expect(row, a.username).toBeDefined();
      expect(row).toContain(a.name);
      expect(row).toContain(a.label);
      if (a.phone) expect(row).toContain(a.phone);
    }
  });
  it("gives the two commands", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm install && npm test");
  });
});
