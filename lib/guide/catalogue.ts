import type { OrganizationTier } from "@/lib/generated/prisma/enums";
import { DEFAULT_SERVICES, REGION_LEVEL_LABELS, SERVICES, TIER_LABELS, TIER_REGION_LEVELS, type ServiceKey } from "@/lib/network/rules";
import { DECLARATION_MATERIAL, EXEMPT_GROUPS, ID_MATERIAL, NO_TEST_SITUATIONS } from "@/lib/legal-aid/eligibility";
import { CONFIRMATION_WINDOW_DAYS } from "@/lib/mediation/aftercare-rules";
import { MEDIATION_CATEGORY_LABELS } from "@/lib/mediation/labels";
import { INSTALLED_LIMITS, limitText, type GuideLimits } from "@/lib/guide/time-limits";

// 办事指南: the public legal service catalogue as data, one entry per service in the network's
// catalogue (lib/network/rules SERVICES), each answering the same seven questions in plain Chinese.
// Numbers are never typed into the texts: time limits come from the limits passed in (the ones the
// system enforces), materials and groups from the legal-aid self-check's tables, the tiers that
// offer a service from the network's defaults — so the guide cannot promise what the system does not do.

export type GuideLink = {
  /** an app route (with an optional query) or a tel: link */
  href: string;
  label: string;
  /** the page needs an account: the guide says "先注册/登录" next to it */
  signIn?: boolean;
};

export type GuideFaq = { q: string; a: string };

/** A line of a section, or a lead-in with its own short list (long enumerations read badly as one sentence). */
export type GuideItem = string | { text: string; items: string[] };

export type GuideEntry = {
  key: ServiceKey;
  /** the URL segment: /guide/{slug} */
  slug: string;
  name: string;
  /** one line for cards and the page's lead */
  summary: string;
  /** laws the page names (by their short Chinese names) */
  laws: string[];
  /** 谁可以办 */
  who: GuideItem[];
  /** 要带的材料 */
  materials: string[];
  /** 去哪里办: the text, and the tiers whose service points offer it (links to the finder) */
  where: { text: string; tiers: OrganizationTier[] };
  /** 多长时间 */
  timeLimits: string[];
  /** 收费: `free` when the service costs the resident nothing at all */
  fees: { free: boolean; text: string[] };
  /** 怎么开始: the one main action first, then the other ways; every page also shows the hotline */
  start: { primary: GuideLink; others: GuideLink[]; note?: string };
  /** 常见问题 */
  faq: GuideFaq[];
};

/** Nearest first: a resident walks to the village room before the county centre. */
const TIER_ORDER: OrganizationTier[] = ["ROOM", "STATION", "CENTRE"];

/** The tiers whose service points offer the service when they are set up (admins may change a point's list). */
export function tiersOffering(key: ServiceKey): OrganizationTier[] {
  return TIER_ORDER.filter((tier) => DEFAULT_SERVICES[tier].includes(key));
}

/** "村（社区）公共法律服务工作室", "公共法律服务中心" (centres sit at city and county level). */
export function tierPlaceName(tier: OrganizationTier): string {
  return tier === "CENTRE" ? TIER_LABELS.CENTRE : `${REGION_LEVEL_LABELS[TIER_REGION_LEVELS[tier][0]]}${TIER_LABELS[tier]}`;
}

/**
 * The finder filtered to one tier. The finder (lib/network/search-service-points.ts) filters by
 * area, tier and keyword but not by service, so the tier is the closest filter it offers.
 */
export function finderLink(tier: OrganizationTier): GuideLink {
  return { href: `/service-points?tier=${tier}`, label: `找${tierPlaceName(tier)}` };
}

const FINDER: GuideLink = { href: "/service-points", label: "找身边的服务网点" };
const SELF_CHECK: GuideLink = { href: "/legal-aid/check", label: "能不能申请法律援助？先测一测" };
const ASK_ONLINE: GuideLink = { href: "/resident/new", label: "网上提问", signIn: true };

