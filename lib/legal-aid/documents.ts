import { z } from "zod";
import type { LegalAidStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { legalAidScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { decryptField } from "@/lib/crypto";
import { maskIdNumber } from "@/lib/identity/id-number";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { matterCategoryLabel } from "@/lib/legal-aid/labels";
import { AID_FORM_LABELS } from "@/lib/legal-aid/application-schemas";
import { applicantLink, lawyerLink, loadLegalAidLimits, officerLink } from "@/lib/legal-aid/case";

// The printable documents of a legal-aid case (法律援助文书): 一次性告知书, 给予 / 不予法律援助决定书
// and 指派通知书. Each is derived from the case record at the moment it is viewed, so a reprint
// always shows what the record says; none is stored. Numbers follow the work-order serial, so one
// case's documents share it and a number never needs its own sequence.

export const DOCUMENT_KINDS = ["materials-notice", "decision", "assignment-notice"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The four documents, by the word in their number (援告字, 援决字, 援不字, 援指字). */
export type DocumentType = "MATERIALS_NOTICE" | "APPROVAL" | "REFUSAL" | "ASSIGNMENT_NOTICE";

export const DOCUMENT_TITLES: Record<DocumentType, string> = {
  MATERIALS_NOTICE: "一次性告知书",
  APPROVAL: "给予法律援助决定书",
  REFUSAL: "不予法律援助决定书",
  ASSIGNMENT_NOTICE: "指派通知书",
};

const NUMBER_WORDS: Record<DocumentType, string> = {
  MATERIALS_NOTICE: "援告字",
  APPROVAL: "援决字",
  REFUSAL: "援不字",
  ASSIGNMENT_NOTICE: "援指字",
};

/** What the link list of a case page shows for each kind. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  "materials-notice": "一次性告知书",
  decision: "法律援助决定书",
  "assignment-notice": "指派通知书",
};

/**
 * The official file number, e.g. （2026）援决字第0000017号: the year of the document's date (Shanghai)
 * and the serial of the work-order number 369901-20261122-0000017.
 */
export function documentNumber(type: DocumentType, workOrderNumber: string, year: number): string {
  const serial = workOrderNumber.split("-").at(-1);
  if (!serial || !/^\d+$/.test(serial)) throw new RangeError(`not a work-order number: ${workOrderNumber}`);
  return `（${year}）${NUMBER_WORDS[type]}第${serial}号`;
}

/** 2026年11月22日: the date on a Shanghai wall calendar, as official documents write it. */
export function documentDate(instant: Date): string {
  const [y, m, d] = shanghaiDate(instant).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}


const DIGITS = "零一二三四五六七八九";
/** 3 → 三, 15 → 十五, 20 → 二十: day counts in the text of a document. */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}

type Availability = {
  status: LegalAidStatus;
  materialsRequestedAt: Date | string | null;
  decidedAt: Date | string | null;
  lawyerUserId: number | null;
  assignedAt: Date | string | null;
};

const UNDECIDED: LegalAidStatus[] = ["SUBMITTED", "MATERIALS_REQUESTED", "WITHDRAWN"];

/** Which documents a case has now (a case page lists these as links). */
export function availableDocumentKinds(c: Availability): DocumentKind[] {
  const kinds: DocumentKind[] = [];
  if (c.materialsRequestedAt) kinds.push("materials-notice");
  if (c.decidedAt && !UNDECIDED.includes(c.status)) kinds.push("decision");
  if (c.lawyerUserId && c.assignedAt) kinds.push("assignment-notice");
  return kinds;
}

export const documentHref = (number: string, kind: DocumentKind) => `/legal-aid/documents/${number}/${kind}`;

export type DocumentBlock = { type: "paragraph"; text: string } | { type: "list"; items: string[] };

export type LegalAidDocument = {
  kind: DocumentKind;
  type: DocumentType;
  /** the work-order number of the case */
  caseNumber: string;
  /** where the reader's own page of the case is */
  caseHref: string;
  /** the issuing organization: the deciding centre */
  organization: string;
  title: string;
  documentNumber: string;
  /** 抬头: who the document is addressed to */
  recipient: string;
  /** 当事人情况 lines (label, value), before the body */
  particulars: { label: string; value: string }[];
  body: DocumentBlock[];
  /** the event date the document bears, e.g. 2026年11月22日, and its ISO instant */
  date: string;
  dateIso: string;
  seal: string;
};

const LAW = "《中华人民共和国法律援助法》";

const documentSelect = {
  status: true, applicantName: true, applicantIdCipher: true, matterCategory: true, opposingParty: true, aidForm: true,
  materialsRequestedAt: true, materialsList: true, materialsDueAt: true, decidedAt: true, decisionReason: true,
  advanceAidAt: true, lawyerUserId: true, assignedAt: true,
  lawyer: { select: { name: true, lawyerProfile: { select: { kind: true, firm: { select: { name: true } } } } } },
  workOrder: {
    select: {
      number: true, createdAt: true,
      organization: { select: { name: true, region: { select: { name: true } } } },
      region: { select: { path: true } },
    },
  },
} as const;

function caseHrefFor(actor: Actor, number: string) {
  if (actor.role === "RESIDENT") return applicantLink(number);
  if (actor.role === "LAWYER") return lawyerLink(number);
  return officerLink(number);
}

/** The justice bureau that set up the centre (Art. 49): the bureau of the county the case's region lies in. */
async function bureauName(db: Tx, regionPath: string, fallbackRegionName: string) {
  const codes = regionPath.split("/").filter(Boolean);
  const county = await db.region.findFirst({ where: { code: { in: codes }, level: "COUNTY" }, select: { name: true } });
  return `${county?.name ?? fallbackRegionName}司法局`;
}

const notYet = () => new AppError("NOT_FOUND", "该文书尚未生成");

/**
 * One printable document of a case, for the applicant, the deciding centre's staff or the assigned
 * lawyer (legalAidScope). A document exists once its step happened; before that, or out of scope,
 * the answer is 404. The view is audited: the documents carry the applicant's personal data.
 */
export const getLegalAidDocument = defineUseCase({
  name: "legalAid.document",
  permission: "legalAid.document",
  write: false,
  input: z.object({ number: WorkOrderNumber, kind: z.enum(DOCUMENT_KINDS, { error: "文书种类无效" }) }),
  async run({ db, actor, input, meta }): Promise<LegalAidDocument> {
    const c = await db.legalAidApplication.findFirst({
      where: { AND: [{ workOrder: { number: input.number } }, legalAidScope(actor)] },
      select: documentSelect,
    });
    if (!c) throw notFound("法律援助案件");
    if (!availableDocumentKinds(c).includes(input.kind)) throw notYet();

    const number = c.workOrder.number;
    const organization = c.workOrder.organization.name;
    const submitted = documentDate(c.workOrder.createdAt);
    const matter = matterCategoryLabel(c.matterCategory);
    const aidForm = AID_FORM_LABELS[c.aidForm];
    const idNumber = maskIdNumber(decryptField(c.applicantIdCipher));
    const applicant = [
      { label: "申请人", value: c.applicantName },
      { label: "公民身份号码", value: idNumber },
      { label: "申请事项", value: matter },
      { label: "对方当事人", value: c.opposingParty },
      { label: "申请援助形式", value: aidForm },
    ];
    const limits = await loadLegalAidLimits(db);
    const days = (n: number) => `${chineseCount(n)}${limits.dayBasis === "CALENDAR_DAYS" ? "日" : "个工作日"}`;

    let doc: Pick<LegalAidDocument, "recipient" | "particulars" | "body">;
    let type: DocumentType;
    let at: Date;

    if (input.kind === "materials-notice") {
      type = "MATERIALS_NOTICE";
      at = c.materialsRequestedAt!;
      doc = {
        recipient: `${c.applicantName}：`,
        particulars: applicant,
        body: [
          {
            type: "paragraph",
            text: `你于${submitted}提出的法律援助申请，经审查，申请材料不齐全。根据${LAW}第四十三条第二款的规定，现一次性告知你需要补充以下材料或者作出说明：`,
          },
          { type: "list", items: c.materialsList.length ? c.materialsList : ["（未列明）"] },
          {
            type: "paragraph",
            text: c.materialsDueAt
              ? `请于${documentDate(c.materialsDueAt)}前向本中心补充上述材料或者作出说明。逾期未补充的，视为撤回申请。`
              : "请及时向本中心补充上述材料或者作出说明。逾期未补充的，视为撤回申请。",
          },
          { type: "paragraph", text: "补充材料期间不计入审查期限。补充齐全后，本中心将继续审查，并依法作出是否给予法律援助的决定。" },
        ],
      };
    } else if (input.kind === "decision" && c.status === "REFUSED") {
      type = "REFUSAL";
      at = c.decidedAt!;
      const bureau = await bureauName(db, c.workOrder.region.path, c.workOrder.organization.region.name);
      const reason = (c.decisionReason ?? "").trim().replace(/[。．.]$/, "");
      doc = {
        recipient: `${c.applicantName}：`,
        particulars: applicant,
        body: [
          { type: "paragraph", text: `你于${submitted}提出的法律援助申请，本中心已依法进行审查。` },
          { type: "paragraph", text: `经审查，你的申请不符合法律援助条件，理由如下：${reason || "（未说明）"}。` },
          { type: "paragraph", text: `根据${LAW}第四十三条第一款的规定，本中心决定不予法律援助。` },
          {
            type: "paragraph",
            text: `如对本决定有异议，可以向${bureau}提出（${LAW}第四十九条）。${bureau}应当自收到异议之日起${days(limits.objectionDays)}内进行审查，作出维持本决定或者责令本中心改正的决定。`,
          },
        ],
      };
    } else if (input.kind === "decision") {
      type = "APPROVAL";
      at = c.decidedAt!;
      const advance = c.advanceAidAt ? `本中心已于${documentDate(c.advanceAidAt)}依照${LAW}第四十四条的规定先行提供法律援助。` : "";
      doc = {
        recipient: `${c.applicantName}：`,
        particulars: applicant,
        body: [
          { type: "paragraph", text: `你于${submitted}提出的法律援助申请，本中心已依法进行审查。${advance}` },
          {
            type: "paragraph",
            text: `经审查，你的申请符合法律援助条件。根据${LAW}第四十三条第一款的规定，本中心决定给予法律援助，援助形式为${aidForm}。`,
          },
          {
            type: "paragraph",
            text: `本中心将自本决定作出之日起${days(limits.assignDays)}内指派法律援助人员为你提供法律援助，并将承办人员的姓名和联系方式告知你。`,
          },
        ],
      };
    } else {
      type = "ASSIGNMENT_NOTICE";
      at = c.assignedAt!;
      const firm = c.lawyer?.lawyerProfile?.firm.name ?? "";
      const lawyer = c.lawyer?.name ?? "";
      const title = c.lawyer?.lawyerProfile?.kind === "GRASSROOTS_WORKER" ? "基层法律服务工作者" : "律师";
      const decided = c.decidedAt ? `于${documentDate(c.decidedAt)}` : "";
      doc = {
        recipient: firm ? `${firm}：` : `${lawyer}：`,
        particulars: [
          { label: "承办人员", value: `${lawyer}（${title}）` },
          { label: "受援人", value: c.applicantName },
          { label: "公民身份号码", value: idNumber },
          { label: "援助事项", value: matter },
          { label: "对方当事人", value: c.opposingParty },
          { label: "援助形式", value: aidForm },
        ],
        body: [
          { type: "paragraph", text: `本中心${decided}决定给予${c.applicantName}法律援助。` },
          {
            type: "paragraph",
            text: `根据${LAW}第四十三条第一款的规定，现指派你所${lawyer}${title}承办该法律援助事项（援助形式：${aidForm}）。`,
          },
          {
            type: "paragraph",
            text: `请承办人员及时与受援人联系，依法履行职责，为受援人提供符合标准的法律援助服务；法律援助事项办理结束后，应当及时向本中心报告，提交有关法律文书的副本或者复印件、办理情况报告等材料（${LAW}第五十条）。`,
          },
        ],
      };
    }

    await recordAudit(db, actor, meta, {
      action: "legalAid.document.view",
      result: "SUCCESS",
      target: { type: "LegalAidApplication", id: number },
      detail: { kind: input.kind },
    });

    return {
      ...doc,
      kind: input.kind,
      type,
      caseNumber: number,
      caseHref: caseHrefFor(actor, number),
      organization,
      title: DOCUMENT_TITLES[type],
      documentNumber: documentNumber(type, number, Number(shanghaiDate(at).slice(0, 4))),
      date: documentDate(at),
      dateIso: at.toISOString(),
      seal: "（盖章）",
    };
  },
});
