"use server";

import { serverAction } from "@/lib/api/action";
import {
  addParticipant, assignMediator, escalateMediation, extendDeadline, recordFailure, recordSession, removeParticipant, scheduleSession,
  withdrawMediation,
} from "@/lib/mediation/steps";
import { recordConsent } from "@/lib/mediation/intake";
import { revealPersonalData } from "@/lib/personal-data/reveal";

// The committee's steps on a mediation case. "/staff" as a layout path refreshes the workspace, the
// case pages and the workbench counts.
const refresh = { revalidate: ["/staff"] };
export const assign = serverAction(assignMediator, refresh);
export const addPerson = serverAction(addParticipant, refresh);
export const removePerson = serverAction(removeParticipant, refresh);
export const schedule = serverAction(scheduleSession, refresh);
export const recordHeld = serverAction(recordSession, refresh);
export const extend = serverAction(extendDeadline, refresh);
export const fail = serverAction(recordFailure, refresh);
export const withdraw = serverAction(withdrawMediation, refresh);
export const escalate = serverAction(escalateMediation, refresh);
export const consent = serverAction(recordConsent, refresh);
/** 显示完整号码 of a party, for the case team: audited, nothing to revalidate */
export const revealNumber = serverAction(revealPersonalData);
