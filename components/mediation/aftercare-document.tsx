import type { CSSProperties, ReactNode } from "react";
import type { AgreementDocument, CourtReportDocument, DocumentParty, DocumentSection, MediationDocument } from "@/lib/mediation/documents";

// The printed mediation documents on A4, in the plain official layout of the legal-aid documents
// (components/documents/official-document.tsx): 仿宋 body, 宋体 title, the title as the page's h1.
// Signature blocks never break across pages (page-break-inside: avoid): a party's line and its
// label stay together, and so do the mediator's line, the stamp and the date.

const BODY_FONT: CSSProperties = {
  fontFamily: '"FangSong", "仿宋", "STFangsong", "FangSong_GB2312", "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif',
};
const TITLE_FONT: CSSProperties = {
  fontFamily: '"FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
};
const KEEP_TOGETHER: CSSProperties = { pageBreakInside: "avoid", breakInside: "avoid" };

function Sheet({ title, children }: { title: string; children: ReactNode }) {
  return (
    <article
      aria-labelledby="document-title"
      className="official-document mx-auto w-full max-w-[210mm] bg-white px-6 py-10 text-[16pt] leading-[1.8] text-black shadow-md sm:min-h-[297mm] sm:px-[20mm] sm:py-[25mm]"
      style={BODY_FONT}
    >
      <h1 id="document-title" className="text-center text-[22pt] font-bold tracking-widest" style={TITLE_FONT}>
        {title}
      </h1>
      {children}
    </article>
  );
}

function PartyList({ parties }: { parties: DocumentParty[] }) {
  return (
    <section aria-label="当事人" className="mt-4">
      <ul className="list-none">
        {parties.map((p) => (
          <li key={p.id} className="indent-[2em]">
            {p.role}：{p.name}
            {p.idNumber ? `，公民身份号码：${p.idNumber}` : ""}
            {p.address ? `，住址：${p.address}` : ""}
            {p.agentName ? `；委托代理人：${p.agentName}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Sections({ sections, headingLevel = "h2" }: { sections: DocumentSection[]; headingLevel?: "h2" | "h3" }) {
  const Heading = headingLevel;
  return (
    <>
      {sections.map((s, i) => (
        <section key={s.heading} className="mt-3">
          <Heading className="font-bold">{`${"一二三四五六七八九十"[i] ?? i + 1}、${s.heading}`}</Heading>
          {s.text.split("\n").map((line, j) => (
            <p key={j} className="indent-[2em] text-justify whitespace-pre-wrap">
              {line}
            </p>
          ))}
        </section>
      ))}
    </>
  );
}

function SignLine({ label, name, image }: { label: string; name?: string; image?: string | null }) {
  return (
    <li className="flex min-h-[18mm] items-end gap-3" style={KEEP_TOGETHER}>
      <span className="shrink-0">
        {label}
        {name ? `（${name}）` : ""}：
      </span>
      <span className="flex h-[16mm] flex-1 items-end border-b border-black">
        {image ? (
          // a plain img: the data URL captured on screen has nothing for next/image to optimise
          <img src={image} alt={`${name ?? label}的签名`} className="h-[15mm] w-auto" />
        ) : null}
      </span>
    </li>
  );
}

function AgreementSheet({ doc }: { doc: AgreementDocument }) {
  return (
    <Sheet title={doc.title}>
      <p className="mt-3 text-right">编号：{doc.documentNumber}</p>
      <PartyList parties={doc.parties} />
      <p className="mt-2 indent-[2em]">纠纷类型：{doc.category}</p>
      <Sections sections={doc.sections} />
      {doc.effectClause ? <p className="mt-4 indent-[2em] text-justify">{doc.effectClause}</p> : null}

      {doc.signatures.length ? (
        <section aria-label="当事人签名" className="mt-8">
          <ul className="list-none space-y-1">
            {doc.signatures.map((s) => (
              <SignLine key={s.partyId} label={`${s.label}签名（盖章或按指印）`} name={s.name} image={s.image} />
            ))}
          </ul>
        </section>
      ) : null}

      <footer className="mt-10 space-y-6" style={KEEP_TOGETHER}>
        <ul className="list-none">
          <SignLine label={doc.oral ? "人民调解员（记录人）签名" : "人民调解员签名"} name={doc.mediator ?? undefined} />
        </ul>
        <div className="ml-auto w-fit text-center">
          <p>{doc.committee}</p>
          <div
            aria-label="人民调解委员会印章处"
            role="img"
            className="mx-auto mt-2 flex size-[40mm] items-center justify-center rounded-full border border-dashed border-slate-500 text-[12pt] text-slate-700"
          >
            {doc.stamp}
          </div>
          <p className="mt-2">
            <time dateTime={doc.dateIso}>{doc.date}</time>
          </p>
        </div>
      </footer>
    </Sheet>
  );
}

function CourtReportSheet({ doc }: { doc: CourtReportDocument }) {
  return (
    <Sheet title={doc.title}>
      <p className="mt-3 text-right">{doc.documentNumber}</p>
      <p className="mt-6">{doc.recipient}</p>
      <dl className="mt-2">
        {doc.particulars.map((p) => (
          <div key={p.label} className="indent-[2em]">
            <dt className="inline">{p.label}：</dt>
            <dd className="inline">{p.value}</dd>
          </div>
        ))}
      </dl>
      <PartyList parties={doc.parties} />
      <div className="mt-2">
        {doc.body.map((text, i) => (
          <p key={i} className="indent-[2em] text-justify">
            {text}
          </p>
        ))}
      </div>
      {doc.mediator ? <p className="mt-2 indent-[2em]">承办人民调解员：{doc.mediator}</p> : null}
      <footer className="mt-12 ml-auto w-fit text-center" style={KEEP_TOGETHER}>
        <p>
          {doc.committee}
          <span className="ml-2">{doc.stamp}</span>
        </p>
        <p>
          <time dateTime={doc.dateIso}>{doc.date}</time>
        </p>
      </footer>
      {doc.attachment ? (
        <section aria-labelledby="attachment-title" className="mt-10 break-before-page">
          <h2 id="attachment-title" className="font-bold">
            附件：{doc.attachment.title}
          </h2>
          <Sections sections={doc.attachment.sections} headingLevel="h3" />
        </section>
      ) : null}
    </Sheet>
  );
}

export function MediationDocumentSheet({ doc }: { doc: MediationDocument }) {
  return doc.kind === "agreement" ? <AgreementSheet doc={doc} /> : <CourtReportSheet doc={doc} />;
}
