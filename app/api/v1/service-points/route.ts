import { routeHandler } from "@/lib/api/route";
import { servicePoints } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(servicePoints);
