import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MediationSource, MediationStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase } from "@/lib/api/use-case";
import { mediationScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { decryptField } from "@/lib/crypto";
import { maskIdNumber } from "@/lib/identity/id-number";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { chineseCount, documentDate } from "@/lib/legal-aid/documents";
import { committeeLink, partyLink } from "@/lib/mediation/case";
import { MEDIATION_CATEGORY_LABELS, MEDIATION_STATUS_LABELS, OTHER_ROUTES, PARTY_ROLE_LABELS, type OtherRoute } from "@/lib/mediation/labels";

// The printable documents of a mediation case: the 人民调解协议书 (Art. 29) — or, for an oral
// agreement (Art. 28), the 人民调解口头协议登记表 the mediator keeps — and the 委派调解结果反馈函 a
// court-delegated case sends back to the court. Like the legal-aid documents they are derived from
// the case record whenever viewed (a reprint shows what the record says) and never stored.

export const MEDIATION_DOCUMENT_KINDS = ["agreement", "court-report"] as const;
export type MediationDocumentKind = (typeof MEDIATION_DOCUMENT_KINDS)[number];

export const MEDIATION_DOCUMENT_LABELS: Record<MediationDocumentKind, string> = {
  agreement: "人民调解协议书",
  "court-report": "委派调解结果反馈函",
};

export const mediationDocumentHref = (number: string, kind: MediationDocumentKind) => `/mediation/documents/${number}/${kind}`;

const ENDED: MediationStatus[] = ["SUCCEEDED", "FAILED", "WITHDRAWN", "REFUSED"];

/** Which documents a case has now: the agreement after a success, the court letter once a delegated case ended. */
export function availableMediationDocuments(c: { status: MediationStatus; source: MediationSource }): MediationDocumentKind[] {
  const kinds: MediationDocumentKind[] = [];
  if (c.status === "SUCCEEDED") kinds.push("agreement");
  if (c.source === "COURT" && ENDED.includes(c.status)) kinds.push("court-report");
  return kinds;
}

export type DocumentParty = {
  id: number;
  role: string;
  name: string;
  /** masked: see partyParticulars */
  idNumber: string | null;
  address: string | null;
  agentName: string | null;
};

export type SignatureLine = { partyId: number; label: string; name: string; image: string | null };

export type DocumentSection = { heading: string; text: string };

type DocumentBase = {
  caseNumber: string;
  caseHref: string;
  /** the committee: the organization holding the case */
  committee: string;
  title: string;
  documentNumber: string;
  /** 2026年12月3日 and its ISO form */
  date: string;
  dateIso: string;
  stamp: string;
};

export type AgreementDocument = DocumentBase & {
  kind: "agreement";
  oral: boolean;
  category: string;
  parties: DocumentParty[];
  sections: DocumentSection[];
  /** the effect and copies clause of a written agreement; null for an oral agreement's record */
  effectClause: string | null;
  /** one line per party (a written agreement; an oral agreement's record is signed by the mediator alone) */
  signatures: SignatureLine[];
  mediator: string | null;
};

export type CourtReportDocument = DocumentBase & {
  kind: "court-report";
  /** 抬头: the delegating court */
  recipient: string;
  particulars: { label: string; value: string }[];
  parties: DocumentParty[];
  body: string[];
  /** the agreement attached after a success */
  attachment: { title: string; sections: DocumentSection[] } | null;
  mediator: string | null;
};

export type MediationDocument = AgreementDocument | CourtReportDocument;

/** （2026）调字第0000017号: the serial of the work-order number, like the legal-aid documents. */
export function mediationDocumentNumber(word: "调字" | "调函字", workOrderNumber: string, year: number): string {
  const serial = workOrderNumber.split("-").at(-1);
  if (!serial || !/^\d+$/.test(serial)) throw new RangeError(`not a work-order number: ${workOrderNumber}`);
  return `（${year}）${word}第${serial}号`;
}

/** 一式 N+1 份: one copy per party plus the committee's (Art. 29 practice); numerals in words up to 99. */
export function copiesClause(parties: number): string {
  const copies = parties + 1;
  const words = copies <= 99 ? chineseCount(copies) : String(copies);
  return `本协议经各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章后生效。本协议一式${words}份，当事人各执一份，人民调解委员会留存一份。`;
}

const documentSelect = {
  status: true, source: true, category: true, endedAt: true, referralAuthority: true, referralReference: true, referralDeadline: true,
  failureReason: true, routesTold: true, withdrawalReason: true, refusalNote: true,
  agreementOral: true, agreementFacts: true, agreementDisputes: true, agreementResponsibilities: true, agreementTerms: true,
  performanceManner: true, performanceDueOn: true, agreementSignedOn: true, signatures: true, reportedToCourtAt: true,
  mediator: { select: { name: true } },
  parties: {
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, role: true, name: true, idCipher: true, address: true, agentName: true },
  },
  workOrder: { select: { number: true, createdAt: true, organization: { select: { name: true } } } },
} satisfies Prisma.MediationCaseSelect;

