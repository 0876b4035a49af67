import { routeHandler } from "@/lib/api/route";
import { organization } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(organization);
