"use server";

import { serverAction } from "@/lib/api/action";
import { rateByLink } from "@/lib/work-orders/rate";

// Nothing to refresh: re-reading the page after the token is used would replace the thanks with
// "link no longer valid".
export const rateWithLink = serverAction(rateByLink, { revalidate: [] });
