"use server";

import { serverAction } from "@/lib/api/action";
import { supplyMaterials, withdrawApplication } from "@/lib/legal-aid/review";
import { fileObjection } from "@/lib/legal-aid/objection";
import { rateCase, requestLawyerChange } from "@/lib/legal-aid/aftercare";
import { setLawyerChoices } from "@/lib/legal-aid/choice";
import { withdrawConsent } from "@/lib/personal-data/consent";

// The applicant's own steps on their legal-aid case.
const refresh = { revalidate: ["/resident"] };
export const supply = serverAction(supplyMaterials, refresh);
export const withdraw = serverAction(withdrawApplication, refresh);
export const object = serverAction(fileObjection, refresh);
export const changeLawyer = serverAction(requestLawyerChange, refresh);
export const rate = serverAction(rateCase, refresh);
export const choose = serverAction(setLawyerChoices, refresh);
export const withdrawSensitiveConsent = serverAction(withdrawConsent, refresh);
