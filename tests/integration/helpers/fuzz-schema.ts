import fc from "fast-check";
import type { z } from "zod";
import { EXTRA_KEYS, nastyPayload, nastyValue } from "./fuzz-values";

// Payloads built from a use case's zod schema. First a *plausible* value of the schema's shape —
// real record numbers, ids, region codes and valid ID numbers where the key names ask for them,
// strings matching the schema's own regexes, numbers inside its bounds — so a payload gets past the
// first checks; then one field set to an edge value of its own kind (over its maximum length, out of
// its bounds: `edgePayload`, which the suite sweeps over every field), or one to three fields replaced
// by any hostile value, keys removed or added, or the whole payload swapped for something that is
// not an object at all (`payloads`). The schema is read
// through zod 4's definitions (`_zod.def`), so a new use case is fuzzed without anyone writing a
// generator for it.

/** Values of rows the fuzz world created, so payloads can point at real records. */
export type Hints = {
  /** record numbers (work orders, legal-aid applications, mediation cases) */
  numbers: string[];
  /** ids of existing rows of every kind */
  ids: number[];
  regionCodes: string[];
  /** valid ID numbers */
  idNumbers: string[];
  phones: string[];
  /** ordinary days, public holidays and make-up working days (YYYY-MM-DD) */
  dates: string[];
  tokens: string[];
  indicatorIds: string[];
};

export type Payload = { kind: "edge" | "field" | "missing" | "extra" | "nested" | "whole"; payload: unknown };

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  getter?: () => z.ZodType;
  items?: z.ZodType[];
};
type CheckDef = { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp };

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The side of a pipe that says what a valid value looks like: z.preprocess(fn, schema) is
 * pipe(transform, schema), so `schema`; schema.transform(fn) is pipe(schema, transform), so `schema`;
 * a.pipe(b) checks the value twice, and `b` is the stricter (e.g. a trimmed text, then its pattern).
 */
function pipeSide(def: Def): z.ZodType {
  if (defOf(def.in!).type === "transform") return def.out!;
  if (defOf(def.out!).type === "transform") return def.in!;
  return def.out!;
}

const WRAPPERS = new Set(["optional", "nullable", "default", "catch", "prefault", "readonly", "nonoptional", "success"]);
const MAX_DEPTH = 12;

const CHINESE = [..."法律援助申请工资拖欠邻里纠纷调解村委会土地承包合同宅基地边界老板欠薪工伤赔偿离婚抚养费借款"];
function text(min: number, max: number): fc.Arbitrary<string> {
  const lo = Math.max(min, 0);
  const hi = Math.max(lo, Math.min(max, lo + 24));
  return fc.oneof(
    { arbitrary: fc.array(fc.constantFrom(...CHINESE), { minLength: Math.max(lo, 1), maxLength: Math.max(hi, 1) }).map((a) => a.join("").slice(0, hi)), weight: 4 },
    { arbitrary: fc.string({ minLength: lo, maxLength: hi }), weight: 1 },
  );
}

