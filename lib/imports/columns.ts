import type { ImportKind, MediationCategory, MediationStatus, WorkOrderType } from "@/lib/generated/prisma/enums";
import { CHANNEL_LABELS, TYPE_LABELS } from "@/lib/work-orders/labels";
import { AID_FORM_LABELS, ECONOMIC_BASIS_LABELS, isCriminalCategory, MATTER_CATEGORIES } from "@/lib/legal-aid/application-schemas";
import { MATTER_KIND_LABELS, matterCategoryLabel, OUTCOME_LABELS } from "@/lib/legal-aid/labels";
import { MEDIATION_CATEGORY_LABELS, MEDIATION_SOURCE_LABELS, MEDIATION_STATUS_LABELS, PERFORMANCE_LABELS, REFERRAL_SOURCES } from "@/lib/mediation/labels";
import { MAX_PARTIES } from "@/lib/mediation/schemas";
import {
  amount, choice, idNumber, licenceNumber, mobile, names, regionCode, sourceNumber, text, when, wholeNumber, yesNo, type Parser, type When,
} from "@/lib/imports/cells";

// 历史数据导入: the columns of each kind, as data. One definition feeds the file parser (headers and
// aliases → fields, each cell through its parser), the downloadable templates (headers, an example
// row, the notes sheet) and the README table — so the three cannot disagree. The enumerations are
// read by the labels every page shows (lib/work-orders, lib/legal-aid, lib/mediation).

export type ColumnDef<T = unknown, R extends boolean = boolean> = {
  /** the Chinese header of the templates */
  header: string;
  /** other headers accepted for this column (the English field name is always accepted) */
  aliases: readonly string[];
  required: R;
  /** README and the templates' notes sheet */
  description: string;
  /** the template's example row */
  example: string;
  /** long digit strings: the XLSX template formats the column as text */
  textFormat?: boolean;
  parse: Parser<T>;
};

