import type { Role } from "@/lib/generated/prisma/enums";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// The demo accounts of the seeded city, in one list that the seed, the README and the e2e tests
// all read. Every account has the same password; none of this may reach a production database.

export const DEMO_PASSWORD = "Demo@2026";

/** The hotline desk's API token (public on purpose: it only exists in demo databases). */
export const DEMO_API_TOKEN = "lsp_demo_hotline_2026_public_do_not_use_in_production";
export const DEMO_API_CLIENT_NAME = "12348热线坐席（演示）";

/**
 * Places the demo accounts work in. The generator pins these names, so the "where" labels below
 * stay true whatever the random draws.
 */
export const DEMO_PLACES = {
  city: "云岭市",
  /** the first county (code 369901) */
  county: "青溪区",
  /** its first township (staff.station, mediator) */
  township: "文昌街道",
  /** its second township (staff.station2) */
  township2: "滨江街道",
  /** the first village of 文昌街道, which has a room (staff.room) */
  village: "文昌社区",
  /** the city-level firm of lawyer1 and the 青溪区 firm of lawyer2 (never the same firm) */
  lawyer1Firm: "云岭明正律师事务所",
  lawyer2Firm: "青溪正源律师事务所",
} as const;

/** Where an account's membership points; resolved against the generated city by the seed. */
export type DemoScope =
  | { kind: "none" }
  | { kind: "region"; place: "city" | "county" }
  | { kind: "organization"; place: "countyCentre" | "station" | "station2" | "room" }
  /** one of the generated lawyers (index in the roster), renamed to this account */
  | { kind: "lawyer"; index: number };

export interface DemoAccount {
  username: string;
  /** signs in with this mobile number too */
  phone?: string;
  name: string;
  role: Role;
  /** what the account is, as shown in the README and on the sign-in page's demo list */
  label: string;
  /** where it works: a region or organization name */
  where: string;
  scope: DemoScope;
}

const p = DEMO_PLACES;
const countyCentre = `${p.county}公共法律服务中心`;
const station = `${p.county}${p.township}公共法律服务工作站`;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: "admin", name: "周明远", role: "ADMIN", label: "系统管理员", where: "全市（不限范围）", scope: { kind: "none" } },
  { username: "leader.city", name: "林国栋", role: "LEADER", label: "市司法局领导", where: p.city, scope: { kind: "region", place: "city" } },
  { username: "leader.county", name: "钟慧敏", role: "LEADER", label: "区司法局领导", where: p.county, scope: { kind: "region", place: "county" } },
  { username: "staff.centre", name: "刘晓燕", role: "STAFF", label: "区公共法律服务中心窗口工作人员", where: countyCentre, scope: { kind: "organization", place: "countyCentre" } },
  { username: "officer", name: "黄志刚", role: "LEGAL_AID_OFFICER", label: "法律援助审查人员", where: countyCentre, scope: { kind: "organization", place: "countyCentre" } },
  { username: "staff.station", name: "曾丽萍", role: "STAFF", label: "街道工作站（司法所）工作人员", where: station, scope: { kind: "organization", place: "station" } },
  { username: "staff.station2", name: "谢建华", role: "STAFF", label: "另一街道工作站工作人员", where: `${p.county}${p.township2}公共法律服务工作站`, scope: { kind: "organization", place: "station2" } },
  { username: "staff.room", name: "邱春兰", role: "STAFF", label: "社区工作室工作人员", where: `${p.township}${p.village}公共法律服务工作室`, scope: { kind: "organization", place: "room" } },
  { username: "mediator", name: "赖德明", role: "MEDIATOR", label: "人民调解员", where: station, scope: { kind: "organization", place: "station" } },
  { username: "mediator.room", name: "罗金根", role: "MEDIATOR", label: "村（社区）人民调解员", where: `${p.township}${p.village}公共法律服务工作室`, scope: { kind: "organization", place: "room" } },
  { username: "lawyer1", name: "陈立衡", role: "LAWYER", label: "律师（法律援助名册）", where: p.lawyer1Firm, scope: { kind: "lawyer", index: 0 } },
  { username: "lawyer2", name: "胡雅琴", role: "LAWYER", label: "律师（法律援助名册）", where: p.lawyer2Firm, scope: { kind: "lawyer", index: 1 } },
  { username: "resident1", phone: "13800000001", name: "王秀英", role: "RESIDENT", label: "群众（已实名）", where: "—", scope: { kind: "none" } },
  { username: "resident2", phone: "13800000002", name: "李小军", role: "RESIDENT", label: "群众", where: "—", scope: { kind: "none" } },
];

/**
 * An account for the account-security e2e journey only (tests/e2e/account-security.spec.ts): it
 * changes its password, enrols a second factor, is forced out by the admin. Kept out of
 * DEMO_ACCOUNTS so the journeys that sign in as every demo role never meet it half-way through.
 */
export const SECURITY_DEMO_ACCOUNT: DemoAccount = {
  username: "staff.security",
  name: "温雅琪",
  role: "STAFF",
  label: "账号安全测试用工作人员（自动化测试专用）",
  where: station,
  scope: { kind: "organization", place: "station" },
};

/** resident1's fictional 公民身份号码: 青溪区 (369901), born 1968-04-15, female, valid check character. */
const RESIDENT_ID_FIRST17 = "36990119680415002";
export const DEMO_RESIDENT_ID_NUMBER = `${RESIDENT_ID_FIRST17}${idNumberCheckChar(RESIDENT_ID_FIRST17)}`;

export const demoAccount = (username: string): DemoAccount => {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account;
};
