"use server";

import { serverAction } from "@/lib/api/action";
import { addProgress, closeCase, requestTermination } from "@/lib/legal-aid/lawyer-case";

// The assigned lawyer's steps on a legal-aid case. "/lawyer" as a layout path refreshes the case
// page and the workspace list.
const refresh = { revalidate: ["/lawyer"] };
export const progress = serverAction(addProgress, refresh);
export const terminate = serverAction(requestTermination, refresh);
export const close = serverAction(closeCase, refresh);
