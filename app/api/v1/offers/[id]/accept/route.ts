import { routeHandler } from "@/lib/api/route";
import { offerAccept } from "@/lib/api/v1/endpoints";

export const POST = routeHandler(offerAccept);
