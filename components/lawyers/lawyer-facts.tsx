import type { RosterLawyer } from "@/lib/lawyers/roster";
import { Badge } from "@/components/ui/badge";

/** "85%", or "暂无" before the first rating or grade. */
export const ratePercent = (v: number | null) => (v === null ? "暂无" : `${Math.round(v * 100)}%`);

export const practiceYears = (years: number) => (years < 1 ? "执业不满 1 年" : `执业 ${years} 年`);

export function ExpertiseBadges({ labels }: { labels: string[] }) {
  if (labels.length === 0) return <span>—</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="擅长领域">
      {labels.map((l) => (
        <li key={l}>
          <Badge tone="info">{l}</Badge>
        </li>
      ))}
    </ul>
  );
}

/**
 * What an applicant weighs when choosing (点援制): where the lawyer works, how long, what in, how
 * busy, and how recipients and the centre rated the legal-aid work. Public fields only.
 */
export function LawyerFacts({ lawyer }: { lawyer: RosterLawyer }) {
  const busy = lawyer.load >= lawyer.cap;
  return (
    <dl className="grid gap-x-4 gap-y-2 text-slate-800 sm:grid-cols-[7rem_1fr]">
      <dt className="text-slate-600">执业机构</dt>
      <dd>
        {lawyer.firmName}
        <span className="text-slate-600">（{lawyer.firmRegionName}）</span>
      </dd>
      <dt className="text-slate-600">执业年限</dt>
      <dd>
        {practiceYears(lawyer.yearsInPractice)}（{lawyer.practiceSinceYear} 年起）
      </dd>
      <dt className="text-slate-600">擅长领域</dt>
      <dd>
        <ExpertiseBadges labels={lawyer.expertiseLabels} />
      </dd>
      <dt className="text-slate-600">服务地区</dt>
      <dd>{lawyer.serviceAreas.map((a) => a.name).join("、") || "—"}</dd>
      <dt className="text-slate-600">服务语言</dt>
      <dd>{["普通话", ...lawyer.languages].join("、")}</dd>
      <dt className="text-slate-600">法律援助案件</dt>
      <dd>
        在办 {lawyer.load}/{lawyer.cap} 件
        {busy ? <Badge tone="warning" className="ml-2">已满，暂不能接新案件</Badge> : null}
        ，已办结 {lawyer.closedCases} 件
      </dd>
      <dt className="text-slate-600">受援人满意率</dt>
      <dd>
        {ratePercent(lawyer.satisfiedRate)}
        {lawyer.rated ? <span className="text-slate-600">（{lawyer.rated} 件有评价）</span> : null}
      </dd>
      <dt className="text-slate-600">质量优良率</dt>
      <dd>
        {ratePercent(lawyer.goodRate)}
        {lawyer.graded ? <span className="text-slate-600">（{lawyer.graded} 件已评估）</span> : null}
      </dd>
    </dl>
  );
}
