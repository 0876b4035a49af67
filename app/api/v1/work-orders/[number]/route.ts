import { routeHandler } from "@/lib/api/route";
import { workOrder } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(workOrder);
