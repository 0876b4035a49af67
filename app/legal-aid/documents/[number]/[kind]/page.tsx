import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { DOCUMENT_KIND_LABELS, getLegalAidDocument, type DocumentKind } from "@/lib/legal-aid/documents";
import { BackLink } from "@/components/ui/back-link";
import { OfficialDocument } from "@/components/documents/official-document";
import { PrintButton } from "@/components/documents/print-button";

type Params = Promise<{ number: string; kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { number, kind } = await params;
  return { title: `${DOCUMENT_KIND_LABELS[kind as DocumentKind] ?? "法律援助文书"} ${number}` };
}

/** A printable document of a legal-aid case: one A4 sheet; the buttons around it do not print. */
export default async function LegalAidDocumentPage({ params }: { params: Params }) {
  const { number, kind } = await params;
  const doc = await loadPage(getLegalAidDocument, { number, kind: kind as DocumentKind }, `/legal-aid/documents/${number}/${kind}`);
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <BackLink href={doc.caseHref}>返回案件 {doc.caseNumber}</BackLink>
        <PrintButton />
      </div>
      <OfficialDocument doc={doc} />
    </div>
  );
}
