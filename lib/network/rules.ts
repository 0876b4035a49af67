import type { OrganizationTier, RegionLevel } from "@/lib/generated/prisma/enums";

// The shape of the network (DOMAIN.md §2), in one place: which region level each tier sits on,
// which tier its parent has, and which level a region's parent has.

export const REGION_LEVELS: RegionLevel[] = ["CITY", "COUNTY", "TOWNSHIP", "VILLAGE"];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  CITY: "市",
  COUNTY: "县（市、区）",
  TOWNSHIP: "乡镇（街道）",
  VILLAGE: "村（社区）",
};

export const TIER_LABELS: Record<OrganizationTier, string> = {
  CENTRE: "公共法律服务中心",
  STATION: "公共法律服务工作站",
  ROOM: "公共法律服务工作室",
};

export const TIER_SHORT_LABELS: Record<OrganizationTier, string> = { CENTRE: "中心", STATION: "工作站", ROOM: "工作室" };

/** Region levels an organization of each tier may sit on. */
export const TIER_REGION_LEVELS: Record<OrganizationTier, RegionLevel[]> = {
  CENTRE: ["CITY", "COUNTY"],
  STATION: ["TOWNSHIP"],
  ROOM: ["VILLAGE"],
};

/** The parent level of a region level (null for the root). */
export function parentRegionLevel(level: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(level);
  return i > 0 ? REGION_LEVELS[i - 1] : null;
}

/** The tier an organization's parent must have: rooms report to stations, stations to centres, county centres to the city centre. */
export function parentTierFor(tier: OrganizationTier, regionLevel: RegionLevel): OrganizationTier | null {
  if (tier === "ROOM") return "STATION";
  if (tier === "STATION") return "CENTRE";
  return regionLevel === "CITY" ? null : "CENTRE";
}

export const regionPath = (parentPath: string | null, code: string) => `${parentPath ?? ""}${code}/`;
export const organizationPath = (parentPath: string | null, id: number) => `${parentPath ?? ""}${id}/`;

/** Service catalogue keys an organization may offer (labels in the UI). */
export const SERVICES = {
  CONSULTATION: "法律咨询",
  LEGAL_AID: "法律援助",
  MEDIATION: "人民调解",
  NOTARY: "公证服务",
  LAWYER_REFERRAL: "律师服务引导",
  APPRAISAL_GUIDANCE: "司法鉴定指引",
  COMPLAINT: "投诉建议",
} as const;
export type ServiceKey = keyof typeof SERVICES;
export const SERVICE_KEYS = Object.keys(SERVICES) as ServiceKey[];

/** What each tier offers by default (the seed and new organizations start from this). */
export const DEFAULT_SERVICES: Record<OrganizationTier, ServiceKey[]> = {
  CENTRE: ["CONSULTATION", "LEGAL_AID", "MEDIATION", "NOTARY", "LAWYER_REFERRAL", "APPRAISAL_GUIDANCE", "COMPLAINT"],
  STATION: ["CONSULTATION", "LEGAL_AID", "MEDIATION", "LAWYER_REFERRAL", "COMPLAINT"],
  ROOM: ["CONSULTATION", "MEDIATION", "LEGAL_AID"],
};
