import { db } from "./db";
import { makeUser } from "./factories";
import type { Result } from "@/lib/api/use-case";
import { actorForUser } from "@/lib/auth/actor";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// Shared by the legal-aid integration tests: a valid application, lawyers on the roster, and
// unwrapping a use case's result.

export const meta = { ip: null, userAgent: null };

export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

/** A valid ID number (GB 11643 check digit) that differs by `seq`. */
export function idNumberFor(seq: number) {
  const first17 = `36990119700101${String(100 + seq).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}

/** A labour-pay application from 东村 (the small network's village A), valid as it stands. */
export function sampleApplication(seq: number, over: { name?: string; phone?: string; opposingParty?: string; category?: string } = {}) {
  return {
    applicant: { name: over.name ?? "陈秀兰", idNumber: idNumberFor(seq), phone: over.phone ?? "13812340001", address: "东村 3 组 12 号", regionCode: "369901001001" },
    matter: { category: over.category ?? "LABOUR", facts: "在工地干了半年，老板拖欠工资 2 万元。", opposingParty: over.opposingParty ?? "某建筑劳务公司" },
    aidForm: "LABOUR_ARBITRATION",
    economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 2400, householdSize: 3, signed: "on" } },
    consent: { personalInfo: "on" },
  };
}

/** A lawyer on the legal-aid roster (LAWYER membership and profile), as an actor. */
export async function makeLawyer(opts: { name: string; firmId: number; regionIds: number[]; expertise?: string[]; cap?: number; accepts?: boolean }) {
  const user = await makeUser({ role: "LAWYER", name: opts.name });
  await db.lawyerProfile.create({
    data: {
      userId: user.id, firmId: opts.firmId, licenceNumber: `1369${String(user.id).padStart(13, "0")}`, practiceSinceYear: 2015,
      expertise: opts.expertise ?? ["LABOUR"], concurrentCaseCap: opts.cap ?? 5, acceptsLegalAid: opts.accepts ?? true,
      serviceRegions: { connect: opts.regionIds.map((id) => ({ id })) },
    },
  });
  return (await actorForUser(db, user.id))!;
}