function checksOf(def: Def): CheckDef[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

/** What the key's name says the value is: candidate values, and how a value is written for this key. */
function stringHint(key: string, h: Hints): { values: string[]; map: (v: string) => string } | null {
  const as = (values: string[], map = (v: string) => v) => ({ values, map });
  if (/^numbers?$/.test(key)) return as(h.numbers);
  if (/idNumber/i.test(key)) return as(h.idNumbers);
  if (/phone/i.test(key)) return as(h.phones);
  // one password for every password field, so "confirm" matches "new"
  if (/password/i.test(key)) return as(["Fuzz-Passw0rd!2026"]);
  if (/^(regionCode|region|county|countyCode|township|code|parent)$/.test(key)) return as([...h.regionCodes, ...h.regionCodes.map((c) => c.slice(0, 6)), "123456"]);
  if (/^token$/.test(key)) return as(h.tokens);
  if (/^(indicatorId|key)$/.test(key)) return as(h.indicatorIds);
  if (/At$/.test(key)) return as(h.dates, (d) => `${d}T09:30`);
  if (/(On|Date|date|^on|^from|^to|periodStart|periodEnd|effectiveFrom|[dD]eadline)$/.test(key)) return as(h.dates);
  return null;
}
const isIdKey = (key: string) => /(^id$|Id$|^ids$|^lawyerChoices$|^org$|^parent$|^before$|^after$)/.test(key);

export type Plausible = { arb: fc.Arbitrary<unknown>; optional: boolean };

/** A value of the schema's shape, as a browser form or an API client would send it. */
export function plausible(schema: z.ZodType, h: Hints, key = "", depth = 0): Plausible {
  const def = defOf(schema);
  if (depth > MAX_DEPTH) return { arb: fc.constant(undefined), optional: true };
  const sub = (s: z.ZodType, k = key) => plausible(s, h, k, depth + 1);
  if (WRAPPERS.has(def.type)) {
    const inner = sub(def.innerType!);
    const none = def.type === "nullable" ? null : undefined;
    return { arb: fc.oneof({ arbitrary: inner.arb, weight: 3 }, { arbitrary: fc.constant(none), weight: 1 }), optional: def.type !== "nullable" || inner.optional };
  }
  switch (def.type) {
    case "pipe":
      return sub(pipeSide(def));
    case "lazy":
      return sub(def.getter!());
    case "string": {
      const checks = checksOf(def);
      const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum!));
      const max = Math.min(200, ...checks.filter((c) => c.check === "max_length").map((c) => c.maximum!));
      const pattern = checks.find((c) => c.check === "string_format" && c.pattern)?.pattern;
      // a hint only where it fits the field's own pattern (a "code" may be a region's or an SMS code)
      const hinted = stringHint(key, h);
      const fitting = hinted && pattern ? hinted.values.filter((v) => pattern.test(v)) : hinted?.values;
      const hint = fitting?.length ? fc.constantFrom(...fitting).map(hinted!.map) : null;
      const own = pattern ? fc.stringMatching(pattern) : text(min, max);
      return { arb: hint ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: own, weight: 1 }) : own, optional: false };
    }
    case "number": {
      const checks = checksOf(def);
      const int = checks.some((c) => c.check === "number_format" && /int/.test(c.format ?? ""));
      let lo = -1e6;
      let hi = 1e6;
      for (const c of checks) {
        if (c.check === "greater_than") lo = Math.max(lo, c.value! + (c.inclusive ? 0 : int ? 1 : 0.01));
        if (c.check === "less_than") hi = Math.min(hi, c.value! - (c.inclusive ? 0 : int ? 1 : 0.01));
      }
      if (hi < lo) hi = lo;
      const ranged: fc.Arbitrary<number> = int ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
      const value = isIdKey(key) ? fc.oneof({ arbitrary: fc.constantFrom(...h.ids), weight: 3 }, { arbitrary: ranged, weight: 1 }) : ranged;
      // coercing schemas read form fields, which are strings
      return { arb: def.coerce ? fc.oneof(value, value.map(String)) : value, optional: false };
    }
    case "bigint":
      return { arb: fc.bigInt({ min: 1n, max: 1000n }), optional: false };
    case "boolean":
      return { arb: def.coerce ? fc.constantFrom<unknown>(true, false, "on", "true") : fc.boolean(), optional: false };
    case "enum":
      return { arb: fc.constantFrom(...Object.values(def.entries!)), optional: false };
    case "literal":
      return { arb: fc.constantFrom(...def.values!), optional: false };
    case "date":
      return { arb: fc.constantFrom(...h.dates).map((d) => new Date(`${d}T01:00:00Z`)), optional: false };
    case "object": {
      const entries = Object.entries(def.shape!).map(([k, v]) => [k, sub(v, k)] as const);
      const required = entries.filter(([, p]) => !p.optional).map(([k]) => k);
      return { arb: fc.record(Object.fromEntries(entries.map(([k, p]) => [k, p.arb])), { requiredKeys: required }), optional: false };
    }
    case "array": {
      const el = sub(def.element!);
      return { arb: fc.array(el.arb, { minLength: 1, maxLength: 3 }), optional: false };
    }
    case "tuple":
      return { arb: fc.tuple(...def.items!.map((i) => sub(i).arb)), optional: false };
    case "record":
      return { arb: fc.dictionary(fc.constantFrom("0", "1", "2"), sub(def.valueType!).arb, { maxKeys: 3 }), optional: false };
    case "union": {
      const options = def.options!.map((o) => sub(o));
      return { arb: fc.oneof(...options.map((o) => o.arb)), optional: options.some((o) => o.optional) };
    }
    case "intersection": {
      const [l, r] = [sub(def.left!), sub(def.right!)];
      return { arb: fc.tuple(l.arb, r.arb).map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a)), optional: l.optional && r.optional };
    }
    case "custom":
      // z.instanceof(File) and refinements over it: an ordinary small upload
      return { arb: fc.constantFrom("a.txt", "证明.pdf", "照片.jpg").map((n) => new File(["%PDF-1.4\n测试"], n, { type: n.endsWith(".jpg") ? "image/jpeg" : n.endsWith(".pdf") ? "application/pdf" : "text/plain" })), optional: false };
    default:
      // unknown, any, transform...: anything goes
      return { arb: fc.jsonValue({ maxDepth: 2 }), optional: true };
  }
}

