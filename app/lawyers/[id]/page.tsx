import type { Metadata } from "next";
import { cache } from "react";
import { loadPage } from "@/lib/api/page";
import { getChoiceRule, getRosterLawyer } from "@/lib/lawyers/roster";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { LinkButton } from "@/components/ui/button";
import { LawyerAvatar } from "@/components/lawyers/lawyer-avatar";
import { LawyerFacts } from "@/components/lawyers/lawyer-facts";

type Params = Promise<{ id: string }>;

// The title and the page read the card once per request.
const loadCard = cache((id: string) => loadPage(getRosterLawyer, { id }, `/lawyers/${id}`));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const lawyer = await loadCard((await params).id);
  return { title: `${lawyer.name}（${lawyer.kindLabel}）` };
}

/** One lawyer's public card. A suspended or unknown lawyer is a 404, like a page that never existed. */
export default async function LawyerCardPage({ params }: { params: Params }) {
  const { id } = await params;
  const [lawyer, rule] = await Promise.all([
    loadCard(id),
    loadPage(getChoiceRule, {}, `/lawyers/${id}`),
  ]);
  return (
    <div className="space-y-6">
      <p>
        <BackLink href="/lawyers">← 返回律师名录</BackLink>
      </p>
      <article aria-labelledby="lawyer-name" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <div className="flex flex-wrap items-center gap-4">
          <LawyerAvatar name={lawyer.name} size="lg" />
          <div>
            <h1 id="lawyer-name" className="text-2xl font-bold text-slate-900 sm:text-3xl">{lawyer.name}</h1>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
              <Badge>{lawyer.kindLabel}</Badge>
              {lawyer.firmName}
            </p>
          </div>
        </div>
        {lawyer.bio ? <p className="mt-4 max-w-prose text-slate-800">{lawyer.bio}</p> : null}
        <div className="mt-4">
          <LawyerFacts lawyer={lawyer} />
        </div>
        <p className="mt-4 text-sm text-slate-600">
          满意率来自受援人在案件结束后的评价（满意和基本满意）；质量优良率来自法律援助中心的办案质量评估（优和良）。
        </p>
      </article>

      <section aria-labelledby="choose" className="rounded-lg border-2 border-primary bg-white p-4 sm:p-6">
        <h2 id="choose" className="text-xl font-bold">如何选择这位律师（点援制）</h2>
        <p className="mt-2 text-slate-800">
          申请法律援助时，您可以在名录中选择最多 {rule.maxChoices} 名律师，并排好先后顺序。决定给予法律援助后，中心先请您的第一选择确认是否接受委托（最长
          {rule.offerHours} 小时）；律师不能承办的，依次请下一位；都不能承办的，由其他符合条件的律师接单或法律援助中心为您指派。
          律师接受委托后，我们会告诉您律师事务所的电话，律师也会尽快与您联系。
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <LinkButton href="/legal-aid/check" size="lg">能不能申请法律援助？</LinkButton>
          <LinkButton href="/lawyers" size="lg" variant="secondary">看看其他律师</LinkButton>
        </div>
      </section>
    </div>
  );
}
