import fc from "fast-check";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// The catalogue of bad values the fuzz suite throws at every field: wrong types, huge and odd
// strings, injection strings, invalid ID numbers, impossible dates and dates on holidays, numbers
// out of every range, prototype-pollution keys, deep nesting. Built once (the huge ones are shared,
// not regenerated per payload).

const HUGE = 100_000;

/** A structurally valid ID number for the given birth date and sequence, with the right check character. */
export function idNumber(birth: string, seq = 123): string {
  const first17 = `369901${birth}${String(seq).padStart(3, "0").slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === "1" ? "2" : "1");

export const INVALID_ID_NUMBERS = [
  wrongCheck(idNumber("19700101")), // bad check digit
  idNumber("19990230"), // 30 February
  idNumber("19991301"), // month 13
  idNumber("18991231"), // before 1900
  idNumber("20991231"), // born in the future
  idNumber("19700101").slice(0, 17), // 17 characters
  `${idNumber("19700101")}0`, // 19 characters
  "36990119700101123x".slice(0, 17) + "x", // lowercase x where no X is due
  "369901197001011231".replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width digits
  "3699 0119 7001 0112 31",
  "36990119700101123\u0000",
  "36990119700101ABCD",
  "000000000000000000",
];

export const IMPOSSIBLE_DATES = [
  "2025-02-29", "2024-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-06-00", "0000-00-00", "0000-01-01",
  "9999-12-31", "1900-01-01", "275760-09-14", "2026-1-1", "2026/10/01", "20261001", "01-10-2026", "2026-10-01T25:61:00",
  "2026-10-01T08:00:00+25:00", "2026-10-01 08:00", "+002026-10-01", "-000001-01-01", "Invalid Date", "now", "yesterday",
  "2026-W40", "2026-274",
];

/** Dates whose trouble is the calendar, not the format: public holidays, make-up days, weekends, DST-free edge days. */
export const CALENDAR_EDGE_DATES = [
  "2026-10-01", "2026-10-07", "2026-02-17", "2026-01-01", "2026-05-01", "2026-02-14" /* 调休上班 */, "2026-10-10",
  "2025-10-01", "2025-12-31", "2026-12-31", "2027-01-01", "2026-03-29" /* Sunday */, "2024-02-29", "1970-01-01",
];

export const INJECTION_STRINGS = [
  "' OR '1'='1", "'; DROP TABLE \"WorkOrder\";--", "1; SELECT pg_sleep(5)--", "\" OR \"\"=\"", "1' UNION SELECT NULL,NULL--",
  "admin'--", "%' AND 1=1 AND '%'='", "\\'; SELECT 1; --", "$1", "$$; DROP TABLE x; $$", "E'\\x00'",
  "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
  "{{7*7}}", "${7*7}", "#{7*7}", "%s%s%s%n", "%00", "%2e%2e%2f", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
  "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\")", "+SUM(1,1)", "@SUM(1)", "-1+1",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "null", "undefined", "NaN", "true", "[]", "{}",
];

export const UNICODE_STRINGS = [
  "\u0000", "前\u0000后", "\u0000".repeat(10), "\u0001\u0002\u0003\u001f\u007f", "\b\f\v", "\r\n\r\n", "\t", "\u2028\u2029",
  "\ud800", "\udfff", "前\ud83d后", "\udc00\ud800", // lone and reversed surrogates
  "\u202e检查\u202c", "\u202ecod.exe", "\u200f\u200e", "مرحبا بالعالم", "שלום", // RTL
  "\u200b", "\u200b\u200c\u200d\u2060", "\ufeff", "\u00ad", "　", " \u3000 ", // zero-width, BOM, full-width space
  "😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇨🇳", "𠀀𪚥𰻞", // emoji, ZWJ sequences, CJK extension planes
  "Z̴̢̛̛͇͙͍͚̲̫̖̬͉̟̹̅̍̊̀̽̿͊̔̑a̵̡̨̜̞͚̼͖͌̈́̓͑̓͛̿l̶̢̨̛̹̱̤͖̘̟̮͊̿͒͑̇͠g̷͍̣̲͉̒o̴̰͕̿̋̓", // combining marks
  "ｆｕｌｌｗｉｄｔｈ１２３", "①②③", "Ⅻ", "ﷺ", "\uffff", "\ufffe", "\ufffd",
  " ", "   ", "\n", "", "a", "中",
];

export const NUMERIC_STRINGS = [
  "-1", "0", "-0", "00", "0.5", "1.5", "1e3", "1e309", "-1e309", "0x1F", "0b11", "0o7", "  12  ", "12abc", "١٢٣",
  "Infinity", "-Infinity", "NaN", "2147483647", "2147483648", "-2147483649", "4294967296", "9007199254740993",
  "99999999999999999999", "9".repeat(400), "1,000", "１２", "+1", "1_000",
];

// One allocation each; the same strings are reused by every payload that draws them.
export const HUGE_STRINGS = [
  "a".repeat(HUGE),
  "中".repeat(HUGE),
  "😀".repeat(HUGE / 2),
  "9".repeat(HUGE),
  `${"前".repeat(HUGE / 2)}\u0000`,
  " ".repeat(HUGE),
  "<b>".repeat(HUGE / 3),
];

export const NASTY_NUMBERS = [
  -1, 0, -0, 0.5, 1.5, -1.5, 1e-7, 2147483647, 2147483648, -2147483648, -2147483649, 4294967296,
  Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 1e21, 1e308, Number.MAX_VALUE,
  Number.MIN_VALUE, -Number.MAX_VALUE, NaN, Infinity, -Infinity, 2026, 99999, 100000, 1e12,
];

/** `{ "__proto__": ... }` as JSON.parse builds it: an own key, the way a request body carries it. */
export const POLLUTING_OBJECTS = (): unknown[] => [
  JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  { toString: "x", valueOf: "y", hasOwnProperty: "z" },
  Object.assign(Object.create(null), { a: "no prototype" }),
];

// a fresh object per draw: payloads are mutated after they are drawn
const freshPolluting = fc.nat(POLLUTING_OBJECTS().length - 1).map((i) => POLLUTING_OBJECTS()[i]);

function deeplyNested(depth: number, kind: "array" | "object"): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = kind === "array" ? [v] : { a: v };
  return v;
}
const DEEP = [deeplyNested(64, "object"), deeplyNested(5_000, "array"), deeplyNested(5_000, "object")];
const WIDE = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
const LONG_ARRAY = Array.from({ length: 10_000 }, (_, i) => i + 1);
const LONG_STRING_ARRAY = Array.from({ length: 2_000 }, () => "369901-20260101-0000001");

/** Files as a browser would send them, some of them lying about what they are. */
function files(): File[] {
  return [
    new File(["hello"], "a.txt", { type: "text/plain" }),
    new File([new Uint8Array(0)], "", { type: "" }),
    new File(["%PDF-1.4\n"], "../../etc/passwd.pdf", { type: "application/pdf" }),
    new File(["MZ\u0090\u0000"], "证明.pdf", { type: "application/pdf" }),
    new File(["<script>alert(1)</script>"], "x\u0000.png", { type: "image/png" }),
    new File(["a"], `${"长".repeat(300)}.jpg`, { type: "image/jpeg" }),
  ];
}

/** Any string the suite considers hostile. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...INJECTION_STRINGS), weight: 3 },
  { arbitrary: fc.constantFrom(...UNICODE_STRINGS), weight: 3 },
  // NUL inside ordinary text: PostgreSQL refuses it in any text column
  { arbitrary: fc.tuple(fc.constantFrom("", "王", "369901-20260101-0000001", "13812340001"), fc.constantFrom("\u0000", "\u0000\u0000")).map(([a, b]) => `${a}${b}${a}`), weight: 1 },
  { arbitrary: fc.constantFrom(...INVALID_ID_NUMBERS), weight: 1 },
  { arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES, ...CALENDAR_EDGE_DATES), weight: 2 },
  { arbitrary: fc.constantFrom(...NUMERIC_STRINGS), weight: 2 },
  { arbitrary: fc.constantFrom(...HUGE_STRINGS), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), weight: 1 },
);

/** Any value of the wrong kind or out of range: strings, numbers, other types, odd objects. */
export function nastyValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: nastyString, weight: 8 },
    { arbitrary: fc.constantFrom(...NASTY_NUMBERS), weight: 4 },
    { arbitrary: fc.oneof(fc.integer(), fc.double()), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, 0n, 10n ** 30n, -1n), weight: 2 },
    { arbitrary: fc.constantFrom<unknown>([], {}, [[]], [null], [{}], [""], ["a", "b"], { a: { b: { c: {} } } }), weight: 2 },
    { arbitrary: freshPolluting, weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(...DEEP, WIDE, LONG_ARRAY, LONG_STRING_ARRAY), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(new Date(Number.NaN), new Date("2026-10-01T00:00:00Z"), new Date(8.64e15), new Map([["a", 1]]), new Set([1])), weight: 1 },
    { arbitrary: fc.nat(files().length - 1).map((i) => files()[i]), weight: 1 },
  );
}

/** Whole payloads that are not an object of the schema's shape at all. */
export function nastyPayload(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: nastyValue(), weight: 3 },
    {
      arbitrary: fc.anything({
        maxDepth: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
        withObjectString: true, withBoxedValues: true, withTypedArray: true, withSparseArray: true, stringUnit: "binary",
      }),
      weight: 4,
    },
    { arbitrary: freshPolluting, weight: 1 },
  );
}

/** Keys a hostile client adds beside the real ones. */
export const EXTRA_KEYS = ["__proto__", "constructor", "prototype", "id", "userId", "role", "organizationId", "status", "createdAt", "deletedAt", "isAdmin", "", " ", "中文键", "a.b", "$where", "0"];
