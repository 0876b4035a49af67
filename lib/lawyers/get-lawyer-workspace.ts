import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { notFound } from "@/lib/errors";
import { LEGAL_MATTER_CATEGORIES, isLegalMatterCategory } from "@/lib/lawyers/categories";

/** A lawyer's own profile as the roster and the offer matching (点援制, later) will use it. */
export const getLawyerWorkspace = defineUseCase({
  name: "lawyer.workspace",
  permission: "lawyer.workspace",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const profile = await db.lawyerProfile.findUnique({
      where: { userId: actor.userId ?? -1 },
      select: {
        kind: true, licenceNumber: true, practiceSinceYear: true, expertise: true, concurrentCaseCap: true, acceptsLegalAid: true,
        firm: { select: { name: true, address: true, phone: true, region: { select: { name: true } } } },
        serviceRegions: { select: { code: true, name: true }, orderBy: { code: "asc" } },
      },
    });
    if (!profile) throw notFound("律师档案");
    return {
      ...profile,
      expertiseLabels: profile.expertise.map((e) => (isLegalMatterCategory(e) ? LEGAL_MATTER_CATEGORIES[e] : e)),
    };
  },
});
