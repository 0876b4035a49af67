import { routeHandler } from "@/lib/api/route";
import { mediationCase } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(mediationCase);