/** A field of the schema: where it is, and what kind of leaf it is (for edge values of its own kind). */
export type Field = { path: string[]; leaf: Leaf };
type Leaf =
  | { type: "string"; min: number; max: number | null; pattern: RegExp | null }
  | { type: "number"; min: number | null; max: number | null; int: boolean }
  | { type: "enum"; values: unknown[] }
  | { type: "other" };

function leafOf(schema: z.ZodType, depth = 0): Leaf {
  const def = defOf(schema);
  if (depth > MAX_DEPTH) return { type: "other" };
  if (WRAPPERS.has(def.type)) return leafOf(def.innerType!, depth + 1);
  if (def.type === "pipe") return leafOf(pipeSide(def), depth + 1);
  const checks = checksOf(def);
  if (def.type === "string") {
    const maxes = checks.filter((c) => c.check === "max_length").map((c) => c.maximum!);
    return {
      type: "string",
      min: Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum!)),
      max: maxes.length ? Math.min(...maxes) : null,
      pattern: checks.find((c) => c.check === "string_format" && c.pattern)?.pattern ?? null,
    };
  }
  if (def.type === "number") {
    const lows = checks.filter((c) => c.check === "greater_than").map((c) => c.value!);
    const highs = checks.filter((c) => c.check === "less_than").map((c) => c.value!);
    return {
      type: "number",
      min: lows.length ? Math.max(...lows) : null,
      max: highs.length ? Math.min(...highs) : null,
      int: checks.some((c) => c.check === "number_format" && /int/.test(c.format ?? "")),
    };
  }
  if (def.type === "enum") return { type: "enum", values: Object.values(def.entries!) };
  return { type: "other" };
}

/** Every field of the schema (objects' keys, arrays' first element), for targeted mutations. */
export function fields(schema: z.ZodType, prefix: string[] = [], out: Field[] = [], depth = 0): Field[] {
  if (depth > MAX_DEPTH) return out;
  const def = defOf(schema);
  const walk = (s: z.ZodType, p = prefix) => fields(s, p, out, depth + 1);
  const add = (s: z.ZodType, p: string[]) => {
    out.push({ path: p, leaf: leafOf(s) });
    walk(s, p);
  };
  if (WRAPPERS.has(def.type)) walk(def.innerType!);
  else if (def.type === "pipe") walk(pipeSide(def));
  else if (def.type === "lazy") walk(def.getter!());
  else if (def.type === "object") for (const [k, v] of Object.entries(def.shape!)) add(v, [...prefix, k]);
  else if (def.type === "array") add(def.element!, [...prefix, "0"]);
  else if (def.type === "record") add(def.valueType!, [...prefix, "0"]);
  else if (def.type === "union") def.options!.forEach((o) => walk(o));
  else if (def.type === "intersection") {
    walk(def.left!);
    walk(def.right!);
  }
  return out;
}

/**
 * Values at the edges of one field's own kind: one character over its maximum length (the check a
 * missing `.max()` or a too-narrow column turns into a database error), far over it, under its
 * minimum, almost matching its pattern; numbers just outside its bounds and outside PostgreSQL's
 * integer; an enum's value in the wrong case or a prototype key.
 */
