import { routeHandler } from "@/lib/api/route";
import { mediationCases } from "@/lib/api/v1/endpoints";

export const POST = routeHandler(mediationCases);
