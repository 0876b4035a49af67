"use server";

import { serverAction } from "@/lib/api/action";
import {
  acceptWorkOrder, assignWorkOrder, bulkAcceptWorkOrders, closeWorkOrder, escalateWorkOrder, pauseWorkOrder, replyToWorkOrder, resumeWorkOrder,
  returnWorkOrder, transferWorkOrder,
} from "@/lib/work-orders/process";
import { recordFollowUp } from "@/lib/work-orders/rate";

// "/staff" as a layout path refreshes the inbox, the order pages and the workbench counts.
export const bulkAccept = serverAction(bulkAcceptWorkOrders, { revalidate: ["/staff"] });
export const accept = serverAction(acceptWorkOrder, { revalidate: ["/staff"] });
export const assign = serverAction(assignWorkOrder, { revalidate: ["/staff"] });
export const reply = serverAction(replyToWorkOrder, { revalidate: ["/staff"] });
export const pause = serverAction(pauseWorkOrder, { revalidate: ["/staff"] });
export const resume = serverAction(resumeWorkOrder, { revalidate: ["/staff"] });
export const close = serverAction(closeWorkOrder, { revalidate: ["/staff"] });
export const followUp = serverAction(recordFollowUp, { revalidate: ["/staff"] });

// A hand-over usually moves the order out of this service point's scope, so re-rendering the page
// it was sent from would answer "not found". These refresh nothing; the form says where the order
// went and links to the inbox, which is read afresh on arrival.
export const transfer = serverAction(transferWorkOrder, { revalidate: [] });
export const escalate = serverAction(escalateWorkOrder, { revalidate: [] });
export const returnDown = serverAction(returnWorkOrder, { revalidate: [] });
