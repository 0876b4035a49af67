// 指标注册表 (issue 7, DOMAIN.md §7): every indicator a leader reads is defined here once — its id,
// Chinese name, unit, the named counts it is computed from and the definition shown to users as
// 「口径说明」. Dashboards, exports and the API evaluate these definitions over counts; nothing
// computes a rate anywhere else. The counts themselves (raw queries, roll-ups, imports) are named in
// COUNTS, so a formula can only refer to a count that exists.

/** The named counts the formulas use, with what each one counts (for a region subtree and a period). */
export const COUNTS = {
  // network (as of the period's end)
  centres: "公共法律服务中心数",
  stations: "公共法律服务工作站数",
  rooms: "公共法律服务工作室数",
  villages: "村（社区）数",
  villagesWithRoom: "设有公共法律服务工作室的村（社区）数",
  villagesWithAdviser: "配备村（居）法律顾问的村（社区）数",
  residents: "常住人口（统计年度）",
  lawyers: "执业律师和基层法律服务工作者数",
  mediators: "人民调解员数",
  committees: "人民调解委员会数（设调解室的中心、工作站、工作室）",
  // work orders
  ordersAccepted: "受理的工单数（按登记时间）",
  ordersClosed: "办结的工单数（按办结时间）",
  ordersClosedOnTime: "在办理时限内办结的工单数",
  ordersHandlingHours: "办结工单的办理时长合计（小时，自然时间）",
  ordersRated: "有评价的办结工单数",
  ordersSatisfied: "评价为满意或基本满意的工单数",
  ordersFollowedUp: "已回访的办结工单数",
  consultations: "法律咨询工单数",
  // legal aid
  aidAccepted: "受理的法律援助申请数（按申请时间）",
  aidApproved: "决定给予法律援助的案件数（按决定时间）",
  aidDecided: "作出审查决定的申请数",
  aidDecidedOnTime: "在 7 个工作日内作出决定的申请数",
  aidAssigned: "指派律师的案件数（按指派时间）",
  aidAssignedOnTime: "在指派期限内指派的案件数",
  aidAssignedSameDay: "申请当日指派的案件数",
  aidAssignedByChoice: "以点援制方式（受援人点援、律师自主接单）确定律师的案件数",
  aidRecipients: "受援人数（不重复）",
  aidGreenChannel: "绿色通道案件数",
  aidMoneyRecovered: "挽回经济损失合计（元）",
  aidFeesWaived: "减免费用合计（元）",
  aidRated: "有回访评价的援助案件数",
  aidSatisfied: "回访评价为满意或基本满意的援助案件数",
  aidGraded: "已质量评估的援助案件数",
  aidGradedGood: "质量评估为优或良的援助案件数",
  // mediation
  mediationAccepted: "受理的调解案件数（按登记时间）",
  mediationConcluded: "调结的调解案件数（成功、不成和终止，按结束时间）",
  mediationSucceeded: "调解成功的案件数",
  mediationConfirmed: "经人民法院司法确认的调解协议数",
  mediationPerformed: "履行回访为已履行的调解协议数",
  mediationMajor: "重大纠纷数",
  mediationCrimePrevented: "防止民转刑件数",
} as const;
export type CountId = keyof typeof COUNTS;
export type Counts = Partial<Record<CountId, number>>;

export type IndicatorGroup = "network" | "workOrders" | "legalAid" | "mediation" | "capacity";
export const GROUP_LABELS: Record<IndicatorGroup, string> = {
  network: "服务网络",
  workOrders: "工单办理",
  legalAid: "法律援助",
  mediation: "人民调解",
  capacity: "队伍力量",
};

/**
 * How a value comes out of its counts: a count as it stands; a share (numerator ÷ denominator, shown
 * as a percentage); a ratio per 10,000 (×10,000, e.g. 受援率 万分之十二); an average (sum ÷ count).
 */
