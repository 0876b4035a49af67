import type { Metadata } from "next";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { configuredPublicBaseUrl, publicBaseUrl, requestOrigin, servicePointQrUrl } from "@/lib/qr/public-url";
import { TIER_LABELS } from "@/lib/network/rules";
import { BackLink } from "@/components/ui/back-link";
import { PrintButton } from "@/components/documents/print-button";
import { HOTLINE } from "@/components/site/hotline";
import { QrCode } from "@/components/service-points/qr-code";
import { serviceLabel } from "@/components/service-points/service-list";
import { loadServicePoint } from "../load";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const point = await loadServicePoint((await params).id);
  return { title: `${point.name}二维码海报` };
}

const QR_LABEL = "扫码打开本网点页面";

// One A4 sheet: this page's own margins are narrower than the documents' (a poster has no
// binding edge), and the sheet is held to the printable height so it never spills onto a second page.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm; }
@media print { .service-point-poster { height: 272mm; overflow: hidden; break-inside: avoid; } }
`;

/** 扫码能得: the printable poster a service point hangs at its door; the code opens its page. */
export default async function ServicePointPosterPage({ params }: { params: Params }) {
  const { id } = await params;
  const point = await loadServicePoint(id);
  const base = publicBaseUrl({ configured: configuredPublicBaseUrl(), requestOrigin: requestOrigin(await headers()), fallback: env().PUBLIC_BASE_URL });
  const url = servicePointQrUrl(base, point.id);

  return (
    <div className="space-y-4">
      <style>{PRINT_CSS}</style>
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <BackLink href={`/service-points/${point.id}`}>← 返回网点页面</BackLink>
        <PrintButton label="打印海报" />
      </div>
      <p className="no-print text-slate-700">用 A4 纸打印，贴在网点门口或办事窗口。群众用手机扫码，就能打开本网点的页面在线咨询。</p>

      <article
        aria-labelledby="poster-title"
        className="service-point-poster mx-auto flex w-full max-w-[210mm] flex-col items-center gap-5 bg-white px-6 py-8 text-center text-black shadow-md sm:min-h-[297mm] sm:px-[15mm] sm:py-[15mm] print:min-h-0 print:max-w-none print:justify-between print:gap-0 print:p-0"
      >
        <header>
          <p className="text-lg tracking-widest text-slate-700 print:text-[14pt] print:text-black">{TIER_LABELS[point.tier]}</p>
          <h1 id="poster-title" className="mt-1 text-3xl font-bold sm:text-4xl print:text-[26pt]">{point.name}</h1>
        </header>

        <p className="rounded-lg bg-primary px-5 py-3 text-2xl font-bold text-white sm:text-3xl print:border-4 print:border-black print:bg-white print:text-[24pt] print:text-black">
          扫码能得：法律咨询、法律援助、人民调解
        </p>

        <section aria-labelledby="poster-services" className="w-full">
          <h2 id="poster-services" className="text-xl font-semibold print:text-[16pt]">本网点可以办</h2>
          {point.services.length ? (
            <ul className="mt-3 flex flex-wrap justify-center gap-x-6 gap-y-2">
              {point.services.map((s) => (
                <li key={s} className="text-2xl font-bold sm:text-3xl print:text-[22pt]">{serviceLabel(s)}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-xl">请电话咨询</p>
          )}
        </section>

        <figure className="flex flex-col items-center">
          <QrCode value={url} label={QR_LABEL} className="w-64 max-w-full sm:w-72 print:w-[70mm]" />
          <figcaption className="mt-2">
            <span className="block text-xl font-semibold print:text-[16pt]">用手机扫一扫，在线咨询</span>
            <span className="mt-1 block font-mono text-base break-all print:text-[11pt]">{url}</span>
          </figcaption>
        </figure>

        <footer className="w-full space-y-1 text-lg print:text-[13pt]">
          <p>地址：{point.address}</p>
          <p>办公时间：{point.openingHours}</p>
          <p>网点电话：{point.phone}</p>
          <p className="mt-2 text-2xl font-bold print:text-[22pt]">法律服务热线 {HOTLINE}</p>
        </footer>
      </article>
    </div>
  );
}
