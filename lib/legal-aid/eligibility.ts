// 法律援助自助评估 (can I get legal aid?): the rules of 法律援助法 as data tables, and one pure
// function that reads a resident's answers against them. No database, no Next.js: every branch is
// unit-tested as a table (tests/unit/legal-aid-eligibility.test.ts). The hardship standard itself is
// data per region and date (lib/legal-aid/hardship-standards.ts), passed in here.

export type MatterKind = "CRIMINAL" | "CIVIL" | "ADMINISTRATIVE" | "NOT_SURE";

export const MATTER_KINDS: readonly { key: MatterKind; label: string; hint: string }[] = [
  { key: "CIVIL", label: "民事纠纷", hint: "如讨要工资、工伤或交通事故赔偿、赡养费抚养费、婚姻家庭等" },
  { key: "ADMINISTRATIVE", label: "和政府部门之间的事（行政案件）", hint: "如社保待遇、低保救助、抚恤金、国家赔偿等" },
  { key: "CRIMINAL", label: "刑事案件", hint: "本人或家里人被公安机关抓了、被起诉了，或者自己是犯罪的受害人" },
  { key: "NOT_SURE", label: "说不清楚", hint: "下一步按事情的内容来选" },
];

type Entry<K extends string> = {
  key: K;
  /** plain Chinese, as a resident would say it */
  label: string;
  /** the article (and item) of 法律援助法 it comes from */
  article: string;
};

// ── 刑事: the Art. 24/25/28/29/33 situations a resident can recognise ──

export type CriminalSituationKey =
  | "SUSPECT_SPECIAL"
  | "COMPULSORY_MEDICAL"
  | "SUSPECT_NO_LAWYER"
  | "VICTIM"
  | "RETRIAL"
  | "CRIMINAL_NOT_SURE";

export type CriminalSituation = Entry<CriminalSituationKey> & {
  /** Art. 25/28: the court, procuratorate or police must ask for a lawyer; no economic test */
  mandatory: boolean;
  /** the answer is the applicant's economic situation (Art. 24, 29, 33) */
  economicTest: boolean;
};

export const CRIMINAL_SITUATIONS: readonly CriminalSituation[] = [
  {
    key: "SUSPECT_SPECIAL",
    label: "被抓或被起诉的人是未成年人，盲、聋、哑人，精神上不能完全辨认自己行为的人，或者可能被判无期徒刑、死刑的人",
    article: "第二十五条",
    mandatory: true,
    economicTest: false,
  },
  {
    key: "COMPULSORY_MEDICAL",
    label: "法院要对家里人强制医疗（精神病人），还没有请代理人",
    article: "第二十八条",
    mandatory: true,
    economicTest: false,
  },
  {
    key: "SUSPECT_NO_LAWYER",
    label: "本人或家里人被抓、被起诉，请不起律师",
    article: "第二十四条",
    mandatory: false,
    economicTest: true,
  },
  {
    key: "VICTIM",
    label: "我是犯罪的受害人（或受害人的家属），想请人帮忙打官司、要赔偿",
    article: "第二十九条",
    mandatory: false,
    economicTest: true,
  },
  {
    key: "RETRIAL",
    label: "判决已经生效，法院决定再审或检察院提出抗诉",
    article: "第三十三条",
    mandatory: false,
    economicTest: true,
  },
  { key: "CRIMINAL_NOT_SURE", label: "都不是，或者说不清楚", article: "第二十四条至第二十九条", mandatory: false, economicTest: false },
];

// ── 民事、行政: the Art. 31 list ──

export type CoveredMatterKey =
  | "STATE_COMPENSATION"
  | "SOCIAL_INSURANCE"
  | "SURVIVOR_PENSION"
  | "MAINTENANCE"
  | "LABOUR"
  | "CAPACITY"
  | "WORK_INJURY"
  | "ACCIDENT_INJURY"
  | "ENVIRONMENT"
  | "OTHER_BY_LAW";
