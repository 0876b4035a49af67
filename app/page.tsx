import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { HOTLINE } from "@/components/site/hotline";
import { SERVICES, type ServiceKey } from "@/lib/network/rules";

// Public home: what the network offers, in plain words, and the two things most people came for —
// the nearest service point and the hotline.
const CATALOGUE: { key: ServiceKey; text: string; more?: { href: string; label: string } }[] = [
  { key: "CONSULTATION", text: "遇到法律问题，可到任一网点或拨打 12348 免费咨询。" },
  { key: "LEGAL_AID", text: "经济困难或属于特定群体的，可申请免费律师帮助，并可从名录中选择律师。", more: { href: "/lawyers", label: "律师名录" } },
  { key: "MEDIATION", text: "邻里、婚姻家庭、劳动等纠纷，人民调解员免费调解。", more: { href: "/mediation/apply", label: "申请人民调解" } },
  { key: "NOTARY", text: "公证事项可到县级公共法律服务中心预约办理。" },
  { key: "LAWYER_REFERRAL", text: "需要委托律师的，中心可介绍执业律师和律师事务所。" },
  { key: "COMPLAINT", text: "对服务不满意，可随时评价、投诉，我们会跟踪整改。" },
];

export default function HomePage() {
  return (
    <div className="space-y-8">
      <section aria-labelledby="welcome" className="rounded-lg bg-primary px-5 py-8 text-white sm:px-8">
        <h1 id="welcome" className="text-2xl font-bold sm:text-3xl">
          有法律问题，找身边的公共法律服务
        </h1>
        <p className="mt-3 max-w-prose text-lg text-blue-50">
          全市县有中心、乡镇有工作站、村（社区）有工作室，法律咨询、法律援助、人民调解都是免费的。
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <LinkButton href="/service-points" size="lg" variant="secondary">
            找身边的服务网点
          </LinkButton>
          <LinkButton href="/legal-aid/check" size="lg" variant="secondary">
            能不能申请法律援助？
          </LinkButton>
          <a href={`tel:${HOTLINE}`} className="inline-flex min-h-12 items-center rounded-md border border-white px-6 text-lg font-medium text-white no-underline hover:bg-white/10 hover:text-white">
            拨打热线 {HOTLINE}
          </a>
        </div>
      </section>

      <section aria-labelledby="services">
        <h2 id="services" className="text-xl font-bold text-slate-900">
          我们提供的服务
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {CATALOGUE.map((s) => (
            <li key={s.key}>
              <Card title={SERVICES[s.key]} titleAs="h3" className="h-full">
                <p className="text-slate-700">{s.text}</p>
                {s.more ? (
                  <p className="mt-2">
                    <Link href={s.more.href} className="inline-flex min-h-11 items-center">{s.more.label}</Link>
                  </p>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="account" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="account" className="text-xl font-bold text-slate-900">
          网上办理
        </h2>
        <p className="mt-2 text-slate-700">
          注册账号后可以在网上查看自己的办理进度。工作人员、律师和调解员请 <Link href="/login">登录</Link> 工作台。
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
