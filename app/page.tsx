import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { HOTLINE } from "@/components/site/hotline";
import { GuideCard } from "@/components/guide/guide-card";
import { GUIDE } from "@/lib/guide/catalogue";

// Public home: plain words, the three things most people come for, progress without an account,
// the catalogue (each service links to its guide) and the hotline. Server-rendered only, no client
// components and no database read, so it is fast on a slow phone.

export default function HomePage() {
  return (
    <div className="space-y-8">
      <section aria-labelledby="welcome" className="rounded-lg bg-primary px-5 py-8 text-white sm:px-8">
        <h1 id="welcome" className="text-2xl font-bold sm:text-3xl">
          有法律问题，找身边的公共法律服务
        </h1>
        <p className="mt-3 max-w-prose text-lg text-blue-50">
          县里有中心、乡镇有工作站、村（社区）有工作室。法律咨询、法律援助、人民调解都是免费的。
        </p>
        <ul className="mt-6 flex flex-wrap gap-3" aria-label="常用服务">
          <li>
            <LinkButton href="/service-points" size="lg" variant="secondary">
              找身边的服务网点
            </LinkButton>
          </li>
          <li>
            <LinkButton href="/legal-aid/check" size="lg" variant="secondary">
              能不能申请法律援助？
            </LinkButton>
          </li>
          <li>
            <LinkButton href="/mediation/apply" size="lg" variant="secondary">
              申请人民调解
            </LinkButton>
          </li>
        </ul>
        <p className="mt-6 text-lg">
          <a
            href={`tel:${HOTLINE}`}
            className="inline-flex min-h-12 items-center rounded-md border border-white px-6 font-medium text-white no-underline hover:bg-white/10 hover:text-white"
          >
            拨打热线 {HOTLINE}
          </a>
          <span className="ml-3 text-blue-50">不会上网的，打电话就能办。</span>
        </p>
      </section>

      <section aria-labelledby="track" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="track" className="text-xl font-bold text-slate-900">
          查进度
        </h2>
        <p className="mt-2 text-slate-700">已经申请或登记过的，不用注册账号：输入办理编号和手机号，凭短信验证码就能查看办到哪一步了。</p>
        <p className="mt-4">
          <LinkButton href="/track">查办理进度</LinkButton>
        </p>
      </section>

      <section aria-labelledby="services">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="services" className="text-xl font-bold text-slate-900">
            办事指南
          </h2>
          <Link href="/guide" className="inline-flex min-h-11 items-center">
            全部办事指南
          </Link>
        </div>
        <p className="mt-1 text-slate-700">谁可以办、要带什么、去哪里办、多长时间、收不收费。</p>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {GUIDE.map((entry) => (
            <li key={entry.key}>
              <GuideCard entry={entry} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="account" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="account" className="text-xl font-bold text-slate-900">
          网上办理
        </h2>
        <p className="mt-2 text-slate-700">
          注册账号后，可以在网上咨询、投诉，申请法律援助和人民调解，随时查看自己的办理进度。工作人员、律师和调解员请{" "}
          <Link href="/login">登录</Link> 工作台。
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <LinkButton href="/register">注册账号</LinkButton>
          <LinkButton href="/login" variant="secondary">
            登录
          </LinkButton>
        </div>
      </section>
    </div>
  );
}
