import { z } from "zod";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { ruleViolation } from "@/lib/errors";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { LawyerChoices } from "@/lib/legal-aid/application-schemas";
import { addCaseEvent, loadLegalAidLimits, lockCase, requireApplicant, type LockedCase } from "@/lib/legal-aid/case";
import { offerNext } from "@/lib/legal-aid/offers";
import { expertiseFor } from "@/lib/legal-aid/assignment";
import { ON_ROSTER } from "@/lib/lawyers/roster";
import { LEGAL_MATTER_CATEGORIES, isLegalMatterCategory } from "@/lib/lawyers/categories";

// 网上下单 (点援制, decision 007): the applicant ranks lawyers from the public roster — when applying,
// or later until the assignment deadline, as long as no lawyer has taken the case. After approval
// the ranking drives the offers (offers.ts).

/**
 * Checks the ranked lawyers against the configured maximum and the roster (a LAWYER account,
 * active, taking legal aid, not suspended) and stores them, replacing an earlier ranking.
 */
export async function saveChoices(db: Tx, applicationId: number, lawyerUserIds: number[], maxChoices: number) {
  if (lawyerUserIds.length > maxChoices) throw ruleViolation(`最多可以选择 ${maxChoices} 名律师`, "lawyerChoices");
  const onRoster = await db.lawyerProfile.findMany({
    where: { ...ON_ROSTER, userId: { in: lawyerUserIds } },
    select: { userId: true, user: { select: { name: true } } },
  });
  const names = new Map(onRoster.map((l) => [l.userId, l.user.name]));
  if (lawyerUserIds.some((id) => !names.has(id))) {
    throw ruleViolation("所选律师不在法律援助律师名录中（可能已暂停承办），请重新选择", "lawyerChoices");
  }
  await db.legalAidChoice.deleteMany({ where: { applicationId } });
  if (lawyerUserIds.length) {
    await db.legalAidChoice.createMany({ data: lawyerUserIds.map((lawyerUserId, i) => ({ applicationId, rank: i + 1, lawyerUserId })) });
  }
  return lawyerUserIds.map((id, i) => `${i + 1}. ${names.get(id)}`).join("；");
}

export const SetLawyerChoicesInput = z.object({
  number: WorkOrderNumber,
  lawyerChoices: LawyerChoices.refine((ids) => !!ids && ids.length > 0, "请至少选择一名律师"),
});

/**
 * Why the applicant may no longer (re)choose, or null: before approval always; after it while no
 * lawyer has the case, until the assignment deadline or the configured window after the decision.
 */
export function choiceClosedReason(
  c: Pick<LockedCase, "status" | "lawyerUserId" | "assignDueAt" | "decidedAt">,
  now: Date,
  choiceHours: number | null,
): string | null {
  if (c.status === "SUBMITTED" || c.status === "MATERIALS_REQUESTED") return null;
  if (c.status !== "APPROVED" || c.lawyerUserId) return "案件已有承办律师或已结束，不能再选择律师";
  const windowEnds = choiceHours && c.decidedAt ? new Date(c.decidedAt.getTime() + choiceHours * 3_600_000) : null;
  if ((c.assignDueAt && now >= c.assignDueAt) || (windowEnds && now >= windowEnds)) {
    return "已超过选择律师的期限，法律援助中心将直接为您指派律师";
  }
  return null;
}

/**
 * 选择律师: the applicant ranks up to `maxChoices` lawyers. After approval a new ranking withdraws
 * a waiting offer and starts over from the new first choice (lawyers who already declined or let
 * an offer lapse are skipped), reopening the chain if the pool had taken over.
 */
export const setLawyerChoices = defineUseCase({
  name: "legalAid.choose",
  permission: "legalAid.choose",
  write: true,
  input: SetLawyerChoicesInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireApplicant(c, actor);
    const now = new Date();
    const limits = await loadLegalAidLimits(db);
    const closed = choiceClosedReason(c, now, limits.choiceHours);
    if (closed) throw ruleViolation(closed, "lawyerChoices");
    const list = await saveChoices(db, c.id, input.lawyerChoices ?? [], limits.maxChoices);
    await addCaseEvent(db, c, "LAWYERS_CHOSEN", actor, { body: list });
    let next: Awaited<ReturnType<typeof offerNext>> | null = null;
    if (c.status === "APPROVED") {
      await db.legalAidOffer.updateMany({ where: { applicationId: c.id, status: "PENDING" }, data: { status: "WITHDRAWN", respondedAt: now } });
      await db.legalAidApplication.update({ where: { id: c.id }, data: { poolOpenedAt: null, poolClosedAt: null } });
      next = await offerNext(db, { ...c, poolOpenedAt: null, poolClosedAt: null }, now);
    }
    return { number: c.workOrder.number, choices: list, next };
  },
});

const OPTIONS_LIMIT = 300;

/**
 * The lawyers an applicant may rank, for the choice selects: everyone on the roster, those whose
 * expertise fits the matter first (when it is known), then by name. The public roster page
 * (/lawyers) shows each one's record and ratings.
 */
export const listChoiceOptions = defineUseCase({
  name: "legalAid.choiceOptions",
  permission: "legalAid.choose",
  write: false,
  input: z.object({ category: z.string().max(40).optional() }),
  async run({ db, input }) {
    const [{ maxChoices }, rows] = await Promise.all([
      loadLegalAidLimits(db),
      db.lawyerProfile.findMany({
        where: ON_ROSTER,
        take: OPTIONS_LIMIT,
        select: { userId: true, expertise: true, user: { select: { name: true } }, firm: { select: { name: true } } },
      }),
    ]);
    const wanted = new Set<string>(input.category ? expertiseFor(input.category) : []);
    const options = rows
      .map((r) => ({
        userId: r.userId,
        label: `${r.user.name}（${r.firm.name}；${r.expertise.map((e) => (isLegalMatterCategory(e) ? LEGAL_MATTER_CATEGORIES[e] : e)).join("、")}）`,
        fits: r.expertise.some((e) => wanted.has(e)),
        name: r.user.name,
      }))
      .sort((a, b) => Number(b.fits) - Number(a.fits) || a.name.localeCompare(b.name, "zh-CN") || a.userId - b.userId)
      .map(({ name: _name, ...o }) => o);
    return { maxChoices, options, fitsShown: wanted.size > 0 };
  },
});