export type Formula =
  | { kind: "count"; of: CountId }
  | { kind: "share"; numerator: CountId; denominator: CountId }
  | { kind: "per10k"; numerator: CountId; denominator: CountId }
  | { kind: "average"; numerator: CountId; denominator: CountId };

export type Indicator = {
  id: string;
  name: string;
  unit: string;
  group: IndicatorGroup;
  formula: Formula;
  /** 口径说明, shown beside the figure */
  definition: string;
  /** ranking and target progress read a smaller value as better (e.g. handling time) */
  lowerIsBetter?: boolean;
};

const count = (id: string, name: string, unit: string, group: IndicatorGroup, of: CountId, definition: string): Indicator =>
  ({ id, name, unit, group, formula: { kind: "count", of }, definition });
const ratio = (
  kind: "share" | "per10k" | "average",
  id: string,
  name: string,
  unit: string,
  group: IndicatorGroup,
  numerator: CountId,
  denominator: CountId,
  definition: string,
): Indicator => ({ id, name, unit, group, formula: { kind, numerator, denominator }, definition });

export const INDICATORS: readonly Indicator[] = [
  // 服务网络
  count("network.centres", "公共法律服务中心", "个", "network", "centres", "统计期末在册的县级以上公共法律服务中心数。"),
  count("network.stations", "公共法律服务工作站", "个", "network", "stations", "统计期末在册的乡镇（街道）公共法律服务工作站数。"),
  count("network.rooms", "公共法律服务工作室", "个", "network", "rooms", "统计期末在册的村（社区）公共法律服务工作室数。"),
  ratio("share", "network.roomCoverage", "村（社区）工作室覆盖率", "%", "network", "villagesWithRoom", "villages", "设有公共法律服务工作室的村（社区）数 ÷ 村（社区）总数。"),
  ratio("share", "network.adviserCoverage", "村（居）法律顾问覆盖率", "%", "network", "villagesWithAdviser", "villages", "配备村（居）法律顾问的村（社区）数 ÷ 村（社区）总数。"),
  // 工单办理
  count("workOrders.accepted", "受理工单", "件", "workOrders", "ordersAccepted", "统计期内登记的各类工单数（含法律援助、人民调解），按登记时间（北京时间）计。"),
  count("workOrders.closed", "办结工单", "件", "workOrders", "ordersClosed", "统计期内办结的工单数，按办结时间计。"),
  ratio("share", "workOrders.onTimeRate", "按时办结率", "%", "workOrders", "ordersClosedOnTime", "ordersClosed", "统计期内在办理时限内办结的工单数 ÷ 统计期内办结的工单数；办理时限按工作日日历计算，暂停计时期间不计。"),
  { ...ratio("average", "workOrders.avgHandlingHours", "平均办理时长", "小时", "workOrders", "ordersHandlingHours", "ordersClosed", "统计期内办结工单从登记到办结的时长之和 ÷ 办结工单数，按自然时间计。"), lowerIsBetter: true },
  ratio("share", "workOrders.satisfactionRate", "群众满意率", "%", "workOrders", "ordersSatisfied", "ordersRated", "评价为满意和基本满意的工单数 ÷ 有评价的工单数。"),
  ratio("share", "workOrders.followUpRate", "回访率", "%", "workOrders", "ordersFollowedUp", "ordersClosed", "统计期内办结并已回访的工单数 ÷ 统计期内办结的工单数。"),
  count("workOrders.consultations", "法律咨询", "件", "workOrders", "consultations", "统计期内登记的法律咨询工单数（各渠道）。"),
  // 法律援助
  count("legalAid.accepted", "受理法律援助申请", "件", "legalAid", "aidAccepted", "统计期内受理的法律援助申请数，按申请时间计。"),
  count("legalAid.approved", "法律援助案件", "件", "legalAid", "aidApproved", "统计期内决定给予法律援助（含先行援助）的案件数，按决定时间计。"),
  count("legalAid.recipients", "受援人", "人", "legalAid", "aidRecipients", "统计期内获得法律援助的受援人数，同一人多次受援计一人（按身份证号）。"),
  ratio("per10k", "legalAid.aidRate", "常住人口受援率", "人/万人", "legalAid", "aidApproved", "residents", "统计期内法律援助案件数 ÷ 常住人口 × 10,000（如“万分之十二”即 12）。常住人口取统计年度数据。"),
  ratio("share", "legalAid.reviewOnTimeRate", "7 日内审查决定率", "%", "legalAid", "aidDecidedOnTime", "aidDecided", "在 7 个工作日内（补充材料期间不计）作出决定的申请数 ÷ 作出决定的申请数（法律援助法第四十三条）。"),
  ratio("share", "legalAid.assignOnTimeRate", "3 日内指派率", "%", "legalAid", "aidAssignedOnTime", "aidAssigned", "在决定后指派期限（默认 3 个工作日）内指派律师的案件数 ÷ 指派律师的案件数。"),
  ratio("share", "legalAid.sameDayAssignRate", "当日指派率", "%", "legalAid", "aidAssignedSameDay", "aidAssigned", "申请当日即指派律师的案件数 ÷ 指派律师的案件数。"),
  ratio("share", "legalAid.choiceShare", "点援率", "%", "legalAid", "aidAssignedByChoice", "aidAssigned", "以点援制方式（受援人点援、律师自主接单）确定律师的案件数 ÷ 指派律师的案件数；按首次确定律师计。"),
  count("legalAid.greenChannel", "绿色通道案件", "件", "legalAid", "aidGreenChannel", "统计期内受理的绿色通道申请数（重度残疾、重病、独居老人、留守儿童等）。"),
  count("legalAid.moneyRecovered", "挽回经济损失", "元", "legalAid", "aidMoneyRecovered", "统计期内结案的援助案件登记的挽回经济损失合计。"),
  count("legalAid.feesWaived", "减免费用", "元", "legalAid", "aidFeesWaived", "统计期内结案的援助案件登记的减免诉讼费、鉴定费等合计。"),
  ratio("share", "legalAid.satisfactionRate", "受援人满意率", "%", "legalAid", "aidSatisfied", "aidRated", "回访评价为满意和基本满意的案件数 ÷ 有回访评价的案件数。"),
  ratio("share", "legalAid.qualityGoodRate", "办案质量优良率", "%", "legalAid", "aidGradedGood", "aidGraded", "质量评估为优、良的案件数 ÷ 已质量评估的案件数。"),
  // 人民调解
  count("mediation.accepted", "受理调解案件", "件", "mediation", "mediationAccepted", "统计期内登记的人民调解案件数（含对方拒绝调解的），按登记时间计。"),
  count("mediation.concluded", "调结案件", "件", "mediation", "mediationConcluded", "统计期内结束调解的案件数：调解成功、调解不成和当事人终止，按结束时间计；对方拒绝调解的未经调解，不计入。"),
  count("mediation.succeeded", "调解成功", "件", "mediation", "mediationSucceeded", "统计期内调解成功（达成书面或口头协议）的案件数。"),
  ratio("share", "mediation.successRate", "调解成功率", "%", "mediation", "mediationSucceeded", "mediationConcluded", "调解成功的案件数 ÷ 调结案件数。"),
  count("mediation.confirmed", "司法确认", "件", "mediation", "mediationConfirmed", "调解成功的案件中经人民法院确认调解协议有效的件数。"),
  ratio("share", "mediation.performanceRate", "协议履行率", "%", "mediation", "mediationPerformed", "mediationSucceeded", "履行回访为已履行的协议数 ÷ 调解成功的案件数；尚未回访的计入分母。"),
  count("mediation.major", "重大纠纷", "件", "mediation", "mediationMajor", "统计期内受理的、登记为重大纠纷的案件数。"),
  count("mediation.crimePrevented", "防止民转刑", "件", "mediation", "mediationCrimePrevented", "统计期内调结的案件中登记为防止民转刑的件数。"),
  // 队伍力量
  ratio("per10k", "capacity.lawyersPer10k", "每万人拥有律师数", "人/万人", "capacity", "lawyers", "residents", "执业律师和基层法律服务工作者数 ÷ 常住人口 × 10,000。"),
  count("capacity.mediators", "人民调解员", "人", "capacity", "mediators", "统计期末在册的人民调解员账号数。"),
  count("capacity.committees", "人民调解委员会", "个", "capacity", "committees", "设在公共法律服务中心、工作站、工作室的人民调解委员会数。"),
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));
export const indicatorById = (id: string) => BY_ID.get(id);

