import { routeHandler } from "@/lib/api/route";
import { health } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(health);