const caseHrefFor = (actor: Actor, number: string) => (actor.role === "RESIDENT" ? partyLink(number) : committeeLink(number));

const notYet = () => new AppError("NOT_FOUND", "该文书尚未生成");

// An official agreement carries each party's full identity; this system prints the ID number
// masked (first four and last four digits) so a printout or a screen left open does not expose it
// — the committee checks identity documents in person when the parties sign.
function safeMaskedId(cipher: string | null): string | null {
  if (!cipher) return null;
  try {
    return maskIdNumber(decryptField(cipher));
  } catch {
    return null;
  }
}

function agreementSections(c: {
  agreementFacts: string | null; agreementDisputes: string | null; agreementResponsibilities: string | null; agreementTerms: string | null;
  performanceManner: string | null; performanceDueOn: Date | null;
}): DocumentSection[] {
  const due = c.performanceDueOn ? `，于${documentDate(c.performanceDueOn)}前履行完毕` : "";
  return [
    { heading: "纠纷主要事实、争议事项", text: [c.agreementFacts, c.agreementDisputes ? `争议事项：${c.agreementDisputes}` : null].filter(Boolean).join("\n") },
    { heading: "各方当事人的责任", text: c.agreementResponsibilities ?? "" },
    { heading: "协议内容", text: c.agreementTerms ?? "" },
    { heading: "履行方式与期限", text: `${c.performanceManner ?? ""}${due}。` },
  ];
}

const stripEnd = (s: string) => s.trim().replace(/[。．.]$/, "");

/**
 * One printable document of a mediation case, for whoever may read the case (mediationScope: the
 * committee's subtree and the parties). Before its step, or out of scope: 404. The view is
 * audited: the documents carry the parties' personal data.
 */
