"use server";

import { serverAction } from "@/lib/api/action";
import { updateTypeRule } from "@/lib/work-orders/type-rules";
import { escalateOverdueNow } from "@/lib/work-orders/escalate-overdue";

export const saveTypeRule = serverAction(updateTypeRule, { revalidate: ["/admin/work-order-rules"] });
export const runOverdueCheck = serverAction(escalateOverdueNow, { revalidate: ["/admin/work-order-rules"] });
