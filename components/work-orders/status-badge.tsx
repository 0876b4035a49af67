import type { WorkOrderStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/work-orders/labels";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<WorkOrderStatus, BadgeTone> = {
  NEW: "info",
  IN_PROGRESS: "neutral",
  PAUSED: "neutral",
  CLOSED: "success",
  REOPENED: "warning",
};

/** The status in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: WorkOrderStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
