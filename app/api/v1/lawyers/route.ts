import { routeHandler } from "@/lib/api/route";
import { lawyers } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(lawyers);
