import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, type AnyUseCase } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import type { RequestMeta } from "@/lib/audit/record";
import { refreshRollups } from "@/lib/stats/rollup";
import { db } from "./helpers/db";
import { allUseCases } from "./helpers/use-cases";
import { buildWorld, saveReferenceData, type World } from "./helpers/fuzz-world";
import { edgePayload, fields, payloads, type Payload } from "./helpers/fuzz-schema";
import { changedTables, describePayload, fingerprint, refusalProblems, type Fingerprint } from "./helpers/fuzz-check";

// Issue 9 item 6: generated malformed payloads at every use case (so at every server action, API
// route and page that reaches one — every door goes through `execute`), each as an actor allowed to
// call it. For every call: no internal error and no 5xx; a refusal carries a code of ErrorCodes, a
// Chinese message and field errors keyed by field; a refused call leaves every application table
// as it was (row count and newest row version, one query). No mocks: the real PostgreSQL.
//
// FUZZ_RUNS is the total number of payloads over all use cases (about 1,500 in `npm test`; the
// `test:fuzz` script runs 12,000). FUZZ_SEED replays a run (printed at the end and with a failure).

const TOTAL = Number(process.env.FUZZ_RUNS || 1500);
const SEED = Number(process.env.FUZZ_SEED || Math.floor(Math.random() * 2 ** 31));
if (!(TOTAL > 0) || !Number.isInteger(SEED)) throw new Error("FUZZ_RUNS must be a positive number and FUZZ_SEED an integer");
const found = allUseCases();
const perUseCase = Math.max(3, Math.ceil(TOTAL / found.length));

/**
 * The request's headers are input too: x-forwarded-for and user-agent say whatever the client wants,
 * within what HTTP lets through (tab, printable ASCII, Latin-1 bytes; no NUL or line breaks), up to
 * the server's 16 KB header limit.
 */
const headerChar = fc.oneof(fc.constant("\t"), fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)));
const headerValue = fc.oneof(
  fc.string({ unit: headerChar, maxLength: 60 }),
  fc.constantFrom("' OR '1'='1", "<script>alert(1)</script>", "1.2.3.4, 5.6.7.8", "unknown", "::ffff:127.0.0.1", "999.999.999.999", "${jndi:ldap://x}"),
  fc.constantFrom("a".repeat(8_000), "9.".repeat(4_000)),
);
const metaArb: fc.Arbitrary<RequestMeta> = fc.record({
  ip: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constant(null), headerValue),
  userAgent: fc.oneof(fc.constant("Mozilla/5.0"), fc.constant(null), headerValue),
});

/** One seed per (run, use case, sweep step), without two runs' seeds overlapping. */
const mix = (...parts: number[]) => parts.reduce((h, p) => Math.imul(h ^ p, 0x9e3779b1) >>> 0, 0x811c9dc5);

const byCode = new Map<string, number>();
const byKind = new Map<string, number>();
let calls = 0;
let accepted = 0;

describe("fuzz: malformed payloads at every use case", () => {
  let world: World;
  let before: Fingerprint;
  let restoreReferenceData: () => Promise<void>;
  beforeAll(async () => {
    restoreReferenceData = await saveReferenceData();
    world = await buildWorld();
    before = await fingerprint();
  }, 120_000);

  afterAll(async () => {
    await restoreReferenceData();
    const codes = [...byCode].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(", ");
    const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(", ");
    console.log(`fuzz: ${calls} payloads (${perUseCase} per use case) at ${found.length} use cases (seed ${SEED}); accepted ${accepted}; refused by code: ${codes}; payload kinds: ${kinds}`);
  });

  for (const [index, { useCase, module, exportName }] of found.entries()) {
    it(`${useCase.name} (${module.replace(/^\/lib\//, "")}#${exportName})`, async () => {
      const caller = fc.tuple(fc.constantFrom(...world.actorsFor(useCase.permission)), metaArb);
      // half the payloads sweep the schema's fields in a seeded order, one field at an edge of its
      // kind each; the other half are drawn from every kind of malformation
      const all = fields(useCase.input);
      const sweeps = all.length ? Math.floor(perUseCase / 2) : 0;
      const order = all.length ? fc.sample(fc.shuffledSubarray(all, { minLength: all.length }), { numRuns: 1, seed: SEED + index })[0] : [];
      const cases = [
        ...Array.from({ length: sweeps }, (_, i) => fc.sample(fc.tuple(edgePayload(useCase.input, world.hints, order[i % order.length]), caller), { numRuns: 1, seed: mix(SEED, index, i) })[0]),
        ...fc.sample(fc.tuple(payloads(useCase.input, world.hints), caller), { numRuns: perUseCase - sweeps, seed: SEED + index }),
      ];
      const problems: string[] = [];
      for (const [payload, [actor, meta]] of cases) {
        const outcome = await callOnce(useCase, payload, actor, meta, before);
        before = outcome.after;
        if (outcome.problems.length) {
          problems.push(`${outcome.problems.join("; ")}\n    as ${actor?.role ?? "anonymous"}, ${payload.kind}: ${describePayload(payload.payload)}`);
        }
      }
      expect(problems, `replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${TOTAL}`).toEqual([]);
    });
  }
});

async function callOnce(useCase: AnyUseCase, { kind, payload }: Payload, actor: Actor | null, meta: RequestMeta, before: Fingerprint) {
  calls++;
  byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  let result;
  try {
    result = await execute(useCase, payload, actor, meta, db);
  } catch (error) {
    // execute must answer, never throw: a throw is a 500 at the door
    byCode.set("THROWN", (byCode.get("THROWN") ?? 0) + 1);
    return { problems: [`threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`], after: await fingerprint() };
  }
  const problems: string[] = [];
  if (Object.keys(Object.prototype).length || ({} as Record<string, unknown>).polluted !== undefined) {
    problems.push("Object.prototype was polluted");
    for (const k of Object.keys(Object.prototype)) delete (Object.prototype as Record<string, unknown>)[k];
  }
  if (result.ok) {
    accepted++;
    byCode.set("OK", (byCode.get("OK") ?? 0) + 1);
    // keep the roll-ups current, so a refused indicator read later finds nothing to refresh
    await refreshRollups(db);
    return { problems, after: await fingerprint() };
  }
  byCode.set(result.code, (byCode.get(result.code) ?? 0) + 1);
  problems.push(...refusalProblems(result));
  const after = await fingerprint();
  const changed = changedTables(before, after, useCase.name);
  if (changed.length) problems.push(`refused with ${result.code} but changed ${changed.join(", ")}`);
  return { problems, after };
}