export type IndicatorValue = {
  id: string;
  name: string;
  unit: string;
  /** null when the denominator is 0 (shown as "—", never NaN or 0%) */
  value: number | null;
  numerator: number;
  denominator: number | null;
};

/** The counts a formula reads. */
export function countsOf(f: Formula): CountId[] {
  return f.kind === "count" ? [f.of] : [f.numerator, f.denominator];
}

/**
 * One indicator over its counts. A missing count is an error (the caller forgot to compute it),
 * not a zero: a silently wrong figure is worse than a failed page.
 */
export function evaluate(indicator: Indicator, counts: Counts): IndicatorValue {
  const get = (id: CountId) => {
    const v = counts[id];
    if (v === undefined || !Number.isFinite(v)) throw new Error(`count "${id}" missing for indicator ${indicator.id}`);
    return v;
  };
  const f = indicator.formula;
  const base = { id: indicator.id, name: indicator.name, unit: indicator.unit };
  if (f.kind === "count") return { ...base, value: get(f.of), numerator: get(f.of), denominator: null };
  const numerator = get(f.numerator);
  const denominator = get(f.denominator);
  if (denominator === 0) return { ...base, value: null, numerator, denominator };
  const scale = f.kind === "share" ? 100 : f.kind === "per10k" ? 10_000 : 1;
  return { ...base, value: (numerator / denominator) * scale, numerator, denominator };
}

