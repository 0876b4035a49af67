import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "./helpers/db";
import { allUseCases } from "./helpers/use-cases";
import { buildAuthzFixtures, ROLES, type AuthzFixtures } from "./helpers/authz-fixtures";
import { callAndRollBack, missingVariant, resourceKeys, type Call } from "./helpers/authz-harness";
import { CITY_WIDE_INPUTS, OWN_INPUTS, SCOPE_EXEMPT } from "./helpers/authz-inputs";
import { can, isPublic, PERMISSIONS } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AnyUseCase } from "@/lib/api/use-case";

// Issue 9, item 1: the authorization matrix. Every use case in lib/ (found from the code, so a new
// one is covered without anyone listing it) × every role, anonymous and an API client, against the
// permission table; then every use case that names a record × every role it is granted to, county A's
// actor against county B's, on a real database. Calls run in transactions that are rolled back
// (helpers/authz-harness.ts), so one set of fixtures serves every call.

const root = path.resolve(import.meta.dirname, "../..");
const found = allUseCases();
const byName = new Map(found.map((u) => [u.useCase.name, u.useCase]));

const show = (c: Call) => (c.result.ok ? "ok" : `${c.result.code} ${c.result.message}`) + (c.changed.length ? ` wrote ${c.changed.join(",")}` : "");

let f: AuthzFixtures;
beforeAll(async () => {
  await resetDatabase();
  f = await buildAuthzFixtures();
}, 120_000);

