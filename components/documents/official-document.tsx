import type { CSSProperties } from "react";
import type { LegalAidDocument } from "@/lib/legal-aid/documents";

// Official documents (公文) are set in 仿宋 with a 宋体 title (GB/T 9704). Only installed fonts: no
// web-font download, so the stack falls back through the common Windows, macOS and Linux names.
const BODY_FONT: CSSProperties = {
  fontFamily: '"FangSong", "仿宋", "STFangsong", "FangSong_GB2312", "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif',
};
const TITLE_FONT: CSSProperties = {
  fontFamily: '"FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
};

const LIST_NUMBERS = "一二三四五六七八九十";
const itemNumber = (i: number) => (i < LIST_NUMBERS.length ? `${LIST_NUMBERS[i]}、` : `${i + 1}.`);

/**
 * One A4 sheet in the plain (red-free) official layout: issuing organization, title, file number,
 * addressee, particulars, body with 2em first-line indent, and the signature block with the seal
 * placeholder. The title is the page's one h1.
 */
export function OfficialDocument({ doc }: { doc: LegalAidDocument }) {
  return (
    <article
      aria-labelledby="document-title"
      className="official-document mx-auto w-full max-w-[210mm] bg-white px-6 py-10 text-[16pt] leading-[1.8] text-black shadow-md sm:min-h-[297mm] sm:px-[20mm] sm:py-[25mm]"
      style={BODY_FONT}
    >
      <header className="text-center">
        <p className="text-[20pt] font-bold tracking-wider" style={TITLE_FONT}>
          {doc.organization}
        </p>
        <h1 id="document-title" className="mt-4 text-[22pt] font-bold tracking-widest" style={TITLE_FONT}>
          {doc.title}
        </h1>
        <p className="mt-3 text-right">{doc.documentNumber}</p>
      </header>

      <p className="mt-6">{doc.recipient}</p>

      {doc.particulars.length ? (
        <dl className="mt-2">
          {doc.particulars.map((p) => (
            <div key={p.label} className="indent-[2em]">
              <dt className="inline">{p.label}：</dt>
              <dd className="inline">{p.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <div className="mt-2">
        {doc.body.map((block, i) =>
          block.type === "paragraph" ? (
            <p key={i} className="indent-[2em] text-justify">
              {block.text}
            </p>
          ) : (
            <ol key={i} className="list-none">
              {block.items.map((item, j) => (
                <li key={j} className="indent-[2em]">
                  {itemNumber(j)}
                  {item}
                </li>
              ))}
            </ol>
          ),
        )}
      </div>

      <footer className="mt-16 ml-auto w-fit text-center">
        <p>
          {doc.organization}
          <span className="ml-2">{doc.seal}</span>
        </p>
        <p>
          <time dateTime={doc.dateIso}>{doc.date}</time>
        </p>
      </footer>
    </article>
  );
}