/** The text of a value: "97.2%", "12.31 人/万人", "1,234 件", or "—" when there is nothing to divide by. */
export function formatIndicator(indicator: Indicator, value: number | null): string {
  if (value === null) return "—";
  const f = indicator.formula.kind;
  if (f === "share") return `${value.toFixed(1)}%`;
  const digits = f === "per10k" ? 2 : f === "average" ? 1 : Number.isInteger(value) ? 0 : 2;
  const text = value.toLocaleString("zh-CN", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${text} ${indicator.unit}`;
}

/**
 * The distributions leaders read beside the figures: one count split by one dimension of its
 * records (e.g. 受理工单 by channel). Counted by the same recount and roll-ups as COUNTS, keyed
 * "<dimension>:<value>"; the values' Chinese names come from the domain's own label maps.
 */
export const BREAKDOWN_DIMENSIONS = {
  type: { count: "ordersAccepted", name: "受理工单按业务类别" },
  channel: { count: "ordersAccepted", name: "受理工单按来源渠道" },
  tier: { count: "ordersAccepted", name: "受理工单按服务层级" },
  status: { count: "ordersAccepted", name: "受理工单按当前状态" },
  aidForm: { count: "aidAccepted", name: "法律援助申请按援助形式" },
  matterKind: { count: "aidAccepted", name: "法律援助申请按案件性质（刑事、民事、行政）" },
  mediationCategory: { count: "mediationAccepted", name: "调解案件按纠纷类型" },
  mediationSource: { count: "mediationAccepted", name: "调解案件按案件来源" },
} as const satisfies Record<string, { count: CountId; name: string }>;
export type BreakdownDimension = keyof typeof BREAKDOWN_DIMENSIONS;
/** "<dimension>:<value>" → count; a value with no records is absent. */
export type Breakdowns = Record<string, number>;
