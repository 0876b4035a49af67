"use server";

import { serverAction } from "@/lib/api/action";
import { markNotificationsRead } from "@/lib/notify/queries";

export const markNotificationsReadAction = serverAction(markNotificationsRead, { revalidate: ["/notifications"] });
