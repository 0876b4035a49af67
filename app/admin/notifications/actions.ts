"use server";

import { serverAction } from "@/lib/api/action";
import { deliverOutboxNow } from "@/lib/notify/queries";

export const deliverOutboxNowAction = serverAction(deliverOutboxNow, { revalidate: ["/admin/notifications"] });
