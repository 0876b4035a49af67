import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GUIDE, finderLink, guideEntry, type GuideEntry, type GuideItem } from "@/lib/guide/catalogue";
import { getGuideEntry } from "@/lib/guide/live";
import { loadPage } from "@/lib/api/page";
import { BackLink } from "@/components/ui/back-link";
import { HOTLINE } from "@/components/site/hotline";
import { GuideLinkButton, SignInNote } from "@/components/guide/guide-link";

type Params = Promise<{ service: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const entry = guideEntry((await params).service);
  return { title: entry ? `${entry.name}办事指南` : "办事指南" };
}

/** The order of the sections is the order residents ask in (the brief of issue 8). */
const SECTIONS = [
  { id: "who", title: "谁可以办" },
  { id: "materials", title: "要带的材料" },
  { id: "where", title: "去哪里办" },
  { id: "time", title: "多长时间" },
  { id: "fees", title: "收费" },
  { id: "start", title: "怎么开始" },
  { id: "faq", title: "常见问题" },
] as const;

function Section({ id, children }: { id: (typeof SECTIONS)[number]["id"]; children: ReactNode }) {
  const title = SECTIONS.find((s) => s.id === id)!.title;
  return (
    <section aria-labelledby={`${id}-heading`} className="border-t border-slate-200 pt-5">
      <h2 id={`${id}-heading`} className="text-xl font-bold text-slate-900">
        {title}
      </h2>
      <div className="mt-3 space-y-3 text-lg text-slate-800">{children}</div>
    </section>
  );
}

const List = ({ items }: { items: GuideItem[] }) => (
  <ul className="list-disc space-y-2 pl-6">
    {items.map((item) =>
      typeof item === "string" ? (
        <li key={item}>{item}</li>
      ) : (
        <li key={item.text}>
          {item.text}
          <ul className="mt-1 list-[circle] space-y-1 pl-6">
            {item.items.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </li>
      ),
    )}
  </ul>
);

/** One service's guide: seven short sections, the main action at the top, the hotline throughout. */
export default async function GuidePage({ params }: { params: Params }) {
  const service = (await params).service;
  if (!guideEntry(service)) notFound();
  // the time limits as the rules stand today (an administrator may have changed them)
  const entry = await loadPage(getGuideEntry, { service }, `/guide/${service}`);
  const { primary, others, note } = entry.start;
  const signInFor = [primary, ...others].find((l) => l.signIn);

  return (
    <div className="space-y-6">
      <p>
        <BackLink href="/guide">← 办事指南</BackLink>
      </p>
      <article data-read-aloud aria-labelledby="guide-title" className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <header className="space-y-3">
          <h1 id="guide-title" className="text-2xl font-bold text-slate-900 sm:text-3xl">
            {entry.name}
          </h1>
          <p className="text-lg text-slate-800">{entry.summary}</p>
          {entry.laws.length ? <p className="text-slate-700">依据：{entry.laws.map((l) => `《${l}》`).join("、")}</p> : null}
          <div className="flex flex-wrap gap-3">
            <GuideLinkButton link={primary} size="lg" />
            {primary.href.startsWith("tel:") ? null : (
              <a href={`tel:${HOTLINE}`} className="inline-flex min-h-12 items-center rounded-md border border-slate-500 px-6 text-lg font-medium no-underline">
                打电话问 {HOTLINE}
              </a>
            )}
          </div>
        </header>

        <nav aria-label="本页目录" data-nonessential className="rounded-md bg-slate-50 p-3">
          <ul className="flex flex-wrap gap-x-4">
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}-heading`} className="inline-flex min-h-11 items-center">
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <Section id="who">
          <List items={entry.who} />
        </Section>

        <Section id="materials">
          <List items={entry.materials} />
        </Section>

        <Section id="where">
          <p>{entry.where.text}</p>
          <ul className="flex flex-wrap gap-3" aria-label={`可以办理${entry.name}的网点`}>
            {entry.where.tiers.map((tier) => (
              <li key={tier}>
                <GuideLinkButton link={finderLink(tier)} variant="secondary" />
              </li>
            ))}
          </ul>
          <p className="text-base text-slate-600">
            网点列表里写着每个网点能办哪些服务、办公时间和电话，去之前可以先打电话问一下。
          </p>
        </Section>

        <Section id="time">
          <List items={entry.timeLimits} />
          <p className="text-base text-slate-600">“工作日”不算周末和法定节假日，调休上班的日子算工作日。</p>
        </Section>

        <Section id="fees">
          <List items={entry.fees.text} />
        </Section>

        <Section id="start">
          {note ? <p>{note}</p> : null}
          <ol className="list-decimal space-y-3 pl-6">
            {[primary, ...others].map((link) => (
              <li key={link.href}>
                {link.href.startsWith("tel:") ? (
                  <a href={link.href} className="inline-flex min-h-11 items-center">
                    {link.label}
                  </a>
                ) : (
                  <Link href={link.href} className="inline-flex min-h-11 items-center">
                    {link.label}
                  </Link>
                )}
                {link.signIn ? <span className="text-slate-600">（需要先登录）</span> : null}
              </li>
            ))}
            {primary.href.startsWith("tel:") || others.some((l) => l.href.startsWith("tel:")) ? null : (
              <li>
                拨打法律服务热线{" "}
                <a href={`tel:${HOTLINE}`} className="inline-flex min-h-11 items-center font-bold">
                  {HOTLINE}
                </a>
                ，工作人员帮您登记办理。
              </li>
            )}
          </ol>
          {signInFor ? <SignInNote href={signInFor.href} /> : null}
        </Section>

        <Section id="faq">
          {entry.faq.map((f) => (
            <div key={f.q}>
              <h3 className="font-semibold text-slate-900">{f.q}</h3>
              <p className="mt-1">{f.a}</p>
            </div>
          ))}
        </Section>
      </article>

      <OtherServices current={entry} />
    </div>
  );
}

function OtherServices({ current }: { current: GuideEntry }) {
  return (
    <nav aria-label="其他办事指南" data-nonessential className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold text-slate-900">其他服务</h2>
      <ul className="mt-2 flex flex-wrap gap-x-4">
        {GUIDE.filter((e) => e.key !== current.key).map((e) => (
          <li key={e.key}>
            <Link href={`/guide/${e.slug}`} className="inline-flex min-h-11 items-center">
              {e.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
