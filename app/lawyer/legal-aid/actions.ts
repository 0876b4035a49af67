"use server";

import { serverAction } from "@/lib/api/action";
import { addProgress, closeCase, requestTermination } from "@/lib/legal-aid/lawyer-case";
import { acceptFromPool, acceptOffer, declineOffer } from "@/lib/legal-aid/offers";
import { revealPersonalData } from "@/lib/personal-data/reveal";

// The assigned lawyer's steps on a legal-aid case. "/lawyer" as a layout path refreshes the case
// page and the workspace list.
const refresh = { revalidate: ["/lawyer"] };
export const progress = serverAction(addProgress, refresh);
export const terminate = serverAction(requestTermination, refresh);
export const close = serverAction(closeCase, refresh);

// 点援制: the lawyer answers an offer or takes a case from the pool.
export const accept = serverAction(acceptOffer, refresh);
export const decline = serverAction(declineOffer, refresh);
export const take = serverAction(acceptFromPool, refresh);

/** 显示完整号码 of the recipient (court filings carry it): audited, nothing to revalidate */
export const revealNumber = serverAction(revealPersonalData);
