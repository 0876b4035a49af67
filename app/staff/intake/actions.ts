"use server";

import { serverAction } from "@/lib/api/action";
import { intakeWorkOrder } from "@/lib/work-orders/create-work-order";

export const intake = serverAction(intakeWorkOrder, { revalidate: ["/staff"] });
