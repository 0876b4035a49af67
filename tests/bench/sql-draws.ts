import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from "@/lib/seed/names";

// What the bench generators share: "random" draws made in SQL as a seeded hash of a row number, so
// the same arguments on a freshly seeded database give the same rows with no per-row JavaScript,
// the word lists their text is built from, and a timer for their progress lines.

/**
 * Draw k of row `of` (a bigint SQL expression, "g" by default): `u` uniform in [0, 1) from 47 bits
 * of a seeded 64-bit hash, `h` the non-negative integer itself (for `% n` picks).
 */
export function draws(seed: number) {
  const salt = seed * 1000;
  const h = (k: number, of = "g") => `(hashint8extended(${of}, ${salt + k}) & 140737488355327)`;
  const u = (k: number, of = "g") => `(${h(k, of)}::float8 / 140737488355328.0)`;
  /** one element of a SQL array expression, picked by draw k */
  const pickFrom = (array: string, k: number, of = "g") => `${array}[1 + (${h(k, of)} % cardinality(${array}))::int]`;
  return { h, u, pickFrom };
}
export type Draws = ReturnType<typeof draws>;

/** A text[] literal. */
export const sqlList = (xs: readonly string[]) => `(ARRAY[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(",")}]::text[])`;

/** Weighted surnames, one entry per weight unit, and the given names of both lists. */
export const SURNAME_POOL = SURNAMES.flatMap(([s, w]) => Array<string>(w).fill(s));
export const GIVEN_POOL = [...GIVEN_MALE, ...GIVEN_FEMALE];

export const NOTARY_SUBJECTS = ["继承权公证预约", "委托书公证预约", "遗嘱公证预约", "学历学位公证预约", "房屋买卖合同公证预约", "赠与合同公证预约"];
export const COMPLAINT_SUBJECTS = ["窗口服务态度投诉", "办理进度过慢投诉", "法律服务质量投诉", "建议延长周末开放时间", "村法律顾问联系不上"];
export const OTHER_SUBJECTS = ["法治宣传资料索取", "村法律顾问联系方式查询", "法律援助办理进度查询", "普法讲座预约", "法律明白人培训报名"];
export const DESCRIPTION_ENDINGS = [
  "希望了解相关法律规定和办理流程。",
  "请求工作人员提供帮助。",
  "已与对方多次协商未果，请求依法处理。",
  "需要准备哪些材料，请告知。",
  "对方一直拖延，家里生活困难，请求尽快处理。",
];
export const RESULTS = [
  "已当面解答，群众表示理解。",
  "已电话答复相关法律规定，群众无异议。",
  "经调解双方达成协议，已当场履行。",
  "已告知诉讼程序并引导群众向人民法院起诉。",
  "已受理法律援助申请并指派律师承办。",
  "已转交相关部门并跟踪办理结果。",
  "已按预约时间办理完毕。",
];

export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs one step and prints "label … 1.2 s" (or the result's own note after the time). */
export async function step<T>(label: string, run: () => Promise<T>, note?: (result: T) => string): Promise<T> {
  const t = performance.now();
  process.stdout.write(`${label} … `);
  const result = await run();
  console.log(note ? `${seconds(t)} ${note(result)}` : seconds(t));
  return result;
}
