import { routeHandler } from "@/lib/api/route";
import { createWorkOrder } from "@/lib/api/v1/endpoints";

export const POST = routeHandler(createWorkOrder);