/** The catalogue, its time limits worded from `limits` (by default, the ones the system enforces as installed). */
export function buildCatalogue(limits: GuideLimits = INSTALLED_LIMITS): GuideEntry[] {
  const wo = limits.workOrders;
  const aidDays = (n: number) => limitText({ value: n, unit: limits.legalAid.dayBasis });
  const categories = (["NEIGHBOUR", "MARRIAGE_FAMILY", "HOUSING_HOMESTEAD", "FOREST_LAND", "CONTRACT", "DAMAGES", "LABOUR", "TRAFFIC"] as const)
    .map((c) => MEDIATION_CATEGORY_LABELS[c].replace(/纠纷$/, ""))
    .join("、");

  return [
    {
      key: "CONSULTATION",
      slug: "consultation",
      name: SERVICES.CONSULTATION,
      summary: "遇到法律问题不知道怎么办，可以免费问。",
      laws: [],
      who: [
        "任何人都可以问，不用是本地户口。",
        "可以问自己的事，也可以替家里人问。",
        "欠工资、婚姻家庭、土地房屋、借钱欠债、交通事故等各种法律问题都可以问。",
      ],
      materials: [
        "不带证件也可以问。",
        "和这件事有关的东西带上更好：合同、借条、收据、通知书、判决书、照片、聊天记录等。",
        "网上提问的，可以把这些材料拍照上传。",
      ],
      where: {
        text: "离您最近的村（社区）工作室、乡镇（街道）工作站和公共法律服务中心都可以问；也可以打 12348 热线，或在网上提问。",
        tiers: tiersOffering("CONSULTATION"),
      },
      timeLimits: [
        "到网点或打 12348 的，一般当场解答。",
        `当场答不了的，或者在网上提问的，${limitText(wo.CONSULTATION)}内答复您。`,
      ],
      fees: { free: true, text: ["免费。法律咨询不收任何费用。"] },
      start: { primary: ASK_ONLINE, others: [FINDER] },
      faq: [
        { q: "咨询要不要钱？", a: "不要钱。到网点问、打 12348 问、在网上问，都是免费的。" },
        {
          q: "问完以后，能帮我打官司吗？",
          a: "咨询是告诉您该怎么办。需要律师代理的，经济困难可以申请法律援助；不符合条件的，工作人员可以给您介绍律师。",
        },
        { q: "我说的事别人会知道吗？", a: "不会。您的个人信息只用来办您的事，工作人员会为您保密。" },
      ],
    },
    {
      key: "LEGAL_AID",
      slug: "legal-aid",
      name: SERVICES.LEGAL_AID,
      summary: "经济困难或属于特定人群的，可以申请律师免费帮您打官司、写文书、代理案件。",
      laws: ["中华人民共和国法律援助法"],
      who: [
        "经济困难、没有请律师的，为讨要工资、工伤赔偿、赡养费抚养费、交通事故赔偿、社会保险待遇等事情，可以申请（法律援助法第三十一条）。",
        { text: "下面这些人，带上证明就不用再查经济状况（第四十二条）：", items: EXEMPT_GROUPS.map((g) => g.label) },
        { text: "下面这些情况，不论经济状况都可以申请（第三十二条）：", items: NO_TEST_SITUATIONS.map((s) => s.label.replace(/^我/, "")) },
        "刑事案件的犯罪嫌疑人、被告人和被害人也可以申请。",
        "不确定自己能不能申请，先做一下“能不能申请法律援助”自助测试，几个问题就能知道。",
      ],
      materials: [
        ID_MATERIAL,
        DECLARATION_MATERIAL,
        "属于不用查经济状况的人，带上相应证明，如低保证、残疾人证。",
        "和这件事有关的材料：劳动合同、工资条、欠条、病历、起诉书、判决书等，有哪些带哪些。",
        "材料不齐也可以先来申请，工作人员会一次性告诉您还缺什么。",
      ],
      where: {
        text: "村（社区）工作室、乡镇（街道）工作站和公共法律服务中心都可以帮您递交申请，由您户籍地或经常居住地的县级公共法律服务中心审查决定。也可以在网上申请。",
        tiers: tiersOffering("LEGAL_AID"),
      },
      timeLimits: [
        `收到申请后，${limitText(wo.LEGAL_AID)}内决定给不给法律援助。`,
        `材料不齐的，会一次性告诉您要补什么，请在 ${aidDays(limits.legalAid.materialsDays)}内补齐；补材料的时间不算在决定期限里。到期不补的，按撤回申请处理。`,
        `决定给予法律援助的，${aidDays(limits.legalAid.assignDays)}内给您指派律师。`,
        `起诉、上诉、申请仲裁等期限不到 ${limits.advanceAidDays} 天，或者需要马上申请财产保全、证据保全的，可以先提供法律援助，手续以后补（第四十四条）。`,
        `不同意决定的，可以向司法局提出异议，司法局在 ${aidDays(limits.legalAid.objectionDays)}内作出决定（第四十九条）。`,
      ],
      fees: {
        free: true,
        text: [
          "完全免费。法律援助律师不能收您任何钱物（法律援助法第二十条）。",
          "打官司的诉讼费，法院可以缓收、减收或免收；公证费、司法鉴定费可以减收或免收（第五十三条）。",
        ],
      },
      start: {
        primary: SELF_CHECK,
        others: [{ href: "/legal-aid/apply", label: "网上申请法律援助", signIn: true }, { href: "/lawyers", label: "看看法律援助律师名录" }, FINDER],
        note: "先做自助测试，知道能不能申请、要带什么；再在网上申请，或带上材料到网点申请。",
      },
      faq: [
        { q: "申请法律援助要交钱吗？", a: "不要。从申请到律师把案子办完，都不收您的钱。" },
        { q: "可以自己选律师吗？", a: "可以。网上申请时或批准以后，可以在法律援助律师名录里选律师，律师接单后为您办理。" },
        {
          q: "我腿脚不方便、不会写字，怎么办？",
          a: "可以请家里人代您申请，也可以打 12348 说明情况。重度残疾、重病、独居老人和留守儿童走绿色通道，优先办理，律师可以上门。",
        },
      ],
    },
    {
      key: "MEDIATION",
      slug: "mediation",
      name: SERVICES.MEDIATION,
      summary: "邻里、家庭、土地房屋、欠钱等矛盾纠纷，人民调解员免费帮双方商量解决。",
      laws: ["中华人民共和国人民调解法"],
      who: [
        `发生矛盾纠纷的任何一方都可以申请，比如${categories}等纠纷。`,
        "调解要双方自愿。对方明确不同意的，不能调解（人民调解法第十七条），工作人员会告诉您还可以走仲裁、行政处理或打官司等路子。",
        "法院、派出所也可能建议您先来调解。",
      ],
      materials: [
        "您的身份证。",
        "对方的姓名（对方是单位的，写单位名称）和手机号；知道住址更好。",
        "能说明事情经过的材料：借条、合同、收据、照片、聊天记录等。",
        "网上申请只要写清经过和对方是谁，材料可以调解时再带来。",
      ],
      where: {
        text: "由纠纷发生地的人民调解委员会调解，一般先在村（社区）工作室；村里调不好的，乡镇（街道）和县里的调解组织接着调。",
        tiers: tiersOffering("MEDIATION"),
      },
      timeLimits: [
        `一般在 ${limitText(wo.MEDIATION)}（约一个月）内调解完。`,
        "双方需要更多时间的，可以申请延长。",
        `调解成功、签了调解协议书的，双方可以在协议生效后 ${CONFIRMATION_WINDOW_DAYS} 天内一起向法院申请司法确认（人民调解法第三十三条）。`,
      ],
      fees: { free: true, text: ["免费。人民调解委员会调解纠纷，不收任何费用（人民调解法第四条）。"] },
      start: { primary: { href: "/mediation/apply", label: "网上申请人民调解", signIn: true }, others: [finderLink("ROOM"), FINDER] },
      faq: [
        {
          q: "调解达成的协议管用吗？",
          a: `调解协议书双方都要履行。想更有保障的，可以在协议生效后 ${CONFIRMATION_WINDOW_DAYS} 天内一起到法院申请司法确认；确认以后对方不履行，可以申请法院强制执行。`,
        },
        { q: "对方不来怎么办？", a: "调解员会先问对方愿不愿意调解。对方明确拒绝的，不能强行调解，工作人员会告诉您还可以怎么办。" },
        { q: "调解时别人会知道我的事吗？", a: "调解员要为您保密。您可以要求不公开调解。" },
      ],
    },
    {
      key: "NOTARY",
      slug: "notary",
      name: SERVICES.NOTARY,
      summary: "合同、遗嘱、继承、学历、亲属关系等需要证明真实合法的，可以办公证。",
      laws: ["中华人民共和国公证法"],
      who: [
        "个人、企业和其他组织都可以申请。",
        "一般要本人来办；本人来不了的，可以委托别人代办。遗嘱、收养等事项必须本人亲自办。",
      ],
      materials: [
        "身份证、户口簿等能证明您身份的证件。",
        "和要公证的事有关的材料：合同、房产证、学历证书、结婚证等。",
        "请别人代办的，带上授权委托书和代办人的身份证。",
        "不同的事要的材料不一样，预约时工作人员会告诉您要带哪些。",
      ],
      where: {
        text: "到公共法律服务中心的公证窗口，由公证机构办理。",
        tiers: tiersOffering("NOTARY"),
      },
      timeLimits: [
        `打 12348 或到中心登记预约的，${limitText(wo.NOTARY_BOOKING)}内回复您，约好办理时间和要带的材料。`,
        "公证书什么时候能出，由公证机构按照规定告诉您。",
      ],
      fees: {
        free: false,
        text: [
          "预约和咨询免费。",
          "公证费按照国家和本省规定的标准收取，收费项目和标准在窗口公示。",
          "符合法律援助条件的，公证费可以减收或免收（法律援助法第五十三条）。",
        ],
      },
      start: { primary: { href: "tel:12348", label: "打 12348 预约公证" }, others: [finderLink("CENTRE")] },
      faq: [
        { q: "哪些事常常要办公证？", a: "出国留学、定居要用的学历、亲属关系证明，继承、遗嘱，重要的借款或买卖合同等。不清楚要不要办的，可以先咨询。" },
        { q: "可以请别人替我办吗？", a: "多数事项可以，要带授权委托书。遗嘱、收养等事项必须本人亲自办理。" },
      ],
    },
    {
      key: "LAWYER_REFERRAL",
      slug: "lawyer-referral",
      name: SERVICES.LAWYER_REFERRAL,
      summary: "需要请律师打官司或办法律事务的，我们帮您找正规的律师事务所和律师。",
      laws: [],
      who: [
        "需要请律师的个人、企业都可以来问。",
        "经济困难的，先看看能不能申请法律援助，符合条件的律师免费办案。",
      ],
      materials: [
        "身份证。",
        "和这件事有关的材料：合同、通知书、起诉书等，方便律师了解情况。",
      ],
      where: {
        text: "乡镇（街道）工作站和公共法律服务中心都可以帮您介绍；也可以打 12348。",
        tiers: tiersOffering("LAWYER_REFERRAL"),
      },
      timeLimits: [`登记后 ${limitText(wo.LAWYER_REFERRAL)}内，工作人员会联系您，介绍合适的律师事务所或律师。`],
      fees: {
        free: false,
        text: [
          "介绍律师免费。",
          "请律师的费用（律师费）按照国家和本省的律师服务收费规定，由您和律师事务所商量，签订委托合同，由律师事务所统一收取并开发票。",
          "不要私下把钱交给律师个人。",
        ],
      },
      start: { primary: { href: "tel:12348", label: "打 12348 请工作人员介绍律师" }, others: [SELF_CHECK, finderLink("STATION")] },
      faq: [
        { q: "怎么知道律师是不是正规的？", a: "正规律师有律师执业证，在律师事务所执业。拿不准的，可以请工作人员帮您核实。" },
        { q: "没钱请律师怎么办？", a: "符合条件的可以申请法律援助，律师免费为您办案。先做一下自助测试。" },
      ],
    },
    {
      key: "APPRAISAL_GUIDANCE",
      slug: "appraisal-guidance",
      name: SERVICES.APPRAISAL_GUIDANCE,
      summary: "打官司需要鉴定伤残、笔迹、亲子关系等的，告诉您什么时候需要、找谁做、怎么申请（我们不做鉴定）。",
      laws: [],
      who: [
        "打官司、申请仲裁或处理纠纷时，要靠专门技术弄清楚某个问题的当事人，比如：伤残等级、误工和护理时间、笔迹和印章真假、亲子关系、医疗过错等。",
        "司法局和公共法律服务网点不做鉴定，只告诉您怎么办。",
      ],
      materials: [
        "身份证。",
        "需要鉴定的材料：病历、片子、诊断证明、合同原件、用来比对的字迹样本等。",
        "已经在打官司的，带上法院的相关文书。",
      ],
      where: {
        text: "鉴定由在司法行政机关登记的司法鉴定机构做。已经起诉的，一般向法院申请，由法院委托鉴定机构；还没起诉的，可以自己委托登记在册的鉴定机构。公共法律服务中心可以告诉您怎么选、怎么申请。",
        tiers: tiersOffering("APPRAISAL_GUIDANCE"),
      },
      timeLimits: [
        `指引按法律咨询办理：一般当场解答，当场答不了的 ${limitText(wo.CONSULTATION)}内答复。`,
        "鉴定要多长时间，由鉴定机构按照规定告诉您。",
      ],
      fees: {
        free: false,
        text: [
          "指引和咨询免费。",
          "鉴定费交给鉴定机构，按照本省规定的标准收取。",
          "受法律援助的，鉴定费可以减收或免收（法律援助法第五十三条）。",
        ],
      },
      start: { primary: { href: "tel:12348", label: "打 12348 问鉴定的事" }, others: [ASK_ONLINE, finderLink("CENTRE")] },
      faq: [
        { q: "自己找的鉴定机构，法院认不认？", a: "已经起诉的，最好向法院申请，由法院委托鉴定。自己委托的鉴定，对方可能不认，法院也要审查。拿不准的先咨询。" },
        { q: "鉴定结果一定算数吗？", a: "鉴定意见是证据的一种，最后由法院审查。对鉴定意见有不同看法的，可以向法院提出。" },
        { q: "怎么知道鉴定机构是不是正规的？", a: "正规的司法鉴定机构都在省司法厅登记，名单向社会公布。可以请工作人员帮您查。" },
      ],
    },
    {
      key: "COMPLAINT",
      slug: "complaint",
      name: SERVICES.COMPLAINT,
      summary: "对网点、工作人员、律师或调解员的服务不满意，可以投诉、提建议，我们跟踪整改。",
      laws: [],
      who: [
        "接受过服务的群众，或者替他们反映情况的家里人。",
        "受援人对法律援助律师不满意的，还可以要求更换律师（法律援助法第五十五条）。",
      ],
      materials: [
        "说清楚是哪个网点、哪一天、什么事。",
        "有工单编号的写上编号（短信里或“我的服务”里能看到）。",
        "有照片、录音、聊天记录的，可以一起提交。",
      ],
      where: {
        text: "可以在网上投诉、打 12348，或者到乡镇（街道）工作站、公共法律服务中心反映。",
        tiers: tiersOffering("COMPLAINT"),
      },
      timeLimits: [
        `${limitText(wo.COMPLAINT)}内办理并答复您。`,
        "每件事办完，您都可以评价“满意”“基本满意”或“不满意”；评了“不满意”的，会有专人跟踪整改。",
      ],
      fees: { free: true, text: ["免费。"] },
      start: { primary: { href: "/resident/new", label: "网上投诉建议", signIn: true }, others: [FINDER] },
      faq: [
        { q: "投诉以后怎么知道结果？", a: "办完会通知您。网上提交的，在“我的服务”里能看到进度和答复。" },
        { q: "评了“不满意”会怎样？", a: "会有专人回访、跟踪整改，整改以后再请您评价。" },
      ],
    },
  ];
}

/** The guide as the system enforces it when installed. */
export const GUIDE: GuideEntry[] = buildCatalogue();

export const GUIDE_SLUGS = GUIDE.map((e) => e.slug);

export function guideEntry(slug: string): GuideEntry | undefined {
  return GUIDE.find((e) => e.slug === slug);
}

/** The plain texts of a section, lead-ins and their items alike (for tests and read-aloud checks). */
export function itemTexts(items: GuideItem[]): string[] {
  return items.flatMap((i) => (typeof i === "string" ? [i] : [i.text, ...i.items]));
}

/** Every way a page may start the service, main action first. */
export function startLinks(entry: GuideEntry): GuideLink[] {
  return [entry.start.primary, ...entry.start.others];
}
