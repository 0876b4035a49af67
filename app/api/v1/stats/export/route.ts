import { routeHandler } from "@/lib/api/route";
import { statsExport } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(statsExport);
