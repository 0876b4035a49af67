import type { BreakdownDimension } from "@/lib/stats/registry";
import { CHANNEL_LABELS, STATUS_LABELS, TYPE_LABELS } from "@/lib/work-orders/labels";
import { TIER_LABELS } from "@/lib/network/rules";
import { AID_FORM_LABELS } from "@/lib/legal-aid/application-schemas";
import { MATTER_KIND_LABELS } from "@/lib/legal-aid/labels";
import { MEDIATION_CATEGORY_LABELS, MEDIATION_SOURCE_LABELS } from "@/lib/mediation/labels";

// The Chinese name of a breakdown value, from each domain's own label map (kept apart from the
// registry so the registry stays free of the domains' imports).
const LABELS: Record<BreakdownDimension, Record<string, string>> = {
  type: TYPE_LABELS,
  channel: CHANNEL_LABELS,
  tier: TIER_LABELS,
  status: STATUS_LABELS,
  aidForm: AID_FORM_LABELS,
  matterKind: MATTER_KIND_LABELS,
  mediationCategory: MEDIATION_CATEGORY_LABELS,
  mediationSource: MEDIATION_SOURCE_LABELS,
};

export const breakdownLabel = (dimension: BreakdownDimension, value: string) => LABELS[dimension][value] ?? value;
