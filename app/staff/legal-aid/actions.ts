"use server";

import { serverAction } from "@/lib/api/action";
import { approveApplication, recordSupplement, refuseApplication, requestMaterials, startAdvanceAid } from "@/lib/legal-aid/review";
import { assignLawyer } from "@/lib/legal-aid/assignment";
import { archiveCase, decideRequest, gradeQuality, recordFollowUp } from "@/lib/legal-aid/aftercare";
import { revealPersonalData } from "@/lib/personal-data/reveal";

// The legal-aid officer's steps on a case. "/staff" as a layout path refreshes the queue, the case
// pages and the workbench counts.
const refresh = { revalidate: ["/staff"] };
export const askForMaterials = serverAction(requestMaterials, refresh);
export const recordMaterials = serverAction(recordSupplement, refresh);
export const approve = serverAction(approveApplication, refresh);
export const refuse = serverAction(refuseApplication, refresh);
export const advanceAid = serverAction(startAdvanceAid, refresh);
export const assign = serverAction(assignLawyer, refresh);
export const decide = serverAction(decideRequest, refresh);
export const followUp = serverAction(recordFollowUp, refresh);
export const grade = serverAction(gradeQuality, refresh);
export const archive = serverAction(archiveCase, refresh);
/** 显示完整号码: audited; nothing on the page changes, so nothing to revalidate */
export const revealNumber = serverAction(revealPersonalData);
