import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { amount, choice, idNumber, licenceNumber, mobile, names, parseWhen, regionCode, sourceNumber, text, when, wholeNumber, yesNo, type Parsed } from "@/lib/imports/cells";
import { KINDS, LEGAL_AID, MEDIATION, WORK_ORDER } from "@/lib/imports/columns";
import { decodeCsv, MAX_ROWS, parseCsv, readSheet, UnreadableFile, UTF8_MESSAGE } from "@/lib/imports/read-file";
import { headerKey, mapHeader, validateSheet } from "@/lib/imports/validate";
import { templateCsv, templateWorkbook } from "@/lib/imports/templates";
import { CHANNEL_LABELS } from "@/lib/work-orders/labels";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// 历史数据导入, the pure part: reading CSV and XLSX, every cell parser, the header matching and the
// rules between columns. The database part is in tests/integration/imports.test.ts.

const enc = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];
const withBom = (s: string) => new Uint8Array([...BOM, ...enc(s)]);
const value = <T>(p: Parsed<T>) => (p.ok ? p.value : `ERR ${p.message}`);
const message = <T>(p: Parsed<T>) => (p.ok ? "OK" : p.message);
const validId = (first17: string) => first17 + idNumberCheckChar(first17);
const shanghai = (iso: string) => new Date(`${iso}+08:00`);

describe("CSV", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF", () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""","line1\r\nline2"\r\nplain,,last\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'he said "hi"', "line1\r\nline2"],
      ["plain", "", "last"],
    ]);
  });

  it("keeps a last record without a line break and an empty last field", () => {
    expect(parseCsv("a,b\n1,")).toEqual([["a", "b"], ["1", ""]]);
  });

  it("refuses an unclosed quote, naming its line", () => {
    expect(() => parseCsv('a,b\n"open,1\n2,3')).toThrow(/第 2 行有未闭合的引号/);
  });

  it("decodes UTF-8 with and without BOM, and refuses GBK and UTF-16", () => {
    expect(decodeCsv(withBom("来源编号,姓名"))).toBe("来源编号,姓名");
    expect(decodeCsv(enc("来源编号,姓名"))).toBe("来源编号,姓名");
    // "来源编号" in GBK
    const gbk = new Uint8Array([0xc0, 0xb4, 0xd4, 0xb4, 0xb1, 0xe0, 0xba, 0xc5]);
    expect(() => decodeCsv(gbk)).toThrow(UTF8_MESSAGE);
    expect(() => decodeCsv(new Uint8Array([0xff, 0xfe, 0x65, 0x67]))).toThrow(UnreadableFile);
  });

  it("numbers rows as Excel shows them: the header is row 1, blank lines keep their number", async () => {
    const sheet = await readSheet(withBom("来源编号,行政区划代码\r\n1,369901001001\r\n,\r\n\r\n3,369901001001\r\n"));
    expect(sheet.header.row).toBe(1);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(sheet.rows[1].cells).toEqual(["3", "369901001001"]);
  });

  it("refuses empty files, header-only files, .xls files and too many rows", async () => {
    await expect(readSheet(new Uint8Array())).rejects.toThrow("文件是空的");
    await expect(readSheet(enc("来源编号,行政区划代码\n"))).rejects.toThrow("没有数据行");
    await expect(readSheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow(".xls");
    const many = "a\n" + "1\n".repeat(MAX_ROWS + 1);
    await expect(readSheet(enc(many))).rejects.toThrow("一次最多导入");
  });
});

