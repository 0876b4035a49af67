import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { getMediationDocument, MEDIATION_DOCUMENT_LABELS, type MediationDocumentKind } from "@/lib/mediation/documents";
import { BackLink } from "@/components/ui/back-link";
import { PrintButton } from "@/components/documents/print-button";
import { MediationDocumentSheet } from "@/components/mediation/aftercare-document";

type Params = Promise<{ number: string; kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { number, kind } = await params;
  return { title: `${MEDIATION_DOCUMENT_LABELS[kind as MediationDocumentKind] ?? "人民调解文书"} ${number}` };
}

/** A printable document of a mediation case on A4 (the agreement may run to several sheets); the buttons do not print. */
export default async function MediationDocumentPage({ params }: { params: Params }) {
  const { number, kind } = await params;
  const doc = await loadPage(getMediationDocument, { number, kind: kind as MediationDocumentKind }, `/mediation/documents/${number}/${kind}`);
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <BackLink href={doc.caseHref}>返回案件 {doc.caseNumber}</BackLink>
        <PrintButton />
      </div>
      <MediationDocumentSheet doc={doc} />
    </div>
  );
}