function column<T, const R extends boolean>(c: Omit<ColumnDef<T, R>, "aliases"> & { aliases?: readonly string[] }): ColumnDef<T, R> {
  return { ...c, aliases: c.aliases ?? [] };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyColumns = Record<string, ColumnDef<any, boolean>>;

/** One parsed row: required columns always present, optional ones possibly undefined. */
export type RowOf<C extends AnyColumns> = {
  [K in keyof C]: C[K] extends ColumnDef<infer T, true> ? T : C[K] extends ColumnDef<infer T, boolean> ? T | undefined : never;
};

export type KindSpec<C extends AnyColumns = AnyColumns> = {
  kind: ImportKind;
  /** 工单 / 法律援助案件 / 人民调解案件 */
  title: string;
  columns: C;
  /** rules between the columns of one row; `issue` names the column the message belongs to */
  check: (row: RowOf<C>, issue: (column: keyof C & string, message: string) => void) => void;
};

const spec = <C extends AnyColumns>(s: KindSpec<C>) => s;

/** Any kind's spec, for the code that reads every kind alike (the row type is then the reader's business). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKindSpec = Omit<KindSpec, "check"> & { check: (row: any, issue: (column: string, message: string) => void) => void };

// ── columns every kind has ──

const SOURCE_NUMBER_NOTE = "原系统或台账中的编号，同一地区内不能重复。再次导入时，地区和来源编号都相同的行视为已导入，跳过不写";
const SERVICE_POINT_NOTE =
  "网点名称（与“服务网点”管理中的名称一致），或网点编号（管理后台网点页面地址中的数字）；网点须在该地区、其上级或下级地区。不填时按“工单办理规则”确定：该地区（或最近的上级地区）办理此类事项的最基层网点，与新登记的事项相同";

const common = (what: string) => ({
  sourceNumber: column({ header: "来源编号", aliases: ["原编号", "原始编号"], required: true, description: SOURCE_NUMBER_NOTE, example: "2024-0001", textFormat: true, parse: sourceNumber("来源编号") }),
  regionCode: column({
    header: "行政区划代码",
    aliases: ["区划代码", "地区代码"],
    required: true,
    description: `${what}所在地的 12 位行政区划代码（村、乡镇、县或市），须已在“行政区划”中建立`,
    example: "369901001001",
    textFormat: true,
    parse: regionCode,
  }),
});

const channel = column({
  header: "来源渠道",
  aliases: ["渠道", "受理渠道"],
  required: false,
  description: `${Object.values(CHANNEL_LABELS).join("、")}之一；不填为“窗口来访”`,
  example: CHANNEL_LABELS.WALK_IN,
  parse: choice(CHANNEL_LABELS, "来源渠道", { aliases: { "12348": "HOTLINE_12348", 热线: "HOTLINE_12348", 来访: "WALK_IN" } }),
});

const TIME_NOTE = "格式如 2024-03-05 14:30 或 2024-03-05（北京时间；只填日期按当天 0:00 计），也可以是 Excel 日期单元格";
const LATER_NOTE = "只填日期且与登记时间同一天时，按登记时间计";

// ── 工单 ──

const PLAIN_TYPES = (Object.keys(TYPE_LABELS) as WorkOrderType[]).filter((t) => t !== "LEGAL_AID" && t !== "MEDIATION");

export const WORK_ORDER = spec({
  kind: "WORK_ORDER",
  title: "工单",
  columns: {
    ...common("事项"),
    servicePoint: column({ header: "服务网点", aliases: ["办理网点", "受理网点"], required: false, description: SERVICE_POINT_NOTE, example: "文昌街道文昌社区公共法律服务工作室", parse: text(80, "服务网点") }),
    type: column({
      header: "事项类别",
      aliases: ["业务类别", "工单类型"],
      required: true,
      description: `${PLAIN_TYPES.map((t) => TYPE_LABELS[t]).join("、")}之一（法律援助、人民调解请选对应的导入类型）`,
      example: TYPE_LABELS.CONSULTATION,
      parse: choice(TYPE_LABELS, "事项类别", { only: PLAIN_TYPES }),
    }),
    channel,
    createdAt: column({ header: "登记时间", aliases: ["受理时间", "来访时间"], required: true, description: TIME_NOTE, example: "2024-03-05 09:30", parse: when("登记时间", { past: true }) }),
    requesterName: column({ header: "群众姓名", aliases: ["姓名", "来访人", "求助人"], required: true, description: "提出事项的群众姓名或单位名称", example: "张某", parse: text(40, "群众姓名") }),
    requesterPhone: column({ header: "联系电话", aliases: ["电话", "手机号"], required: false, description: "11 位手机号", example: "13800000000", textFormat: true, parse: mobile("联系电话") }),
    subject: column({ header: "标题", aliases: ["事项", "诉求"], required: true, description: "一句话概括，最多 120 字", example: "咨询拖欠工资如何维权", parse: text(120, "标题") }),
    description: column({ header: "内容", aliases: ["诉求内容", "详细内容"], required: false, description: "详细情况，最多 4000 字；不填时同标题", example: "在工地务工半年，老板拖欠工资，想了解维权途径。", parse: text(4000, "内容") }),
    dueAt: column({
      header: "办理期限",
      aliases: ["期限", "应办结时间"],
      required: false,
      description: "应办结的时间（只填日期时到当天结束）；不填时按“工单办理规则”的时限从登记时间算起",
      example: "2024-03-12",
      parse: when("办理期限", { past: false, deadline: true }),
    }),
    closedAt: column({ header: "办结时间", aliases: ["结束时间"], required: false, description: `已办结的填写（${LATER_NOTE}）；不填为办理中`, example: "2024-03-06 16:00", parse: when("办结时间", { past: true }) }),
    closedOnTime: column({ header: "是否按期办结", aliases: ["按期办结"], required: false, description: "“是”或“否”；不填时按办结时间是否在办理期限内判断", example: "是", parse: yesNo("是否按期办结") }),
    resultSummary: column({ header: "办理结果", aliases: ["办理情况", "答复内容"], required: false, description: "最多 2000 字", example: "已告知通过劳动仲裁维权的途径和所需材料。", parse: text(2000, "办理结果") }),
  },
  check(r, issue) {
    if (r.closedAt && !sameDayOrLater(r.closedAt, r.createdAt)) issue("closedAt", "办结时间不能早于登记时间");
    if (r.dueAt && r.dueAt.at < r.createdAt.at) issue("dueAt", "办理期限不能早于登记时间");
    if (r.closedOnTime !== undefined && !r.closedAt) issue("closedOnTime", "未办结的工单不填“是否按期办结”");
  },
});

// ── 法律援助 ──

const MATTER_CATEGORY_LABELS = Object.fromEntries(MATTER_CATEGORIES.map((k) => [k, matterCategoryLabel(k)])) as Record<string, string>;
const DECISIONS = { APPROVED: "给予法律援助", REFUSED: "不予法律援助" } as const;

export const LEGAL_AID = spec({
  kind: "LEGAL_AID",
  title: "法律援助案件",
  columns: {
    ...common("申请人"),
    servicePoint: column({
      header: "服务网点",
      aliases: ["法律援助机构", "受理机构"],
      required: false,
      description: `作出决定的法律援助机构（县级公共法律服务中心）。${SERVICE_POINT_NOTE.replace("办理此类事项的最基层网点", "作出法律援助决定的中心")}`,
      example: "青溪区公共法律服务中心",
      parse: text(80, "服务网点"),
    }),
    channel,
    createdAt: column({ header: "申请时间", aliases: ["受理时间", "登记时间"], required: true, description: TIME_NOTE, example: "2024-03-05 09:30", parse: when("申请时间", { past: true }) }),
    applicantName: column({ header: "申请人姓名", aliases: ["申请人", "受援人", "受援人姓名"], required: true, description: "最多 40 字", example: "张某", parse: text(40, "申请人姓名") }),
    applicantIdNumber: column({
      header: "身份证号码",
      aliases: ["申请人身份证号码", "公民身份号码", "身份证号"],
      required: true,
      description: "18 位公民身份号码（校验末位）；只加密保存，报告和页面不显示",
      example: "369901197001011236",
      textFormat: true,
      parse: idNumber("身份证号码"),
    }),
    applicantPhone: column({ header: "联系电话", aliases: ["电话", "手机号"], required: false, description: "11 位手机号", example: "13800000000", textFormat: true, parse: mobile("联系电话") }),
    applicantAddress: column({ header: "住址", aliases: ["申请人住址"], required: false, description: "最多 160 字", example: "文昌社区 3 组 12 号", parse: text(160, "住址") }),
    matterKind: column({
      header: "案件性质",
      aliases: ["案件类型"],
      required: true,
      description: `${Object.values(MATTER_KIND_LABELS).join("、")}之一`,
      example: MATTER_KIND_LABELS.CIVIL,
      parse: choice(MATTER_KIND_LABELS, "案件性质", { aliases: { 刑事案件: "CRIMINAL", 民事案件: "CIVIL", 行政案件: "ADMINISTRATIVE" } }),
    }),
    matterCategory: column({
      header: "事项类别",
      aliases: ["案由"],
      required: false,
      description: `法律援助申请表的事项代码（${MATTER_CATEGORIES.join("、")}）或申请表上的完整说法；不填时刑事为 CRIMINAL_NOT_SURE，民事、行政为 OTHER`,
      example: "LABOUR",
      parse: choice(MATTER_CATEGORY_LABELS, "事项类别"),
    }),
    aidForm: column({
      header: "援助形式",
      aliases: ["法律援助形式"],
      required: true,
      description: `${Object.values(AID_FORM_LABELS).join("、")}之一`,
      example: AID_FORM_LABELS.LABOUR_ARBITRATION,
      parse: choice(AID_FORM_LABELS, "援助形式"),
    }),
    opposingParty: column({ header: "对方当事人", aliases: ["被申请人"], required: false, description: "最多 120 字", example: "某建筑劳务公司", parse: text(120, "对方当事人") }),
    facts: column({ header: "案情简述", aliases: ["案情"], required: false, description: "最多 4000 字", example: "在工地务工半年，被拖欠工资 2 万元。", parse: text(4000, "案情简述") }),
    economicBasis: column({
      header: "经济状况依据",
      aliases: ["经济状况"],
      required: false,
      description: "经济困难、免予核查、不受经济困难条件限制之一；不填为“经济困难”",
      example: "经济困难",
      parse: choice(ECONOMIC_BASIS_LABELS, "经济状况依据", {
        aliases: { 经济困难: "HARDSHIP_DECLARATION", 免予核查: "EXEMPT_GROUP", 免予核查经济状况: "EXEMPT_GROUP", 不受经济困难条件限制: "NO_ECONOMIC_TEST" },
      }),
    }),
    greenChannel: column({ header: "绿色通道", aliases: ["是否绿色通道"], required: false, description: "“是”或“否”；不填为否", example: "否", parse: yesNo("绿色通道") }),
    decision: column({
      header: "审查决定",
      aliases: ["决定"],
      required: false,
      description: "给予法律援助、不予法律援助之一（也可写“给予”“不予”）；不填为待审查",
      example: DECISIONS.APPROVED,
      parse: choice(DECISIONS, "审查决定", { aliases: { 给予: "APPROVED", 同意: "APPROVED", 不予: "REFUSED", 不同意: "REFUSED" } }),
    }),
    decidedAt: column({ header: "决定时间", aliases: ["审查时间"], required: false, description: `填写审查决定时必填（${LATER_NOTE}）`, example: "2024-03-08", parse: when("决定时间", { past: true }) }),
    decidedOnTime: column({
      header: "是否按期决定",
      aliases: ["按期决定"],
      required: false,
      description: "“是”或“否”；不填时按决定时间是否在申请后的审查时限（“工单办理规则”中法律援助的时限）内判断",
      example: "是",
      parse: yesNo("是否按期决定"),
    }),
    lawyerLicence: column({
      header: "承办律师执业证号",
      aliases: ["律师执业证号", "执业证号"],
      required: false,
      description: "已指派律师的填写；律师须已在律师名录中（按执业证号查找），导入为指派记录第 1 轮（中心指派）",
      example: "13699202116548295",
      textFormat: true,
      parse: licenceNumber("承办律师执业证号"),
    }),
    assignedAt: column({ header: "指派时间", aliases: [], required: false, description: `填写承办律师时必填（${LATER_NOTE}）`, example: "2024-03-09", parse: when("指派时间", { past: true }) }),
    closedAt: column({ header: "结案时间", aliases: [], required: false, description: `律师结案的填写（须已指派律师；${LATER_NOTE}）`, example: "2024-06-20", parse: when("结案时间", { past: true }) }),
    outcome: column({
      header: "办理结果",
      aliases: ["结案方式", "结果"],
      required: false,
      description: `已结案的必填：${Object.values(OUTCOME_LABELS).join("、")}之一`,
      example: OUTCOME_LABELS.SETTLED,
      parse: choice(OUTCOME_LABELS, "办理结果", { aliases: { 胜诉: "WON", 部分胜诉: "PARTLY_WON", 败诉: "LOST", 调解: "SETTLED", 和解: "SETTLED", 撤诉: "WITHDRAWN" } }),
    }),
    moneyRecovered: column({ header: "挽回经济损失（元）", aliases: ["挽回经济损失", "挽回损失"], required: false, description: "已结案的填写，数字，最多 2 位小数", example: "20000", parse: amount("挽回经济损失") }),
    feesWaived: column({ header: "减免收费（元）", aliases: ["减免收费", "减免费用"], required: false, description: "已结案的填写，数字，最多 2 位小数", example: "3000", parse: amount("减免收费") }),
  },
  check(r, issue) {
    if (r.matterCategory && isCriminalCategory(r.matterCategory) !== (r.matterKind === "CRIMINAL")) {
      issue("matterCategory", r.matterKind === "CRIMINAL" ? "刑事案件的事项类别应为刑事事项" : "民事、行政案件不能选刑事事项类别");
    }
    if (r.decision && !r.decidedAt) issue("decidedAt", "填写了审查决定，请同时填写决定时间");
    if (!r.decision && r.decidedAt) issue("decision", "填写了决定时间，请同时填写审查决定");
    if (r.decidedOnTime !== undefined && !r.decidedAt) issue("decidedOnTime", "未作决定的申请不填“是否按期决定”");
    if (r.decidedAt && !sameDayOrLater(r.decidedAt, r.createdAt)) issue("decidedAt", "决定时间不能早于申请时间");
    if (r.lawyerLicence && r.decision !== "APPROVED") issue("lawyerLicence", "只有决定给予法律援助的案件才能有承办律师");
    if (r.lawyerLicence && !r.assignedAt) issue("assignedAt", "填写了承办律师，请同时填写指派时间");
    if (!r.lawyerLicence && r.assignedAt) issue("lawyerLicence", "填写了指派时间，请同时填写承办律师执业证号");
    if (r.assignedAt && r.decidedAt && !sameDayOrLater(r.assignedAt, r.decidedAt)) issue("assignedAt", "指派时间不能早于决定时间");
    if (r.closedAt && !r.lawyerLicence) issue("closedAt", "结案的案件须填写承办律师");
    if (r.closedAt && r.assignedAt && !sameDayOrLater(r.closedAt, r.assignedAt)) issue("closedAt", "结案时间不能早于指派时间");
    if (r.closedAt && !r.outcome) issue("outcome", "已结案的案件请填写办理结果");
    if (!r.closedAt) {
      if (r.outcome) issue("outcome", "未结案的案件不填办理结果");
      if (r.moneyRecovered !== undefined) issue("moneyRecovered", "未结案的案件不填挽回经济损失");
      if (r.feesWaived !== undefined) issue("feesWaived", "未结案的案件不填减免收费");
    }
  },
});

// ── 人民调解 ──

const ENDED: MediationStatus[] = ["SUCCEEDED", "FAILED", "WITHDRAWN", "REFUSED"];
const IMPORTED_MEDIATION_STATUSES: MediationStatus[] = ["ACCEPTED", "IN_PROGRESS", ...ENDED];

export const MEDIATION = spec({
  kind: "MEDIATION",
  title: "人民调解案件",
  columns: {
    ...common("纠纷发生地"),
    servicePoint: column({
      header: "服务网点",
      aliases: ["调解委员会", "调解组织"],
      required: false,
      description: `受理的人民调解委员会所在网点。${SERVICE_POINT_NOTE}`,
      example: "文昌街道文昌社区公共法律服务工作室",
      parse: text(80, "服务网点"),
    }),
    source: column({
      header: "案件来源",
      aliases: ["来源"],
      required: true,
      description: `${Object.values(MEDIATION_SOURCE_LABELS).join("、")}之一（括号内可省略）`,
      example: "当事人申请",
      parse: choice(MEDIATION_SOURCE_LABELS, "案件来源", { aliases: { 申请调解: "APPLICATION", 主动排查: "PROACTIVE", 法院委派: "COURT", 诉前委派: "COURT", 公安移送: "POLICE", 信访移送: "PETITION" } }),
    }),
    channel: column({ ...channel, description: `${channel.description}。法院委派、公安移送、信访移送的案件由案件来源决定，请留空` }),
    category: column({
      header: "纠纷类别",
      aliases: ["纠纷类型", "类别"],
      required: true,
      description: `${Object.values(MEDIATION_CATEGORY_LABELS).join("、")}之一（“纠纷”二字可省略）`,
      example: MEDIATION_CATEGORY_LABELS.NEIGHBOUR,
      parse: choice(MEDIATION_CATEGORY_LABELS, "纠纷类别", {
        aliases: Object.fromEntries(Object.entries(MEDIATION_CATEGORY_LABELS).map(([k, v]) => [v.replace(/纠纷$/, ""), k as MediationCategory])),
      }),
    }),
    createdAt: column({ header: "登记时间", aliases: ["受理时间"], required: true, description: TIME_NOTE, example: "2024-03-05 09:30", parse: when("登记时间", { past: true }) }),
    applicants: column({
      header: "申请人",
      aliases: ["申请人姓名", "一方当事人"],
      required: true,
      description: "一方当事人的姓名或单位名称，多个用“、”分隔（主动调解的案件填写其中一方）",
      example: "张某",
      parse: names("申请人", 80, MAX_PARTIES),
    }),
    applicantPhone: column({ header: "申请人电话", aliases: [], required: false, description: "第一位申请人的 11 位手机号", example: "13800000000", textFormat: true, parse: mobile("申请人电话") }),
    applicantIdNumber: column({
      header: "申请人身份证号码",
      aliases: ["申请人身份证号"],
      required: false,
      description: "第一位申请人的 18 位公民身份号码（校验末位）；只加密保存，报告和页面不显示",
      example: "",
      textFormat: true,
      parse: idNumber("申请人身份证号码"),
    }),
    respondents: column({
      header: "被申请人",
      aliases: ["被申请人姓名", "另一方当事人"],
      required: true,
      description: "另一方当事人的姓名或单位名称，多个用“、”分隔",
      example: "李某",
      parse: names("被申请人", 80, MAX_PARTIES),
    }),
    respondentPhone: column({ header: "被申请人电话", aliases: [], required: false, description: "第一位被申请人的 11 位手机号", example: "", textFormat: true, parse: mobile("被申请人电话") }),
    summary: column({ header: "纠纷简要情况", aliases: ["纠纷情况", "简要案情"], required: false, description: "最多 4000 字", example: "因相邻排水问题发生争执。", parse: text(4000, "纠纷简要情况") }),
    amountInvolved: column({ header: "涉及金额（元）", aliases: ["涉及金额", "争议金额"], required: false, description: "数字，最多 2 位小数", example: "5000", parse: amount("涉及金额") }),
    peopleInvolved: column({ header: "涉及人数", aliases: [], required: false, description: "整数；不填为当事人人数（至少 2）", example: "2", parse: wholeNumber("涉及人数", 2, 100_000) }),
    major: column({ header: "重大纠纷", aliases: ["是否重大纠纷"], required: false, description: "“是”或“否”；不填为否", example: "否", parse: yesNo("重大纠纷") }),
    result: column({
      header: "调解结果",
      aliases: ["案件状态", "状态"],
      required: false,
      description: `${IMPORTED_MEDIATION_STATUSES.map((s) => MEDIATION_STATUS_LABELS[s]).join("、")}之一（括号内可省略，“已终止”也可写“撤回”）；不填为“调解中”`,
      example: MEDIATION_STATUS_LABELS.SUCCEEDED,
      parse: choice(MEDIATION_STATUS_LABELS, "调解结果", {
        only: IMPORTED_MEDIATION_STATUSES,
        aliases: { 成功: "SUCCEEDED", 调解不成功: "FAILED", 失败: "FAILED", 撤回: "WITHDRAWN", 终止: "WITHDRAWN", 已受理: "ACCEPTED", 拒绝调解: "REFUSED" },
      }),
    }),
    endedAt: column({ header: "结案时间", aliases: ["办结时间", "调解结束时间"], required: false, description: `调解成功、不成、终止或对方拒绝的必填（${LATER_NOTE}）`, example: "2024-03-20", parse: when("结案时间", { past: true }) }),
    agreementOral: column({
      header: "协议形式",
      aliases: ["调解协议形式"],
      required: false,
      description: "调解成功的填写：书面、口头之一；不填为书面",
      example: "书面",
      parse: choice({ WRITTEN: "书面", ORAL: "口头" } as const, "协议形式", { aliases: { 书面协议: "WRITTEN", 口头协议: "ORAL" } }),
    }),
    confirmationGranted: column({ header: "司法确认", aliases: ["是否司法确认"], required: false, description: "调解成功的填写：“是”表示协议经人民法院司法确认", example: "否", parse: yesNo("司法确认") }),
    performance: column({
      header: "履行情况",
      aliases: [],
      required: false,
      description: `调解成功的填写：${Object.values(PERFORMANCE_LABELS).join("、")}之一`,
      example: PERFORMANCE_LABELS.PERFORMED,
      parse: choice(PERFORMANCE_LABELS, "履行情况"),
    }),
    crimePrevented: column({ header: "防止民转刑", aliases: ["是否防止民转刑"], required: false, description: "“是”表示化解了可能激化为刑事案件的纠纷；不填为否", example: "否", parse: yesNo("防止民转刑") }),
  },
  check(r, issue) {
    const status = r.result ?? "IN_PROGRESS";
    if (r.channel && REFERRAL_SOURCES.includes(r.source)) issue("channel", "法院委派、公安移送、信访移送的案件，来源渠道由案件来源决定，请留空");
    if (ENDED.includes(status) && !r.endedAt) issue("endedAt", "已结束的调解案件请填写结案时间");
    if (!ENDED.includes(status) && r.endedAt) issue("result", "填写了结案时间，请同时填写调解结果");
    if (r.endedAt && !sameDayOrLater(r.endedAt, r.createdAt)) issue("endedAt", "结案时间不能早于登记时间");
    if (status !== "SUCCEEDED") {
      if (r.agreementOral) issue("agreementOral", "只有调解成功的案件填写协议形式");
      if (r.confirmationGranted !== undefined) issue("confirmationGranted", "只有调解成功的案件填写司法确认");
      if (r.performance) issue("performance", "只有调解成功的案件填写履行情况");
    } else if (r.agreementOral === "ORAL" && r.confirmationGranted) {
      issue("confirmationGranted", "口头协议不能申请司法确认");
    }
    const parties = r.applicants.length + r.respondents.length;
    if (parties > MAX_PARTIES) issue("respondents", `一个案件最多登记 ${MAX_PARTIES} 方当事人`);
  },
});

export const KINDS = { WORK_ORDER, LEGAL_AID, MEDIATION } as const satisfies Record<ImportKind, AnyKindSpec>;
export const KIND_ORDER: ImportKind[] = ["WORK_ORDER", "LEGAL_AID", "MEDIATION"];
export const KIND_LABELS: Record<ImportKind, string> = { WORK_ORDER: WORK_ORDER.title, LEGAL_AID: LEGAL_AID.title, MEDIATION: MEDIATION.title };

export type WorkOrderRow = RowOf<typeof WORK_ORDER.columns>;
export type LegalAidRow = RowOf<typeof LEGAL_AID.columns>;
export type MediationRow = RowOf<typeof MEDIATION.columns>;

/**
 * A later event on the same Shanghai day as an earlier one: a day without a time means "that day",
 * so it is not before the other. Used by the checks above and to place such an event (see atOrAfter).
 */
export function sameDayOrLater(later: When, earlier: When): boolean {
  if (later.at >= earlier.at) return true;
  return later.dateOnly && dayOf(later.at) === dayOf(earlier.at);
}

const dayOf = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The moment to store for a later event: a bare day on the day of the earlier one becomes that moment. */
export const atOrAfter = (later: When, earlier: Date): Date => (later.at < earlier ? earlier : later.at);
