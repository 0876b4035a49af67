"use server";

import { serverAction } from "@/lib/api/action";
import { requestLookupCode } from "@/lib/tracking/request-code";
import { verifyAndGrant } from "./grant-cookie";

// Nothing to revalidate: the look-up changes no page anyone else reads.
export const sendLookupCode = serverAction(requestLookupCode, { revalidate: [] });
export const checkLookupCode = serverAction(verifyAndGrant, { revalidate: [] });
