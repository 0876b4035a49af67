import { routeHandler } from "@/lib/api/route";
import { openapi } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(openapi);