export type MatterKey = CoveredMatterKey | "OTHER";

export type Matter = Entry<MatterKey> & {
  /** in the Art. 31 list; "OTHER_BY_LAW" depends on local rules, "OTHER" is outside it */
  covered: "YES" | "DEPENDS" | "NO";
  /** the case documents to bring */
  documents: string;
};

export const MATTERS: readonly Matter[] = [
  {
    key: "LABOUR",
    label: "讨要工资，或者要确认和老板的劳动关系",
    article: "第三十一条第（五）项",
    covered: "YES",
    documents: "劳动合同、工资条、考勤记录、欠条、工友证明、聊天记录等能证明用工和欠薪的材料",
  },
  {
    key: "WORK_INJURY",
    label: "干活时受伤，要工伤赔偿",
    article: "第三十一条第（七）项",
    covered: "YES",
    documents: "病历、诊断证明、医疗费票据，工伤认定书或劳动能力鉴定结论（有的话），能证明在哪里干活的材料",
  },
  {
    key: "ACCIDENT_INJURY",
    label: "交通事故、食品药品安全事故、医疗事故造成人身伤害，要赔偿",
    article: "第三十一条第（七）项",
    covered: "YES",
    documents: "事故认定书或事故证明、病历、诊断证明、医疗费票据",
  },
  {
    key: "MAINTENANCE",
    label: "要赡养费（子女养老）、抚养费（养孩子）或扶养费（夫妻之间）",
    article: "第三十一条第（四）项",
    covered: "YES",
    documents: "户口簿或能证明亲属关系的材料，对方收入情况（知道的话）",
  },
  {
    key: "SOCIAL_INSURANCE",
    label: "要社保待遇（养老、医疗、失业、工伤、生育保险）或者低保、特困等社会救助",
    article: "第三十一条第（二）项",
    covered: "YES",
    documents: "社保卡或缴费记录，有关部门的答复或决定",
  },
  {
    key: "SURVIVOR_PENSION",
    label: "要抚恤金（因公牺牲、病故或伤残的抚恤）",
    article: "第三十一条第（三）项",
    covered: "YES",
    documents: "与死者或伤残人员的关系证明，有关部门的答复或决定",
  },
  {
    key: "STATE_COMPENSATION",
    label: "国家机关侵犯了我的合法权益，要国家赔偿",
    article: "第三十一条第（一）项",
    covered: "YES",
    documents: "有关机关的决定书、判决书或处理文书",
  },
  {
    key: "CAPACITY",
    label: "家里人因为精神疾病等不能自己做主，要请法院认定（无民事行为能力或限制民事行为能力）",
    article: "第三十一条第（六）项",
    covered: "YES",
    documents: "病历、精神疾病诊断或鉴定材料，户口簿或亲属关系证明",
  },
  {
    key: "ENVIRONMENT",
    label: "环境污染、生态破坏造成损失，要赔偿",
    article: "第三十一条第（八）项",
    covered: "YES",
    documents: "损失情况的照片、视频、检测报告或有关部门的处理文书",
  },
  {
    key: "OTHER_BY_LAW",
    label: "其他事情，但听说本地规定也可以援助",
    article: "第三十一条第（九）项",
    covered: "DEPENDS",
    documents: "与这件事有关的合同、票据、文书等材料",
  },
  {
    key: "OTHER",
    label: "我的事情不在上面（比如借钱不还、买卖合同、房子纠纷）",
    article: "第三十一条",
    covered: "NO",
    documents: "与这件事有关的合同、借条、票据等材料",
  },
];

// ── Art. 32: no economic test at all ──

export type NoTestSituationKey = "HERO_KIN" | "GOOD_SAMARITAN" | "RETRIAL_ACQUITTAL" | "ABUSE_VICTIM";

export type NoTestSituation = Entry<NoTestSituationKey> & { proof: string };

