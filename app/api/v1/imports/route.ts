import { routeHandler } from "@/lib/api/route";
import { imports } from "@/lib/api/v1/endpoints";

export const POST = routeHandler(imports);
