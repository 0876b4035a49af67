import { routeHandler } from "@/lib/api/route";
import { regions } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(regions);