export function edgeValues(leaf: Leaf): fc.Arbitrary<unknown> {
  switch (leaf.type) {
    case "string": {
      const over = (leaf.max ?? 10_000) + 1;
      const tooLong = fc.constantFrom<unknown>("中".repeat(over), "a".repeat(over), `${"中".repeat(over)}   `, "𠀀".repeat(over), "中".repeat(100_000));
      const odd = fc.constantFrom<unknown>(
        " ".repeat(over + 10), leaf.min > 1 ? "中".repeat(leaf.min - 1) : "", `  ${"中".repeat(Math.max(leaf.min, 1))}\u0000`,
        ...(leaf.pattern ? [`${fc.sample(fc.stringMatching(leaf.pattern), { numRuns: 1, seed: 7 })[0]}x`, ` ${fc.sample(fc.stringMatching(leaf.pattern), { numRuns: 1, seed: 8 })[0]}\u200b`] : []),
      );
      return fc.oneof({ arbitrary: tooLong, weight: 3 }, { arbitrary: odd, weight: 1 });
    }
    case "number": {
      const edges = [2_147_483_647, 2_147_483_648, -2_147_483_649, 2 ** 53, -1, 0, 0.5, NaN, Infinity];
      if (leaf.max !== null) edges.push(leaf.max + 1, leaf.max + 0.5);
      if (leaf.min !== null) edges.push(leaf.min - 1, leaf.min - 0.5);
      return fc.oneof(fc.constantFrom<unknown>(...edges), fc.constantFrom(...edges).map((n) => String(n)));
    }
    case "enum":
      return fc.constantFrom<unknown>(...leaf.values.map((v) => String(v).toLowerCase()), ...leaf.values.map((v) => ` ${String(v)}`), "constructor", "__proto__", "toString", "");
    default:
      return nastyValue();
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Own data property, even for "__proto__" (as JSON.parse and a request body make it). */
function define(target: Record<string, unknown> | unknown[], key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Sets `path` in a copy of `root`: each object or array on the way is copied, never mutated, so the
 * shared values of the catalogue (deep nestings, long arrays) stay as they are.
 */
export function setPath(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(root) ? [...root] : isPlainObject(root) ? { ...root } : /^\d+$/.test(head) ? [] : {};
  const current = (copy as Record<string, unknown>)[head];
  define(copy, head, setPath(current, rest, value));
  return copy;
}

function removeKeys(root: unknown, keys: string[]): unknown {
  if (!isPlainObject(root)) return root;
  const copy = { ...root };
  for (const k of keys) delete copy[k];
  return copy;
}

/**
 * A plausible payload with one given field at an edge of its kind: the sweep that walks every
 * field in turn, so a field whose `.max()` went missing meets its over-long value even in a short run.
 */
export function edgePayload(schema: z.ZodType, hints: Hints, field: Field): fc.Arbitrary<Payload> {
  const base = plausible(schema, hints).arb.map((v) => (v === undefined ? {} : v));
  return fc.tuple(base, edgeValues(field.leaf)).map(([b, v]) => ({ kind: "edge" as const, payload: setPath(b, field.path, v) }));
}

/** Malformed payloads for one schema, each tagged with how it was made. */
export function payloads(schema: z.ZodType, hints: Hints): fc.Arbitrary<Payload> {
  const base = plausible(schema, hints).arb.map((v) => (v === undefined ? {} : v));
  const all = fields(schema);
  const topKeys = [...new Set(all.map((f) => f.path[0]))];
  const extra = fc.tuple(base, fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), nastyValue()), { minLength: 1, maxLength: 3 })).map(([b, adds]) => {
    const copy: Record<string, unknown> = isPlainObject(b) ? { ...b } : {};
    for (const [k, v] of adds) define(copy, k, v);
    return { kind: "extra" as const, payload: copy };
  });
  const arbs: { arbitrary: fc.Arbitrary<Payload>; weight: number }[] = [
    { arbitrary: extra, weight: 1 },
    { arbitrary: nastyPayload().map((payload) => ({ kind: "whole" as const, payload })), weight: 2 },
  ];
  if (all.length) {
    // one field's own edge values (often the one wrong thing in an otherwise valid payload), or any hostile value
    const change = fc.constantFrom(...all).chain((f) => fc.tuple(fc.constant(f.path), fc.oneof({ arbitrary: edgeValues(f.leaf), weight: 2 }, { arbitrary: nastyValue(), weight: 1 })));
    // mostly one change, so the rest of the payload stays valid and the bad value gets as far as it can
    const changes = fc.oneof({ arbitrary: change.map((c) => [c]), weight: 4 }, { arbitrary: fc.array(change, { minLength: 2, maxLength: 3 }), weight: 1 });
    const field = fc.tuple(base, changes).map(([b, changes]) => ({
      kind: "field" as const,
      payload: changes.reduce<unknown>((acc, [p, v]) => setPath(acc, p, v), b),
    }));
    // an object or a list where a plain value is expected, and the other way round
    const nested = fc.tuple(base, fc.constantFrom(...all.map((f) => f.path)), fc.constantFrom("array", "object", "string")).map(([b, p, how]) => {
      const here = p.reduce<unknown>((v, k) => (isPlainObject(v) || Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined), b);
      const wrapped = how === "array" ? [here, here] : how === "object" ? { value: here } : JSON.stringify(here ?? null);
      return { kind: "nested" as const, payload: setPath(b, p, wrapped) };
    });
    arbs.push({ arbitrary: field, weight: 7 }, { arbitrary: nested, weight: 1 });
    if (topKeys.length) {
      const missing = fc.tuple(base, fc.subarray(topKeys, { minLength: 1 })).map(([b, keys]) => ({ kind: "missing" as const, payload: removeKeys(b, keys) }));
      arbs.push({ arbitrary: missing, weight: 1 });
    }
  }
  return fc.oneof(...arbs);
}
