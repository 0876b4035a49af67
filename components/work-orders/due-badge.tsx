import { Badge } from "@/components/ui/badge";

export type DueState = "overdue" | "soon" | "ok";

/** "已超期" / "即将到期" as text; nothing when the deadline is comfortable or the order is closed. */
export function DueBadge({ state }: { state: DueState }) {
  if (state === "overdue") return <Badge tone="danger">已超期</Badge>;
  if (state === "soon") return <Badge tone="warning">即将到期</Badge>;
  return null;
}
