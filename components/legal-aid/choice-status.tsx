import type { OfferStatus } from "@/lib/generated/prisma/enums";
import type { LegalAidCase } from "@/components/legal-aid/case-details";
import { Card } from "@/components/ui/card";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DateTime } from "@/components/work-orders/format";
import { Countdown } from "@/components/legal-aid/case-status";

const OFFER: Record<OfferStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "等待律师接单", tone: "warning" },
  ACCEPTED: { label: "已接单", tone: "success" },
  DECLINED: { label: "律师婉拒", tone: "neutral" },
  EXPIRED: { label: "超时未接", tone: "neutral" },
  WITHDRAWN: { label: "已撤回", tone: "neutral" },
};

/** 点援情况: the lawyers the applicant ranked, what became of each offer, and the pool. */
export function ChoiceStatus({ c, audience }: { c: LegalAidCase; audience: "staff" | "applicant" }) {
  if (!c.choices.length && !c.offers.length && !c.poolOpenedAt) return null;
  const offerOf = (name: string) => [...c.offers].reverse().find((o) => o.lawyerName === name);
  return (
    <Card title={audience === "applicant" ? "您选择的律师（点援）" : "点援情况"} as="section">
      {c.choices.length ? (
        <ol className="space-y-2">
          {c.choices.map((x) => {
            const offer = offerOf(x.name);
            return (
              <li key={x.rank} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">第 {x.rank} 选择：{x.name}（{x.firm}）</span>
                {offer ? <Badge tone={OFFER[offer.status].tone}>{OFFER[offer.status].label}</Badge> : <Badge>未派单</Badge>}
                {offer?.status === "PENDING" ? <span className="text-slate-700">接单期限 <DateTime value={offer.expiresAt} />，<Countdown due={offer.expiresAt} /></span> : null}
                {offer?.declineReason ? <span className="text-slate-700">理由：{offer.declineReason}</span> : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p>没有选择律师。</p>
      )}
      {c.poolOpenedAt && !c.poolClosedAt && c.status === "APPROVED" ? (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          {audience === "applicant"
            ? "您选择的律师暂时都不能接单，案件已开放给符合条件的律师自主接单；如无人接单，法律援助中心会在期限内直接为您指派。"
            : <>已于 <DateTime value={c.poolOpenedAt} /> 进入抢单池；无人接单时请在指派期限前直接指派。</>}
        </p>
      ) : null}
      {c.poolClosedAt && c.status === "APPROVED" ? (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          {audience === "applicant"
            ? "暂无律师接受委托，法律援助中心会在期限内直接为您指派律师。"
            : <>无律师接单（<DateTime value={c.poolClosedAt} />），请在指派期限前直接指派。</>}
        </p>
      ) : null}
      {c.assignedVia ? (
        <p className="mt-3 text-slate-700">
          承办方式：{c.assignedVia === "CHOICE" ? "受援人选择（点援）" : c.assignedVia === "POOL" ? "律师自主接单" : "法律援助中心指派"}
        </p>
      ) : null}
    </Card>
  );
}
