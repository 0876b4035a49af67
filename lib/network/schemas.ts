import { z } from "zod";
import { OrganizationTier, RegionLevel } from "@/lib/generated/prisma/enums";
import { idParam, optionalText, requiredText, checkbox } from "@/lib/validation";
import { SERVICE_KEYS } from "@/lib/network/rules";

const regionCode = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z.string().regex(/^\d{6,12}$/, `${label}代码格式不正确`).optional(),
  );

const coordinate = (min: number, max: number, label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: `${label}必须是数字` }).min(min, `${label}超出范围`).max(max, `${label}超出范围`).optional(),
  );

export const ServicePointQuery = z.object({
  county: regionCode("县（市、区）"),
  township: regionCode("乡镇（街道）"),
  tier: z.preprocess((v) => (v === "" ? undefined : v), z.enum(OrganizationTier, { error: "网点类型无效" }).optional()),
  q: optionalText(40, "关键词"),
  /** "near me": sort by distance from this point */
  lat: coordinate(-90, 90, "纬度"),
  lng: coordinate(-180, 180, "经度"),
  cursor: optionalText(200, "分页游标"),
  limit: z.coerce.number({ error: "每页条数必须是数字" }).int().min(1, "每页至少 1 条").max(100, "每页最多 100 条").default(20),
});
export type ServicePointQuery = z.output<typeof ServicePointQuery>;

export const ServicePointItem = z.object({
  id: z.number().int(),
  name: z.string(),
  tier: z.enum(OrganizationTier),
  regionCode: z.string(),
  regionName: z.string(),
  /** county / township names above the point, for display */
  areaName: z.string(),
  address: z.string(),
  phone: z.string(),
  hours: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  services: z.array(z.string()),
  legalAdviser: z.string().nullable(),
  /** kilometres from the given point, when sorted by distance */
  distanceKm: z.number().nullable(),
});
export type ServicePointItem = z.output<typeof ServicePointItem>;

export const ServicePointPage = z.object({
  items: z.array(ServicePointItem),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type ServicePointPage = z.output<typeof ServicePointPage>;

export const RegionOptionsQuery = z.object({ parent: regionCode("上级区划") });

export const OrganizationIdInput = z.object({ id: idParam("网点编号") });

const phone = requiredText(40, "联系电话").pipe(z.string().regex(/^[\d\-+() ]{5,40}$/, "联系电话格式不正确"));

/** What the staff of a service point may keep up to date themselves. */
export const OrganizationContactInput = z.object({
  id: idParam("网点编号"),
  address: requiredText(160, "地址"),
  phone,
  openingHours: requiredText(120, "办公时间"),
  legalAdviserName: optionalText(40, "法律顾问姓名"),
  legalAdviserPhone: optionalText(40, "法律顾问电话"),
});

const organizationFields = {
  name: requiredText(80, "网点名称"),
  tier: z.enum(OrganizationTier, { error: "请选择网点层级" }),
  regionId: idParam("所在区划"),
  parentId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idParam("上级网点").optional()),
  address: requiredText(160, "地址"),
  phone,
  openingHours: requiredText(120, "办公时间"),
  latitude: coordinate(-90, 90, "纬度"),
  longitude: coordinate(-180, 180, "经度"),
  standardized: checkbox,
  decidesLegalAid: checkbox,
  legalAdviserName: optionalText(40, "法律顾问姓名"),
  legalAdviserPhone: optionalText(40, "法律顾问电话"),
  services: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(SERVICE_KEYS as [string, ...string[]], { error: "服务项目无效" })),
  ),
};
export const CreateOrganizationInput = z.object(organizationFields);
export const UpdateOrganizationInput = z.object({ id: idParam("网点编号"), ...organizationFields });

const populationYear = z.coerce.number({ error: "年份必须是数字" }).int().min(2000, "年份无效").max(2100, "年份无效");

export const CreateRegionInput = z.object({
  code: z.string({ error: "请填写区划代码" }).trim().regex(/^\d{12}$/, "区划代码应为 12 位数字"),
  name: requiredText(60, "区划名称"),
  level: z.enum(RegionLevel, { error: "请选择区划级别" }),
  parentId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idParam("上级区划").optional()),
});
export const UpdateRegionInput = z.object({
  id: idParam("区划编号"),
  name: requiredText(60, "区划名称"),
  parentId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idParam("上级区划").optional()),
});
export const SetPopulationInput = z.object({
  regionId: idParam("区划编号"),
  year: populationYear,
  residents: z.coerce.number({ error: "常住人口必须是数字" }).int("常住人口必须是整数").min(0, "常住人口不能为负数").max(200_000_000, "常住人口过大"),
});
export const RegionIdInput = z.object({ id: idParam("区划编号") });
export const RegionSummaryInput = z.object({
  code: regionCode("区划"),
  year: z.preprocess((v) => (v === "" ? undefined : v), populationYear.optional()),
});
