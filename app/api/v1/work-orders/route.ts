import { routeHandler } from "@/lib/api/route";
import { createWorkOrder, workOrderInbox } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(workOrderInbox);
export const POST = routeHandler(createWorkOrder);
