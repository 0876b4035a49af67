import type { Metadata } from "next";
import Link from "next/link";
import { TIER_LABELS } from "@/lib/network/rules";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { LinkButton } from "@/components/ui/button";
import { HOTLINE } from "@/components/site/hotline";
import { ServiceList } from "@/components/service-points/service-list";
import { loadServicePoint } from "./load";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const point = await loadServicePoint((await params).id);
  return { title: point.name };
}

/**
 * One service point's public page: where it is, when it is open, what it does, and a consultation
 * sent straight to it. The poster's QR code opens this page with ?from=qr.
 */
export default async function ServicePointPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const fromQr = (await searchParams).from === "qr";
  const point = await loadServicePoint(id);
  const area = point.regions.map((r) => r.name).join(" · ");
  const consultHref = `/resident/new?org=${point.id}`;

  return (
    <div className="space-y-6">
      <p>
        <BackLink href="/service-points">← 返回找服务网点</BackLink>
      </p>
      {fromQr ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          欢迎！这是您扫码打开的网点页面。您可以在网上咨询，也可以打电话或直接来网点。
        </p>
      ) : null}

      <article aria-labelledby="point-name" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 id="point-name" className="text-2xl font-bold text-slate-900 sm:text-3xl">{point.name}</h1>
          <Badge tone={point.tier === "CENTRE" ? "info" : point.tier === "STATION" ? "success" : "neutral"}>{TIER_LABELS[point.tier]}</Badge>
        </div>
        <dl className="mt-4 grid gap-x-4 gap-y-2 text-lg text-slate-800 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">所在地区</dt>
          <dd>{area || "—"}</dd>
          <dt className="text-slate-600">地址</dt>
          <dd>{point.address}</dd>
          <dt className="text-slate-600">怎么去</dt>
          <dd>
            到{area ? `${area.replaceAll(" · ", "")}，` : ""}{point.address}。找不到路可以先打电话问。
          </dd>
          <dt className="text-slate-600">办公时间</dt>
          <dd>{point.openingHours}</dd>
          <dt className="text-slate-600">电话</dt>
          <dd>
            <a href={`tel:${point.phone}`} className="inline-flex min-h-11 items-center">{point.phone}</a>
          </dd>
          {point.legalAdviserName ? (
            <>
              <dt className="text-slate-600">村（居）法律顾问</dt>
              <dd>{point.legalAdviserName}</dd>
            </>
          ) : null}
          {point.parent ? (
            <>
              <dt className="text-slate-600">上级网点</dt>
              <dd>
                <Link href={`/service-points/${point.parent.id}`} className="inline-flex min-h-11 items-center">{point.parent.name}</Link>
              </dd>
            </>
          ) : null}
        </dl>
      </article>

      <section aria-labelledby="services" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="services" className="text-xl font-bold text-slate-900">在这里可以办</h2>
        <ServiceList services={point.services} className="mt-3" />
      </section>

      <section aria-labelledby="consult" className="rounded-lg border-2 border-primary bg-white p-4 sm:p-6">
        <h2 id="consult" className="text-xl font-bold text-slate-900">在线咨询</h2>
        {point.requestTypes.length ? (
          <>
            <p className="mt-2 text-slate-800">
              把您遇到的问题写下来，直接交给{point.name}。工作人员会在规定时间内答复您。
            </p>
            <p className="mt-1 text-slate-700">需要先登录。还没有账号的，可以用手机号免费注册。</p>
            <div className="mt-4 flex flex-wrap gap-3">
              <LinkButton href={consultHref} size="lg">在线咨询</LinkButton>
              <LinkButton href={`/register?callbackUrl=${encodeURIComponent(consultHref)}`} size="lg" variant="secondary">用手机号注册</LinkButton>
            </div>
          </>
        ) : (
          <p className="mt-2 text-slate-800">本网点暂不接收网上咨询，请打电话或直接来网点。</p>
        )}
        {point.services.includes("LEGAL_AID") || point.services.includes("MEDIATION") ? (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <p className="text-slate-700">申请法律援助、人民调解，会按事情发生的地方交给负责的网点办理：</p>
            <div className="mt-2 flex flex-wrap gap-3">
              {point.services.includes("LEGAL_AID") ? <LinkButton href="/legal-aid/check" variant="secondary">能不能申请法律援助？</LinkButton> : null}
              {point.services.includes("MEDIATION") ? <LinkButton href="/mediation/apply" variant="secondary">申请人民调解</LinkButton> : null}
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="hotline" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="hotline" className="text-xl font-bold text-slate-900">不方便上网？</h2>
        <p className="mt-2 text-lg text-slate-800">
          拨打法律服务热线 <a href={`tel:${HOTLINE}`} className="font-bold">{HOTLINE}</a>，或打本网点电话 <a href={`tel:${point.phone}`}>{point.phone}</a>。
        </p>
      </section>

      <p>
        <Link href={`/service-points/${point.id}/poster`} className="inline-flex min-h-11 items-center">打印本网点的二维码海报</Link>
      </p>
    </div>
  );
}
