import type { MediationStatus } from "@/lib/generated/prisma/enums";
import { MEDIATION_STATUS_LABELS } from "@/lib/mediation/labels";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<MediationStatus, BadgeTone> = {
  AWAITING_CONSENT: "warning",
  ACCEPTED: "info",
  IN_PROGRESS: "info",
  SUCCEEDED: "success",
  FAILED: "neutral",
  WITHDRAWN: "neutral",
  REFUSED: "danger",
};

export function MediationStatusBadge({ status }: { status: MediationStatus }) {
  return <Badge tone={TONE[status]}>{MEDIATION_STATUS_LABELS[status]}</Badge>;
}

/** 重大纠纷 / 民转刑风险 / 委派移送: the flags a committee looks for first, as words. */
export function MediationFlags({ major, crimeRisk, referral }: { major: boolean; crimeRisk: boolean; referral: { authority: string; deadline: string | null } | null }) {
  return (
    <>
      {major ? <Badge tone="warning">重大纠纷</Badge> : null}
      {crimeRisk ? <Badge tone="danger">有民转刑风险</Badge> : null}
      {referral ? <Badge tone="info">{referral.authority}委派{referral.deadline ? `，${referral.deadline} 前反馈` : ""}</Badge> : null}
    </>
  );
}
