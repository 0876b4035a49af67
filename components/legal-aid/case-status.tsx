import type { LegalAidStatus } from "@/lib/generated/prisma/enums";
import { LEGAL_AID_STATUS_LABELS } from "@/lib/legal-aid/labels";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<LegalAidStatus, BadgeTone> = {
  SUBMITTED: "info",
  MATERIALS_REQUESTED: "warning",
  APPROVED: "info",
  REFUSED: "danger",
  WITHDRAWN: "neutral",
  ASSIGNED: "info",
  CLOSED: "success",
  ARCHIVED: "neutral",
  TERMINATED: "neutral",
};

export function CaseStatusBadge({ status }: { status: LegalAidStatus }) {
  return <Badge tone={TONE[status]}>{LEGAL_AID_STATUS_LABELS[status]}</Badge>;
}

/** 倒计时: days and hours left (or overdue by), in words, for a legal deadline. */
export function Countdown({ due, now = new Date() }: { due: string; now?: Date }) {
  const ms = new Date(due).getTime() - now.getTime();
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  const text = hours >= 24 ? `${Math.floor(hours / 24)} 天 ${hours % 24} 小时` : `${hours} 小时`;
  return ms >= 0 ? <span>剩余 {text}</span> : <span className="font-semibold text-danger">已超期 {text}</span>;
}
