import { routeHandler } from "@/lib/api/route";
import { me } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(me);