describe("the doors are the use cases", () => {
  // Read as text like tests/unit/doors.test.ts: the endpoint list and the actions import next-auth.
  const importsOf = (src: string) => {
    const map = new Map<string, { module: string; exportName: string }>();
    for (const m of src.matchAll(/import\s*\{([^}]+)\}\s*from\s*"@\/(lib\/[^"]+)"/g)) {
      for (const part of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
        const [exportName, local] = part.replace(/^type\s+/, "").split(/\s+as\s+/);
        map.set((local ?? exportName).trim(), { module: `/${m[2]}.ts`, exportName: exportName.trim() });
      }
    }
    return map;
  };
  const known = new Set(found.map((u) => `${u.module}:${u.exportName}`));
  // Use cases defined next to their door in app/ (they need the Next runtime): each must reuse a lib/
  // use case's permission and input, so the matrix's rows for that use case cover it.
  const APP_DEFINED: Record<string, { reuses: string; why: string }> = {
    "/app/track/grant-cookie.ts:verifyAndGrant": { reuses: "verifyLookupCode", why: "sets the progress grant as an httpOnly cookie" },
  };
  for (const [ref, { reuses }] of Object.entries(APP_DEFINED)) {
    const src = fs.readFileSync(path.join(root, ref.slice(1, ref.indexOf(":"))), "utf8");
    if (src.includes(`permission: ${reuses}.permission`) && src.includes(`input: ${reuses}.input`)) known.add(ref);
  }
  const resolve = (file: string, src: string, local: string) => {
    const imported = importsOf(src).get(local);
    if (imported) return `${imported.module}:${imported.exportName}`;
    // a relative import from the door's own folder (app/track/grant-cookie.ts)
    const rel = src.match(new RegExp(`import\\s*\\{[^}]*\\b${local}\\b[^}]*\\}\\s*from\\s*"(\\.[^"]+)"`));
    if (rel) return `/${path.join(path.dirname(file), rel[1])}.ts:${local}`;
    return `${file}:${local} (not imported)`;
  };

  it("every API endpoint's use case is one the matrix runs (the inline OpenAPI description is public)", () => {
    const file = "lib/api/v1/endpoints.ts";
    const src = fs.readFileSync(path.join(root, file), "utf8");
    const refs = [...src.matchAll(/useCase: (\w+),/g)].map((m) => m[1]);
    const inline = [...src.matchAll(/useCase: defineUseCase\(\{\s*name: "([^"]+)",\s*permission: "([^"]+)"/g)].map((m) => ({ name: m[1], permission: m[2] }));
    expect(refs.length + inline.length).toBe([...src.matchAll(/defineEndpoint\(/g)].length);
    expect(refs.map((r) => resolve(file, src, r)).filter((r) => !known.has(r))).toEqual([]);
    // a use case defined in the endpoint list is outside allUseCases(): only a public one may be
    expect(inline.filter((u) => !isPublic(u.permission as keyof typeof PERMISSIONS))).toEqual([]);
  });

  it("every server action and every page read goes through a use case the matrix runs", () => {
    const files = fs.readdirSync(path.join(root, "app"), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /^(actions\.ts|page\.tsx|layout\.tsx|route\.ts)$/.test(e.name))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
    const missing: string[] = [];
    let doors = 0;
    for (const file of files) {
      const src = fs.readFileSync(path.join(root, file), "utf8");
      for (const m of src.matchAll(/(?:serverAction|loadPage)\(\s*(\w+)/g)) {
        doors += 1;
        const ref = resolve(file, src, m[1]);
        if (!known.has(ref)) missing.push(`${file}: ${m[1]} → ${ref}`);
      }
    }
    console.log(`authz: ${doors} server-action and page doors, all over the ${found.length} use cases`);
    expect(doors).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

describe("role dimension: every use case × every role, anonymous and an API client", () => {
  it("refuses exactly the roles the permission table refuses, writing nothing but the refusal's audit event", async () => {
    const actors: { label: string; actor: Actor | null }[] = [
      { label: "anonymous", actor: null },
      ...ROLES.map((r) => ({ label: r === "ADMIN" ? "ADMIN (county A)" : r, actor: f.a[r] })),
      { label: "ADMIN (city-wide)", actor: f.cityAdmin },
      { label: "API client (STAFF)", actor: f.api },
    ];
    const problems: string[] = [];
    const matrix: string[] = [];
    let cells = 0;
    let denied = 0;
    for (const { useCase: uc } of found) {
      const input = OWN_INPUTS[uc.name]?.input(f) ?? {};
      const cellsOf = actors.map(({ label, actor }) => ({ label, actor, allowed: isPublic(uc.permission) || (!!actor && can(actor.role, uc.permission)) }));
      cells += cellsOf.length;
      // Refused calls only write their audit event, so they run side by side; allowed ones one by one
      // (their writes take row locks). An allowed call's writes are the use case's business.
      const refused = cellsOf.filter((c) => !c.allowed);
      denied += refused.length;
      const refusedCalls = await Promise.all(refused.map((c) => callAndRollBack(uc, input, c.actor)));
      refused.forEach(({ label, actor }, i) => {
        const call = refusedCalls[i];
        const where = `${uc.name} [${uc.permission}] as ${label}`;
        const expected = actor ? "FORBIDDEN" : "UNAUTHENTICATED";
        if (call.result.ok || call.result.code !== expected) problems.push(`UNEXPECTED ALLOW ${where}: ${show(call)}`);
        if (call.changed.length) problems.push(`WROTE WHEN REFUSED ${where}: ${call.changed.join(",")}`);
        const audits = call.audits.map((a) => `${a.action}:${a.result}`);
        const expectedAudits = actor ? [`${uc.name}:DENIED`] : [];
        if (JSON.stringify(audits) !== JSON.stringify(expectedAudits)) problems.push(`AUDIT ${where}: ${audits.join(",") || "none"}`);
      });
      const through: string[] = refused.filter((_, i) => !(!refusedCalls[i].result.ok && ["FORBIDDEN", "UNAUTHENTICATED"].includes(refusedCalls[i].result.code))).map((c) => c.label);
      for (const { label, actor } of cellsOf.filter((c) => c.allowed)) {
        const call = await callAndRollBack(uc, input, actor, { track: false });
        const where = `${uc.name} [${uc.permission}] as ${label}`;
        // The wrapper's refusal is audited DENIED without detail (a use case's own refusal carries its
        // code); its "sign in first" is its own message. A use case may still refuse by its own rules.
        const wrapperRefused = call.audits.some((a) => a.action === uc.name && a.result === "DENIED" && a.detail === null);
        const wrapperUnauthenticated = !call.result.ok && call.result.code === "UNAUTHENTICATED" && call.result.message === "请先登录";
        if (wrapperRefused || wrapperUnauthenticated) problems.push(`UNEXPECTED DENY ${where}: ${show(call)}`);
        else through.push(label);
        if (!call.result.ok && call.result.code === "INTERNAL") problems.push(`INTERNAL ${where}: ${show(call)}`);
      }
      const order = actors.map((a) => a.label);
      through.sort((x, y) => order.indexOf(x) - order.indexOf(y));
      matrix.push(`${uc.name} [${uc.permission}${uc.write ? ", write" : ""}]: ${through.length === actors.length ? "everyone" : through.join(", ") || "nobody"}`);
    }
    console.log(`authz role matrix: ${found.length} use cases × ${actors.length} actors = ${cells} calls, ${denied} refused, ${cells - denied} allowed; unexpected: ${problems.length}`);
    expect(problems).toEqual([]);
    expect(cells).toBe(found.length * actors.length);
    // Who gets through each door, as observed: the permission table can change only with a reviewed
    // change of this file (`vitest -u` rewrites it; the diff shows every door a role gained or lost).
    await expect(matrix.join("\n") + "\n").toMatchFileSnapshot("./__snapshots__/authz-matrix.txt");
  }, 300_000);
});

describe("city-wide operations: a county's admin is refused", () => {
  // An admin may be scoped to a region (lib/auth/scope.ts). The admin's writes that name no record —
  // the calendar, the time-limit rules, imports, the overdue job — reach every county, so only a
  // city-wide admin may run them (requireCityWideAdmin). Found from the code: a new such write is covered.
  const EXTRA_CITY_WIDE = ["imports.list", "imports.read"]; // reads of the whole city's import batches
  const cityWide = found
    .map((u) => u.useCase)
    .filter((uc) => {
      const grantees = PERMISSIONS[uc.permission as keyof typeof PERMISSIONS] as readonly string[];
      return (uc.write && grantees.length === 1 && grantees[0] === "ADMIN" && resourceKeys(uc.input).length === 0) || EXTRA_CITY_WIDE.includes(uc.name);
    });

  it("refuses a region-scoped admin and lets the city-wide admin through, for each", async () => {
    const problems: string[] = [];
    for (const uc of cityWide) {
      const input = OWN_INPUTS[uc.name]?.input(f) ?? CITY_WIDE_INPUTS[uc.name]?.(f) ?? {};
      const county = await callAndRollBack(uc, input, f.a.ADMIN);
      if (county.result.ok || county.result.code !== "FORBIDDEN") problems.push(`COUNTY ADMIN ALLOWED ${uc.name}: ${show(county)}`);
      if (county.changed.length) problems.push(`COUNTY ADMIN WROTE ${uc.name}: ${county.changed.join(",")}`);
      const city = await callAndRollBack(uc, input, f.cityAdmin, { track: false });
      if (!city.result.ok && ["FORBIDDEN", "VALIDATION", "INTERNAL"].includes(city.result.code)) problems.push(`CITY ADMIN REFUSED ${uc.name}: ${show(city)}`);
    }
    console.log(`authz city-wide: ${cityWide.length} operations (${cityWide.map((u) => u.name).join(", ")})`);
    expect(cityWide.length).toBeGreaterThanOrEqual(7);
    expect(problems).toEqual([]);
  }, 120_000);
});

describe("scope dimension: county A's records × county B's actors", () => {
  it("covers every use case that names a record (or exempts it with a reason)", () => {
    const uncovered = found
      .filter(({ useCase: uc }) => resourceKeys(uc.input).length > 0)
      .map(({ useCase: uc }) => uc.name)
      .filter((name) => !OWN_INPUTS[name] && !SCOPE_EXEMPT[name]);
    expect(uncovered, "add an OWN_INPUTS entry (or a SCOPE_EXEMPT reason) in tests/integration/helpers/authz-inputs.ts").toEqual([]);
    const stale = [...Object.keys(OWN_INPUTS), ...Object.keys(SCOPE_EXEMPT)].filter((name) => !byName.has(name));
    expect(stale).toEqual([]);
    for (const name of Object.keys(SCOPE_EXEMPT)) expect(OWN_INPUTS[name], name).toBeUndefined();
  });

  it("A's actor reaches A's record; B's actor of the same role is answered as for a record that does not exist, and nothing is written", async () => {
    const problems: string[] = [];
    let cases = 0;
    for (const [name, entry] of Object.entries(OWN_INPUTS)) {
      const uc = byName.get(name) as AnyUseCase | undefined;
      if (!uc) continue;
      const key = entry.key ?? resourceKeys(uc.input)[0];
      const grantees = (PERMISSIONS[uc.permission as keyof typeof PERMISSIONS] as readonly string[]).filter((g): g is Role => g !== "PUBLIC");
      const roles = entry.roles ?? grantees;
      const pairs: { label: string; own: Actor; foreign: Actor }[] = roles.map((r) => ({ label: r, own: f.a[r], foreign: f.b[r] }));
      if (roles.includes("STAFF")) pairs.push({ label: "API client (STAFF)", own: f.api, foreign: f.apiB });
      const input = entry.input(f);
      const missing = missingVariant(input, key);
      for (const { label, own, foreign } of pairs) {
        cases += 1;
        const where = `${name} as ${label} (${key})`;
        const mine = await callAndRollBack(uc, input, own);
        if (!mine.result.ok && ["NOT_FOUND", "FORBIDDEN", "VALIDATION", "UNAUTHENTICATED", "INTERNAL"].includes(mine.result.code)) {
          problems.push(`OWN SCOPE REFUSED ${where}: ${show(mine)} ${JSON.stringify(mine.result.fieldErrors ?? {})}`);
        }
        const theirs = await callAndRollBack(uc, input, foreign);
        const none = await callAndRollBack(uc, missing, foreign);
        if (theirs.changed.length) problems.push(`FOREIGN WROTE ${where}: ${show(theirs)}`);
        const mode = entry.foreign ?? "hidden";
        if (mode === "refused") {
          if (theirs.result.ok) problems.push(`FOREIGN NOT REFUSED ${where}: ${show(theirs)}`);
          continue;
        }
        if (mode === "hidden" && (theirs.result.ok || !["NOT_FOUND", "FORBIDDEN"].includes(theirs.result.code))) {
          problems.push(`FOREIGN NOT HIDDEN ${where}: ${show(theirs)}`);
        }
        const answer = (c: Call) =>
          JSON.stringify(c.result.ok ? { ok: true, data: (entry.compare ?? ((d) => d))(c.result.data) } : { ok: false, code: c.result.code, message: c.result.message, fieldErrors: c.result.fieldErrors });
        if (answer(theirs) !== answer(none)) {
          problems.push(`EXISTENCE LEAK ${where}: A's record → ${show(theirs)}; no record → ${show(none)}`);
        }
        if (mode === "sameAsMissing") {
          // not vacuous: A's own actor does tell its record from a missing one (B's sameness then means something)
          const ownNone = await callAndRollBack(uc, missing, own);
          if (answer(mine) === answer(ownNone)) problems.push(`VACUOUS ${where}: A's actor gets the same for its record as for none: ${show(mine)}`);
        }
      }
    }
    console.log(`authz scope matrix: ${Object.keys(OWN_INPUTS).length} use cases naming a record, ${cases} own/foreign pairs; exempt: ${Object.keys(SCOPE_EXEMPT).length}; problems: ${problems.length}`);
    expect(problems).toEqual([]);
  }, 300_000);
});
