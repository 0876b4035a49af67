import { routeHandler } from "@/lib/api/route";
import { legalAidPool } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(legalAidPool);
