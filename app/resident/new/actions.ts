"use server";

import { serverAction } from "@/lib/api/action";
import { submitWorkOrder } from "@/lib/work-orders/create-work-order";

export const submit = serverAction(submitWorkOrder, { revalidate: ["/resident"] });