export const NO_TEST_SITUATIONS: readonly NoTestSituation[] = [
  {
    key: "ABUSE_VICTIM",
    label: "我受到虐待、遗弃或者家庭暴力，要维护自己的权益",
    article: "第三十二条第（四）项",
    proof: "能证明受到虐待、遗弃或家暴的材料：报警记录、告诫书、人身安全保护令、伤情照片、病历等（没有也可以先来）",
  },
  {
    key: "GOOD_SAMARITAN",
    label: "我因为见义勇为受了损失，要维护权益",
    article: "第三十二条第（二）项",
    proof: "见义勇为的认定材料或事情经过的证明",
  },
  {
    key: "HERO_KIN",
    label: "我是英雄烈士的近亲属，要维护英雄烈士的名誉等人格权益",
    article: "第三十二条第（一）项",
    proof: "烈士证明书和近亲属关系证明",
  },
  {
    key: "RETRIAL_ACQUITTAL",
    label: "再审改判无罪，要请求国家赔偿",
    article: "第三十二条第（三）项",
    proof: "再审改判无罪的判决书",
  },
];

// ── Art. 42: exempt from the economic check, on proof ──

export type ExemptGroupKey =
  | "MINOR_NO_INCOME"
  | "ELDERLY_NO_INCOME"
  | "DISABLED_NO_INCOME"
  | "SOCIAL_ASSISTANCE"
  | "JUDICIAL_ASSISTANCE"
  | "SPECIAL_CARE"
  | "MIGRANT_WORKER";

export type ExemptGroup = Entry<ExemptGroupKey> & {
  proof: string;
  /** the group counts only for these matters (Art. 42(3): wages or work-injury damages) */
  onlyFor?: readonly MatterKey[];
};

export const EXEMPT_GROUPS: readonly ExemptGroup[] = [
  { key: "ELDERLY_NO_INCOME", label: "60 岁以上老人，没有固定收入", article: "第四十二条第（一）项", proof: "身份证（证明年龄），村（居）委会出具的无固定收入说明" },
  { key: "DISABLED_NO_INCOME", label: "残疾人，没有固定收入", article: "第四十二条第（一）项", proof: "残疾人证，村（居）委会出具的无固定收入说明" },
  { key: "MINOR_NO_INCOME", label: "未满 18 岁的孩子，没有固定收入", article: "第四十二条第（一）项", proof: "户口簿或出生证明，监护人身份证" },
  { key: "SOCIAL_ASSISTANCE", label: "享受低保、特困供养等社会救助", article: "第四十二条第（二）项", proof: "低保证、特困人员救助供养证等社会救助证件" },
  { key: "JUDICIAL_ASSISTANCE", label: "正在接受司法救助", article: "第四十二条第（二）项", proof: "司法救助决定书" },
  { key: "SPECIAL_CARE", label: "优抚对象（如烈士遗属、伤残军人、退役军人等）", article: "第四十二条第（二）项", proof: "优待证、伤残军人证或退役军人事务部门出具的证明" },
  {
    key: "MIGRANT_WORKER",
    label: "进城务工人员（农民工），要讨工资或工伤赔偿",
    article: "第四十二条第（三）项",
    proof: "能证明在城镇务工的材料：劳动合同、工牌、工友证明等",
    onlyFor: ["LABOUR", "WORK_INJURY"],
  },
];

// ── 绿色通道 (local practice): priority handling, no economic review, home visits ──

export type GreenChannelKey = "SEVERE_DISABILITY" | "SERIOUS_ILLNESS" | "ELDERLY_ALONE" | "LEFT_BEHIND_CHILD";

