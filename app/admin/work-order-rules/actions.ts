"use server";

import { serverAction } from "@/lib/api/action";
import { updateTypeRule } from "@/lib/work-orders/type-rules";

export const saveTypeRule = serverAction(updateTypeRule, { revalidate: ["/admin/work-order-rules"] });
