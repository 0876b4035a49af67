import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every door is found from the code, so a new one is covered automatically: each API route must be
// built by routeHandler() from a registered endpoint, and each server action by serverAction() —
// except next-auth's own sign-in/out doors, listed here by name.
const root = path.resolve(import.meta.dirname, "../..");
// Read as text: importing the endpoint list would pull in next-auth, which needs the Next runtime.
const ENDPOINT_PATHS = [...fs.readFileSync(path.join(root, "lib/api/v1/endpoints.ts"), "utf8").matchAll(/path: "(\/api\/v1\/[^"]+)"/g)].map((m) => m[1]);
function files(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && name.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const NEXT_AUTH_DOORS = new Map([
  ["app/api/auth/[...nextauth]/route.ts", ["GET", "POST"]],
  ["app/actions.ts", ["signOutAction"]],
  ["app/(auth)/login/actions.ts", ["signInWithPassword"]],
  // registers through serverAction(registerResidentUseCase), then signs in through next-auth
  ["app/(auth)/register/actions.ts", ["registerAndSignIn"]],
]);

const exportsOf = (src: string) => [...src.matchAll(/export\s+(?:const|async function|function)\s+(\w+)/g)].map((m) => m[1]);

describe("every door goes through the one wrapper", () => {
  const routes = files(path.join(root, "app"), /^route\.ts$/).map((f) => path.relative(root, f));
  const actions = files(path.join(root, "app"), /^actions\.ts$/).map((f) => path.relative(root, f));

  it("finds the doors", () => {
    expect(routes.length).toBeGreaterThanOrEqual(ENDPOINT_PATHS.length);
    expect(actions.length).toBeGreaterThan(0);
  });

  for (const file of routes) {
    it(`${file}: every handler is routeHandler(endpoint)`, () => {
      const src = fs.readFileSync(path.join(root, file), "utf8");
      const names = exportsOf(src).concat([...src.matchAll(/export const \{ ([^}]+) \}/g)].flatMap((m) => m[1].split(",").map((s) => s.trim())));
      const allowed = NEXT_AUTH_DOORS.get(file) ?? [];
      for (const name of names.filter((n) => !allowed.includes(n))) {
        expect(src, `${file} ${name}`).toMatch(new RegExp(`export const ${name} = routeHandler\\(\\w+\\);`));
      }
    });
  }

  it("registers an endpoint for every /api/v1 route file, and a route file for every endpoint", () => {
    const v1 = routes.filter((f) => f.startsWith("app/api/v1/")).map((f) => "/" + f.replace(/^app\//, "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}"));
    expect(v1.sort()).toEqual([...new Set(ENDPOINT_PATHS)].sort());
  });

  for (const file of actions) {
    it(`${file}: every action is serverAction(useCase)`, () => {
      const src = fs.readFileSync(path.join(root, file), "utf8");
      expect(src.startsWith('"use server"')).toBe(true);
      const allowed = NEXT_AUTH_DOORS.get(file) ?? [];
      for (const name of exportsOf(src).filter((n) => !allowed.includes(n))) {
        expect(src, `${file} ${name}`).toMatch(new RegExp(`export const ${name} = serverAction\\(`));
      }
    });
  }
});
