"use server";

import { serverAction } from "@/lib/api/action";
import { recordAgreement } from "@/lib/mediation/agreement";
import { recordConfirmation } from "@/lib/mediation/confirmation";
import { recordPerformance, reportToCourt } from "@/lib/mediation/follow-up";

// The committee's steps after a mediation ends (components/mediation/aftercare-section.tsx).
// "/staff/mediation" as a layout path refreshes the workspace lists and every case page under it.
const refresh = { revalidate: ["/staff/mediation"] };
export const recordAgreementAction = serverAction(recordAgreement, refresh);
export const recordConfirmationAction = serverAction(recordConfirmation, refresh);
export const recordPerformanceAction = serverAction(recordPerformance, refresh);
export const reportToCourtAction = serverAction(reportToCourt, refresh);
