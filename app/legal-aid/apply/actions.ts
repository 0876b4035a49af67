"use server";

import { serverAction } from "@/lib/api/action";
import { applyForLegalAid } from "@/lib/legal-aid/apply";
import { discardLegalAidDraft, saveLegalAidDraft } from "@/lib/legal-aid/drafts";

export const submitApplication = serverAction(applyForLegalAid, { revalidate: ["/resident"] });
// No revalidation on save: re-rendering the page would remount the form the resident is still filling in.
export const saveDraft = serverAction(saveLegalAidDraft);
export const discardDraft = serverAction(discardLegalAidDraft, { revalidate: ["/legal-aid/apply"] });
