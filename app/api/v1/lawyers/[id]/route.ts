import { routeHandler } from "@/lib/api/route";
import { lawyer } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(lawyer);
