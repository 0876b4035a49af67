import { parseArgs } from "node:util";
import { databaseName, localDatabaseUrl } from "./local-database";

// `tsx tests/bench/city-figures.ts [--years 5] [--region 369900000000]`: every registry indicator for
// a region over the last N calendar years, recounted from the records (recountAll, the definition
// the roll-ups must equal), with how long the raw recount took. A plausibility check of generated
// data (tests/bench/generate-city.ts): 受援率, 调解成功率, 按时办结率 … as a leader would read them.

const { values: args } = parseArgs({
  options: {
    years: { type: "string", default: "5" },
    region: { type: "string" },
    "database-url": { type: "string" },
  },
});
if (args["database-url"]) process.env.DATABASE_URL = args["database-url"];
const url = localDatabaseUrl();
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.LOG_LEVEL ??= "warn";

const { db } = await import("@/lib/db");
const { recountAll } = await import("@/lib/stats/counts");
const { INDICATORS, GROUP_LABELS, evaluate, formatIndicator } = await import("@/lib/stats/registry");
const { shanghaiDate } = await import("@/lib/calendar/working-days");
type IsoDate = ReturnType<typeof shanghaiDate>;

const region = args.region
  ? await db.region.findUnique({ where: { code: args.region } })
  : await db.region.findFirst({ where: { level: "CITY" }, orderBy: { id: "asc" } });
if (!region) throw new Error(`no region ${args.region ?? "at city level"}`);
const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
const from = `${thisYear - Number(args.years) + 1}-01-01` as IsoDate;
const to = `${thisYear}-12-31` as IsoDate;

const t = performance.now();
const counts = await recountAll(db, { regionPath: region.path, from, to });
const ms = Math.round(performance.now() - t);

console.log(`${databaseName(url)}: ${region.name}, ${from} – ${to}; raw recount (recountAll) ${ms} ms\n`);
let group = "";
for (const indicator of INDICATORS) {
  if (indicator.group !== group) console.log(`${(group = indicator.group) && GROUP_LABELS[indicator.group]}`);
  const v = evaluate(indicator, counts);
  const parts = v.denominator === null ? "" : `  (${v.numerator.toLocaleString("en")} / ${v.denominator.toLocaleString("en")})`;
  console.log(`  ${indicator.name.padEnd(16, "　")} ${formatIndicator(indicator, v.value).padStart(18)}${parts}`);
}
await db.$disconnect();