export const GREEN_CHANNEL: readonly (Entry<GreenChannelKey> & { proof: string })[] = [
  { key: "SEVERE_DISABILITY", label: "重度残疾（一、二级残疾）", article: "绿色通道（本地做法）", proof: "残疾人证（一、二级）" },
  { key: "SERIOUS_ILLNESS", label: "患有重病、大病", article: "绿色通道（本地做法）", proof: "医院的诊断证明或病历" },
  { key: "ELDERLY_ALONE", label: "独自居住的老人", article: "绿色通道（本地做法）", proof: "村（居）委会出具的独居说明（也可以由工作人员上门核实）" },
  { key: "LEFT_BEHIND_CHILD", label: "留守儿童（父母都在外地打工）", article: "绿色通道（本地做法）", proof: "户口簿，父母外出务工情况说明" },
];

// ── Art. 44: urgent advance aid ──

export type Urgency = "DEADLINE_SOON" | "PRESERVATION" | "NONE";

export const URGENCY_CHOICES: readonly (Entry<Urgency>)[] = [
  { key: "DEADLINE_SOON", label: "是，离起诉、仲裁或者复议的最后期限不到 7 天", article: "第四十四条第（一）项" },
  { key: "PRESERVATION", label: "是，需要马上保全财产或证据（怕对方转移财产、证据灭失）", article: "第四十四条第（二）项" },
  { key: "NONE", label: "不急，或者不清楚", article: "第四十四条" },
];

// ── the answers and the result ──

export type Household = { monthlyIncome: number; size: number };

export type EligibilityAnswers = {
  matterKind?: MatterKind;
  criminalSituation?: CriminalSituationKey;
  matter?: MatterKey;
  /** Art. 32; undefined or "NONE" when none applies */
  noTestSituation?: NoTestSituationKey | "NONE";
  groups?: ExemptGroupKey[];
  greenChannel?: GreenChannelKey[];
  urgency?: Urgency;
  household?: Household;
};

/** The local standard: household income per person per month, in yuan, at or below which one is in hardship. */
export type HardshipStandardInfo = { amount: number; regionName: string; effectiveFrom: string; basis: string };

export type Outcome = "LIKELY" | "UNLIKELY" | "UNSURE";

export type EligibilityResult = {
  outcome: Outcome;
  reasons: string[];
  materials: string[];
  greenChannel: boolean;
  urgentHint?: string;
};

export const ID_MATERIAL = "本人身份证或户口簿；替家里人申请的，还要带上您自己的身份证和能证明亲属关系的材料";
export const DECLARATION_MATERIAL = "《经济困难状况说明表》（个人诚信承诺），到窗口现场填写即可，不用到处开证明";
export const CRIMINAL_DOCUMENTS = "拘留通知书、逮捕通知书、起诉书、判决书等公安、检察院、法院的文书（有哪些带哪些）";
export const CONSULTATION_NOTE = "不论能不能得到法律援助，都可以拨打 12348 或到公共法律服务网点免费咨询（第二十二条）。";

const byKey = <K extends string, E extends { key: K }>(list: readonly E[], key: K | undefined) =>
  key === undefined ? undefined : list.find((e) => e.key === key);

export const criminalSituation = (key?: CriminalSituationKey) => byKey(CRIMINAL_SITUATIONS, key);
export const matterOf = (key?: MatterKey) => byKey(MATTERS, key);
export const noTestSituationOf = (key?: NoTestSituationKey | "NONE") => (key === "NONE" ? undefined : byKey(NO_TEST_SITUATIONS, key));

/** The Art. 42 groups that count for this matter (a migrant worker counts only for wages or work injury). */
export function applicableGroups(answers: EligibilityAnswers): ExemptGroup[] {
  return EXEMPT_GROUPS.filter(
    (g) => answers.groups?.includes(g.key) && (!g.onlyFor || (answers.matter !== undefined && g.onlyFor.includes(answers.matter))),
  );
}

/**
 * Whether the household income decides the answer: not when the matter does not need it (Art. 25/28
 * criminal cases), nor when Art. 32 lifts the test, nor for an Art. 42 group or the green channel.
 */
