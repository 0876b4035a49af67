import { routeHandler } from "@/lib/api/route";
import { statsIndicators } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(statsIndicators);
