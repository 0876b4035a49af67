"use server";

import { serverAction } from "@/lib/api/action";
import { addRequesterMessage } from "@/lib/work-orders/process";
import { rateWorkOrder } from "@/lib/work-orders/rate";

export const addMessage = serverAction(addRequesterMessage, { revalidate: ["/resident"] });
export const rate = serverAction(rateWorkOrder, { revalidate: ["/resident"] });