export function needsIncomeTest(answers: EligibilityAnswers): boolean {
  if (answers.matterKind === "CRIMINAL") {
    const s = criminalSituation(answers.criminalSituation);
    if (!s || !s.economicTest) return false;
  }
  if (noTestSituationOf(answers.noTestSituation)) return false;
  if (applicableGroups(answers).length) return false;
  if (answers.greenChannel?.length) return false;
  return true;
}

export type StepKey = "matterKind" | "criminalSituation" | "matter" | "noTest" | "groups" | "urgency" | "region" | "income";

/** The questions to ask, in order, for the answers so far (the income question drops out when it cannot matter). */
export function stepsFor(answers: EligibilityAnswers): StepKey[] {
  const steps: StepKey[] = ["matterKind"];
  steps.push(answers.matterKind === "CRIMINAL" ? "criminalSituation" : "matter");
  steps.push("noTest", "groups", "urgency", "region");
  if (needsIncomeTest(answers)) steps.push("income");
  return steps;
}

/** Household income per person per month, in whole yuan (rounded up: a borderline case is not pushed under). */
export function perCapita(household: Household): number {
  return Math.ceil(household.monthlyIncome / household.size);
}

const yuan = (n: number) => `${n.toLocaleString("zh-CN")} 元`;
const RANK: Record<Outcome, number> = { LIKELY: 0, UNSURE: 1, UNLIKELY: 2 };
const worst = (a: Outcome, b: Outcome): Outcome => (RANK[a] >= RANK[b] ? a : b);

/**
 * Reads the answers against 法律援助法 and the local hardship standard. `standard` is null when no
 * standard is known for the applicant's region: the result is then UNSURE whenever income matters.
 * The result is a hint, not a decision — the legal aid office decides within 7 days (Art. 43).
 */