describe("XLSX", () => {
  async function xlsx(rows: unknown[][], prepend: unknown[][] = []) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    for (const r of [...prepend, ...rows]) ws.addRow(r);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("reads text, numbers, dates, rich text and formula results from the first sheet", async () => {
    const bytes = await xlsx([
      ["来源编号", "登记时间", "备注", "合计"],
      [1001, new Date(Date.UTC(2024, 2, 5, 9, 30)), { richText: [{ text: "富" }, { text: "文本" }] }, { formula: "1+1", result: 2 }],
    ]);
    const sheet = await readSheet(bytes);
    expect(sheet.header.cells).toEqual(["来源编号", "登记时间", "备注", "合计"]);
    const [source, created, note, sum] = sheet.rows[0].cells;
    expect(source).toBe(1001);
    expect(created).toBeInstanceOf(Date);
    // an Excel date is the wall clock typed in: read as Beijing time
    expect(parseWhen(created as Date)?.at.toISOString()).toBe(shanghai("2024-03-05T09:30:00").toISOString());
    expect(note).toBe("富文本");
    expect(sum).toBe(2);
  });

  it("takes the first non-blank row as the header and keeps the sheet's row numbers", async () => {
    const sheet = await readSheet(await xlsx([["来源编号"], ["A1"], [], ["A2"]], [[], []]));
    expect(sheet.header.row).toBe(3);
    expect(sheet.rows.map((r) => r.row)).toEqual([4, 6]);
  });

  it("refuses a zip that is not a workbook", async () => {
    await expect(readSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow("无法读取这个 Excel 文件");
  });
});

describe("cell parsers", () => {
  it("dates: day, day and time, slashes, Chinese, Excel serials; Beijing time", () => {
    expect(parseWhen("2024-03-05")).toEqual({ at: shanghai("2024-03-05T00:00:00"), dateOnly: true });
    expect(parseWhen("2024-03-05 14:30")).toEqual({ at: shanghai("2024-03-05T14:30:00"), dateOnly: false });
    expect(parseWhen("2024/3/5 8:05:09")?.at).toEqual(shanghai("2024-03-05T08:05:09"));
    expect(parseWhen("2024年3月5日")?.at).toEqual(shanghai("2024-03-05T00:00:00"));
    expect(parseWhen("2024-03-05T14:30")?.at).toEqual(shanghai("2024-03-05T14:30:00"));
    // 45356 is 2024-03-05 in Excel's 1900 system; .5 is noon
    expect(parseWhen(45356.5)).toEqual({ at: shanghai("2024-03-05T12:00:00"), dateOnly: false });
    for (const bad of ["2024-02-30", "2024-13-01", "05/03/2024", "昨天", "2024-03-05 25:00", 12]) expect(parseWhen(bad)).toBeNull();
  });

  it("dates: not before 2000, not in the future unless a deadline; a deadline day lasts until its end", () => {
    const now = () => shanghai("2026-01-10T12:00:00");
    const past = when("登记时间", { past: true }, now);
    expect(message(past("1999-12-31"))).toBe("登记时间不能早于 2000 年");
    expect(message(past("2026-01-11"))).toBe("登记时间不能晚于现在");
    expect(message(past("2026-01-10 11:59"))).toBe("OK");
    expect(message(past("下周"))).toBe("登记时间应为日期，格式如 2024-03-05 或 2024-03-05 14:30");
    const deadline = when("办理期限", { past: false, deadline: true }, now);
    expect(value(deadline("2026-02-01"))).toEqual({ at: new Date(shanghai("2026-02-02T00:00:00").getTime() - 1), dateOnly: true });
  });

  it("region codes: 12 digits, as text or number", () => {
    expect(value(regionCode("369901001001"))).toBe("369901001001");
    expect(value(regionCode(369901001001))).toBe("369901001001");
    expect(value(regionCode(" 3699 0100 1001 "))).toBe("369901001001");
    expect(message(regionCode("36990100100"))).toBe("行政区划代码应为 12 位数字");
  });

  it("ID numbers: check digit, lower-case x, and never as an Excel number", () => {
    const id = validId("36990119850315002");
    expect(id.endsWith("X")).toBe(true);
    const p = idNumber("身份证号码");
    expect(value(p(id.toLowerCase()))).toBe(id);
    const wrong = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    expect(message(p(wrong))).toBe("身份证号码校验未通过，请核对");
    expect(message(p(369901198503150020))).toBe("身份证号码请以文本格式填写（数字格式会丢失末位）");
    // the message never repeats the number
    expect(message(p(wrong))).not.toContain(wrong.slice(0, 6));
  });

  it("phones, licence numbers, source numbers", () => {
    expect(value(mobile("联系电话")("138-0000-0000"))).toBe("13800000000");
    expect(value(mobile("联系电话")(13800000000))).toBe("13800000000");
    expect(message(mobile("联系电话")("0797-1234567"))).toBe("联系电话应为 11 位手机号");
    expect(value(licenceNumber("执业证号")("13699202116548295"))).toBe("13699202116548295");
    expect(message(licenceNumber("执业证号")(13699202116548296))).toContain("文本格式");
    expect(value(sourceNumber("来源编号")(1001))).toBe("1001");
    expect(value(sourceNumber("来源编号")("青法援〔2024〕12号"))).toBe("青法援〔2024〕12号");
    expect(message(sourceNumber("来源编号")("a\nb"))).toBe("来源编号不能包含换行");
    expect(message(sourceNumber("来源编号")("x".repeat(61)))).toBe("来源编号不能超过 60 个字");
  });

  it("text, yes/no, amounts, whole numbers, names", () => {
    expect(message(text(3, "标题")("四个字啊"))).toBe("标题不能超过 3 个字");
    expect(value(text(10, "标题")("  标题 "))).toBe("标题");
    for (const y of ["是", "Y", "true", "1", "√", true]) expect(value(yesNo("绿色通道")(y))).toBe(true);
    for (const n of ["否", "no", "0", false]) expect(value(yesNo("绿色通道")(n))).toBe(false);
    expect(message(yesNo("绿色通道")("也许"))).toBe("绿色通道应填“是”或“否”");
    expect(value(amount("金额")("1,234.50"))).toBe(1234.5);
    expect(value(amount("金额")("800元"))).toBe(800);
    expect(value(amount("金额")(0))).toBe(0);
    expect(message(amount("金额")(-1))).toBe("金额不能小于 0");
    expect(message(amount("金额")("1.234"))).toBe("金额最多保留 2 位小数");
    expect(message(amount("金额")("很多"))).toBe("金额应为数字（单位：元）");
    expect(message(wholeNumber("涉及人数", 2, 100)("1"))).toBe("涉及人数应在 2 至 100 之间");
    expect(message(wholeNumber("涉及人数", 2, 100)("2.5"))).toBe("涉及人数应为整数");
    expect(value(names("申请人", 80, 5)("张三、李四；王五"))).toEqual(["张三", "李四", "王五"]);
    expect(message(names("申请人", 80, 2)("甲、乙、丙"))).toContain("最多 2 个");
  });

  it("choices: the pages' labels, the label without its note, the enum key, aliases", () => {
    const channel = choice(CHANNEL_LABELS, "来源渠道", { aliases: { 热线: "HOTLINE_12348" } });
    expect(value(channel("12348 热线"))).toBe("HOTLINE_12348");
    expect(value(channel("12348热线"))).toBe("HOTLINE_12348");
    expect(value(channel("hotline_12348"))).toBe("HOTLINE_12348");
    expect(value(channel("热线"))).toBe("HOTLINE_12348");
    expect(message(channel("电报"))).toBe(`来源渠道应为以下之一：${Object.values(CHANNEL_LABELS).join("、")}`);
    const source = MEDIATION.columns.source.parse;
    expect(value(source("主动调解（排查发现）"))).toBe("PROACTIVE");
    expect(value(source("主动调解"))).toBe("PROACTIVE");
    expect(value(source("法院委派(诉前调解)"))).toBe("COURT");
    expect(value(MEDIATION.columns.category.parse("邻里"))).toBe("NEIGHBOUR");
    expect(value(MEDIATION.columns.result.parse("撤回"))).toBe("WITHDRAWN");
    // 等待对方同意 is not a state a historical case is imported in
    expect(message(MEDIATION.columns.result.parse("等待对方同意调解"))).toContain("调解结果应为以下之一");
    // legal aid and mediation have their own kinds
    expect(message(WORK_ORDER.columns.type.parse("法律援助申请"))).toContain("事项类别应为以下之一");
    expect(value(LEGAL_AID.columns.decision.parse("不予"))).toBe("REFUSED");
    expect(value(LEGAL_AID.columns.matterCategory.parse("LABOUR"))).toBe("LABOUR");
  });
});

describe("headers and rows", () => {
  const sheetOf = (rows: (string | null)[][]) => ({ header: { row: 1, cells: rows[0] }, rows: rows.slice(1).map((cells, i) => ({ row: i + 2, cells })) });

  it("matches Chinese headers, aliases and English field names; ignores unknown columns", () => {
    expect(headerKey(" 行政区划代码（必填） ")).toBe(headerKey("行政区划代码"));
    expect(headerKey("*来源编号")).toBe(headerKey("来源编号"));
    const map = mapHeader(WORK_ORDER, ["来源编号", "regionCode", "事项类别", "createdAt", "姓名", "标题", "备注"]);
    expect(map.issues).toEqual([]);
    expect(map.ignored).toEqual(["备注"]);
    expect(map.index.get("requesterName")).toBe(4);
  });

  it("reports missing required columns and a column given twice on the header row", () => {
    const { rejected } = validateSheet(WORK_ORDER, sheetOf([["来源编号", "来源编号", "标题"], ["1", "1", "x"]]));
    expect(rejected).toHaveLength(1);
    expect(rejected[0].row).toBe(1);
    const messages = rejected[0].errors.map((e) => e.message);
    expect(messages).toContain("“来源编号”列出现了不止一次");
    for (const c of ["行政区划代码", "事项类别", "登记时间", "群众姓名"]) expect(messages).toContain(`缺少必填列“${c}”`);
  });

  it("reports every problem of a row by column, and the rules between columns once the cells are right", () => {
    const header = ["来源编号", "行政区划代码", "事项类别", "登记时间", "群众姓名", "标题", "办结时间", "是否按期办结"];
    const { parsed, rejected } = validateSheet(
      WORK_ORDER,
      sheetOf([
        header,
        ["A1", "369901001001", "法律咨询", "2024-03-05 10:00", "张某", "咨询", "2024-03-05", "是"],
        ["A2", "3699", "算命", "", "李某", "咨询", null, null],
        ["A3", "369901001001", "法律咨询", "2024-03-05 10:00", "王某", "咨询", "2024-03-04", null],
        ["A4", "369901001001", "法律咨询", "2024-03-05 10:00", "赵某", "咨询", null, "否"],
      ]),
    );
    expect(parsed.map((p) => p.row)).toEqual([2]);
    // a bare day on the registration's day is that day, not before the registration
    expect(parsed[0].value.closedAt?.dateOnly).toBe(true);
    expect(rejected).toEqual([
      {
        row: 3,
        errors: [
          { column: "行政区划代码", message: "行政区划代码应为 12 位数字" },
          { column: "事项类别", message: expect.stringContaining("事项类别应为以下之一") },
          { column: "登记时间", message: "请填写登记时间" },
        ],
      },
      { row: 4, errors: [{ column: "办结时间", message: "办结时间不能早于登记时间" }] },
      { row: 5, errors: [{ column: "是否按期办结", message: "未办结的工单不填“是否按期办结”" }] },
    ]);
  });

  it("legal aid: decision, lawyer and closing must go together", () => {
    const id = validId("36990119700101123");
    const header = ["来源编号", "行政区划代码", "申请时间", "申请人姓名", "身份证号码", "案件性质", "援助形式", "审查决定", "决定时间", "承办律师执业证号", "指派时间", "结案时间", "办理结果", "挽回经济损失（元）", "事项类别"];
    const row = (over: Record<number, string | null>) => header.map((_, i) => (i in over ? over[i] : null));
    const base = { 0: "L1", 1: "369901001001", 2: "2024-03-05", 3: "陈某", 4: id, 5: "民事", 6: "劳动争议调解与仲裁代理" };
    const { parsed, rejected } = validateSheet(
      LEGAL_AID,
      sheetOf([
        header,
        row({ ...base, 7: "给予", 8: "2024-03-08", 9: "13699202116548295", 10: "2024-03-09", 11: "2024-06-20", 12: "调解", 13: "20000" }),
        row({ ...base, 0: "L2", 7: "给予" }),
        row({ ...base, 0: "L3", 7: "不予", 8: "2024-03-08", 9: "13699202116548295", 10: "2024-03-09" }),
        row({ ...base, 0: "L4", 13: "100" }),
        row({ ...base, 0: "L5", 5: "刑事", 14: "LABOUR" }),
      ]),
    );
    expect(parsed.map((p) => p.row)).toEqual([2]);
    expect(parsed[0].value).toMatchObject({ decision: "APPROVED", outcome: "SETTLED", moneyRecovered: 20000, applicantIdNumber: id });
    expect(rejected.map((r) => [r.row, r.errors.map((e) => `${e.column}:${e.message}`)])).toEqual([
      [3, ["决定时间:填写了审查决定，请同时填写决定时间"]],
      [4, ["承办律师执业证号:只有决定给予法律援助的案件才能有承办律师"]],
      [5, ["挽回经济损失（元）:未结案的案件不填挽回经济损失"]],
      [6, ["事项类别:刑事案件的事项类别应为刑事事项"]],
    ]);
  });

  it("mediation: an ended case needs its end time; referrals take their channel from the source; no court confirmation of an oral agreement", () => {
    const header = ["来源编号", "行政区划代码", "案件来源", "来源渠道", "纠纷类别", "登记时间", "申请人", "被申请人", "调解结果", "结案时间", "履行情况", "协议形式", "司法确认"];
    const { parsed, rejected } = validateSheet(
      MEDIATION,
      sheetOf([
        header,
        ["M1", "369901001001", "当事人申请", "窗口来访", "邻里纠纷", "2024-03-05", "张某、张某某", "李某", "调解成功", "2024-03-20", "已履行", "书面", "是"],
        ["M2", "369901001001", "法院委派", "窗口来访", "合同", "2024-03-05", "甲公司", "乙公司", null, null, null, null, null],
        ["M3", "369901001001", "主动调解", null, "邻里", "2024-03-05", "张某", "李某", "调解不成", null, "已履行", null, null],
        ["M4", "369901001001", "主动调解", null, "邻里", "2024-03-05", "张某", "李某", "调解成功", "2024-03-06", null, "口头", "是"],
      ]),
    );
    expect(parsed.map((p) => p.row)).toEqual([2]);
    expect(parsed[0].value.applicants).toEqual(["张某", "张某某"]);
    expect(rejected.map((r) => [r.row, r.errors.map((e) => `${e.column}:${e.message}`)])).toEqual([
      [3, ["来源渠道:法院委派、公安移送、信访移送的案件，来源渠道由案件来源决定，请留空"]],
      [4, ["结案时间:已结束的调解案件请填写结案时间", "履行情况:只有调解成功的案件填写履行情况"]],
      [5, ["司法确认:口头协议不能申请司法确认"]],
    ]);
  });
});

describe("templates", () => {
  for (const kind of ["WORK_ORDER", "LEGAL_AID", "MEDIATION"] as const) {
    it(`${kind}: both templates read back with every column matched and the example row valid`, async () => {
      const columns = Object.values(KINDS[kind].columns);
      for (const bytes of [await templateWorkbook(kind), templateCsv(kind)]) {
        const sheet = await readSheet(bytes);
        expect(sheet.header.cells).toEqual(columns.map((c) => c.header));
        const { map, parsed, rejected } = validateSheet(KINDS[kind], sheet);
        expect(map.ignored).toEqual([]);
        expect(rejected).toEqual([]);
        expect(parsed).toHaveLength(1);
      }
    });
  }

  it("the CSV template starts with a BOM (Excel reads it as UTF-8)", () => {
    expect([...templateCsv("WORK_ORDER").slice(0, 3)]).toEqual(BOM);
  });
});