export const getMediationDocument = defineUseCase({
  name: "mediation.document",
  permission: "mediation.read",
  write: false,
  input: z.object({ number: WorkOrderNumber, kind: z.enum(MEDIATION_DOCUMENT_KINDS, { error: "文书种类无效" }) }),
  async run({ db, actor, input, meta }): Promise<MediationDocument> {
    const c = await db.mediationCase.findFirst({
      where: { AND: [{ workOrder: { number: input.number } }, mediationScope(actor)] },
      select: documentSelect,
    });
    if (!c) throw notFound("调解案件");
    if (!availableMediationDocuments(c).includes(input.kind)) throw notYet();

    const number = c.workOrder.number;
    const committee = c.workOrder.organization.name;
    const parties: DocumentParty[] = c.parties.map((p) => ({
      id: p.id, role: PARTY_ROLE_LABELS[p.role], name: p.name, idNumber: safeMaskedId(p.idCipher), address: p.address, agentName: p.agentName,
    }));
    const sections = agreementSections(c);
    const base = { caseNumber: number, caseHref: caseHrefFor(actor, number), committee, stamp: "（人民调解委员会印章）" };

    let doc: MediationDocument;
    if (input.kind === "agreement") {
      const oral = !!c.agreementOral;
      const at = c.agreementSignedOn ?? c.endedAt ?? c.workOrder.createdAt;
      const images = (c.signatures && typeof c.signatures === "object" && !Array.isArray(c.signatures) ? c.signatures : {}) as Record<string, unknown>;
      doc = {
        ...base,
        kind: "agreement",
        oral,
        category: MEDIATION_CATEGORY_LABELS[c.category],
        title: oral ? "人民调解口头协议登记表" : "人民调解协议书",
        documentNumber: mediationDocumentNumber("调字", number, Number(shanghaiDate(at).slice(0, 4))),
        parties,
        sections: oral ? sections.map((s) => (s.heading === "协议内容" ? { ...s, heading: "口头协议内容" } : s)) : sections,
        effectClause: oral ? null : copiesClause(parties.length),
        signatures: oral
          ? []
          : parties.map((p) => ({
              partyId: p.id, label: p.role, name: p.name,
              image: typeof images[String(p.id)] === "string" ? (images[String(p.id)] as string) : null,
            })),
        mediator: c.mediator?.name ?? null,
        date: documentDate(at),
        dateIso: at.toISOString(),
      };
    } else {
      const at = c.reportedToCourtAt ?? c.endedAt ?? new Date();
      const court = c.referralAuthority ?? "委派调解的人民法院";
      const delegated = `你院${c.referralReference ? `（${c.referralReference}）` : ""}委派本委员会调解的${MEDIATION_CATEGORY_LABELS[c.category]}一案`;
      const ended = c.endedAt ? documentDate(c.endedAt) : "";
      const body: string[] = [`${delegated}，本委员会已依法组织调解。现将调解结果函告如下：`];
      if (c.status === "SUCCEEDED") {
        body.push(
          `经调解，各方当事人于${c.agreementSignedOn ? documentDate(c.agreementSignedOn) : ended}自愿达成${c.agreementOral ? "口头" : ""}调解协议，调解成功。协议内容详见附件。`,
          "当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条）。",
        );
      } else if (c.status === "FAILED") {
        const routes = c.routesTold.map((r) => OTHER_ROUTES[r as OtherRoute] ?? r).join("、");
        body.push(
          `经调解，各方当事人未能达成调解协议，本委员会于${ended}终止调解。${c.failureReason ? `主要原因：${stripEnd(c.failureReason)}。` : ""}`,
          `本委员会已告知当事人可以依法通过${routes || "仲裁、行政、司法等途径"}维护自己的权利（《中华人民共和国人民调解法》第二十六条）。`,
        );
      } else if (c.status === "WITHDRAWN") {
        body.push(`调解过程中，当事人要求终止调解，本委员会于${ended}终止调解。${c.withdrawalReason ? `原因：${stripEnd(c.withdrawalReason)}。` : ""}`);
      } else {
        body.push(`对方当事人明确拒绝调解，依照《中华人民共和国人民调解法》第十七条，本委员会不予调解。${c.refusalNote ? `说明：${stripEnd(c.refusalNote)}。` : ""}`);
      }
      body.push("特此函告。");
      doc = {
        ...base,
        kind: "court-report",
        title: "委派调解结果反馈函",
        documentNumber: mediationDocumentNumber("调函字", number, Number(shanghaiDate(at).slice(0, 4))),
        recipient: `${court}：`,
        particulars: [
          { label: "委派案号", value: c.referralReference ?? "—" },
          { label: "纠纷类型", value: MEDIATION_CATEGORY_LABELS[c.category] },
          { label: "调解结果", value: MEDIATION_STATUS_LABELS[c.status] },
          { label: "本会案件编号", value: number },
        ],
        parties,
        body,
        attachment: c.status === "SUCCEEDED" ? { title: c.agreementOral ? "口头调解协议内容" : "调解协议书主要内容", sections } : null,
        mediator: c.mediator?.name ?? null,
        date: documentDate(at),
        dateIso: at.toISOString(),
      };
    }

    await recordAudit(db, actor, meta, {
      action: "mediation.document.view",
      result: "SUCCESS",
      target: { type: "MediationCase", id: number },
      detail: { kind: input.kind },
    });
    return doc;
  },
});