export function assessEligibility(answers: EligibilityAnswers, standard: HardshipStandardInfo | null): EligibilityResult {
  const reasons: string[] = [];
  const materials: string[] = [ID_MATERIAL];
  let outcome: Outcome = "LIKELY";
  const noTest = noTestSituationOf(answers.noTestSituation);
  const groups = applicableGroups(answers);
  const green = GREEN_CHANNEL.filter((g) => answers.greenChannel?.includes(g.key));
  let incomeMatters = needsIncomeTest(answers);

  // 1. Is the matter one legal aid covers?
  if (answers.matterKind === "CRIMINAL") {
    const s = criminalSituation(answers.criminalSituation);
    materials.push(CRIMINAL_DOCUMENTS);
    if (!s || s.key === "CRIMINAL_NOT_SURE") {
      outcome = "UNSURE";
      incomeMatters = false;
      reasons.push(
        "刑事案件能不能指派律师，要看案件情况，由公安机关、检察院、法院和法律援助机构决定（第二十四条至第二十九条）。没有律师的，可以先找看守所或法院里的值班律师免费帮助（第三十条）。",
      );
    } else if (s.mandatory) {
      reasons.push(
        `属于${s.article}规定的情形：没有请律师的，公安机关、检察院、法院应当通知法律援助机构指派律师，不看经济条件。您或家属也可以直接来申请。`,
      );
    } else {
      reasons.push(`属于${s.article}规定的情形：因为经济困难没有请律师或代理人的，可以申请法律援助。`);
    }
  } else {
    const m = matterOf(answers.matter);
    if (m) materials.push(m.documents);
    if (noTest) {
      reasons.push(`${noTest.label}：属于${noTest.article}规定的情形，申请法律援助不受经济困难条件的限制。`);
    } else if (!m) {
      outcome = "UNSURE";
      reasons.push("还不清楚是什么事情，请到窗口或拨打 12348 说明情况。");
    } else if (m.covered === "YES") {
      reasons.push(`「${m.label}」属于${m.article}规定的法律援助事项。`);
    } else if (m.covered === "DEPENDS") {
      outcome = "UNSURE";
      reasons.push(`这类事情是否可以援助，要看法律、法规和本地规章有没有规定（${m.article}），请到窗口或拨打 12348 问一下。`);
    } else {
      outcome = "UNLIKELY";
      reasons.push(
        "您的事情不在法律援助法第三十一条列出的民事、行政事项里，一般不能申请法律援助代理（借钱、买卖合同、房产等纠纷通常不在范围内）。",
      );
    }
  }

  // 2. Is the applicant in economic hardship, or spared the question?
  for (const g of groups) {
    reasons.push(`您属于「${g.label}」，按${g.article}，带上证明材料就免予核查经济困难状况。`);
    materials.push(g.proof);
  }
  const ignoredMigrant = answers.groups?.includes("MIGRANT_WORKER") && !groups.some((g) => g.key === "MIGRANT_WORKER");
  if (ignoredMigrant) reasons.push("进城务工人员免查经济状况只适用于讨要工资或工伤赔偿（第四十二条第（三）项），您的事情还要看家庭收入。");
  if (noTest) materials.push(noTest.proof);
  if (green.length) {
    reasons.push(
      `您属于绿色通道对象（${green.map((g) => g.label).join("、")}）：优先受理、免于经济困难审查，行动不便的可以请律师上门。`,
    );
    for (const g of green) materials.push(g.proof);
  }

  if (incomeMatters) {
    const h = answers.household;
    if (!standard) {
      outcome = worst(outcome, "UNSURE");
      reasons.push("没有查到您所在地区的经济困难标准，是否属于经济困难由法律援助机构审查时确定（第三十四条、第四十一条）。");
    } else if (!h || !(h.size >= 1) || !(h.monthlyIncome >= 0)) {
      outcome = worst(outcome, "UNSURE");
      reasons.push(`还没有填写家庭收入，无法和本地经济困难标准（每人每月 ${yuan(standard.amount)}）比较。`);
    } else {
      const each = perCapita(h);
      const compare = `您家每人每月收入约 ${yuan(each)}（${yuan(h.monthlyIncome)} ÷ ${h.size} 人），${standard.regionName}的经济困难标准是每人每月 ${yuan(standard.amount)}`;
      if (each <= standard.amount) {
        reasons.push(`${compare}，不高于标准，属于经济困难（第三十四条）。`);
      } else if (answers.matterKind === "CRIMINAL" && answers.criminalSituation === "SUSPECT_NO_LAWYER") {
        outcome = worst(outcome, "UNSURE");
        reasons.push(`${compare}，高于标准。但犯罪嫌疑人、被告人因经济困难以外的其他原因没有请律师的，也可以申请（第二十四条），由法律援助机构审查决定；也可以先找值班律师（第三十条）。`);
      } else {
        outcome = worst(outcome, "UNLIKELY");
        reasons.push(`${compare}，高于标准，一般不属于经济困难（第三十四条）。`);
      }
    }
    materials.push(DECLARATION_MATERIAL);
  }

  // 3. Urgent cases get aid first, paperwork later (Art. 44).
  const urgency = byKey(URGENCY_CHOICES, answers.urgency);
  let urgentHint: string | undefined;
  if (urgency && urgency.key !== "NONE") {
    urgentHint = `情况紧急（${urgency.key === "DEADLINE_SOON" ? "期限不到 7 天" : "需要马上保全"}）：法律援助机构可以先行提供法律援助，材料以后补交（${urgency.article}）。请今天就到窗口或拨打 12348。`;
    materials.push("写明期限的文书（如仲裁时效、开庭或起诉期限的通知），或对方可能转移财产、证据可能灭失的情况说明");
  }

  if (outcome !== "LIKELY") reasons.push(CONSULTATION_NOTE);
  return { outcome, reasons, materials: [...new Set(materials)], greenChannel: green.length > 0, urgentHint };
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  LIKELY: "您很可能可以申请法律援助",
  UNLIKELY: "您可能不符合法律援助的条件",
  UNSURE: "需要工作人员进一步了解情况",
};
