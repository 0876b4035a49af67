import { routeHandler } from "@/lib/api/route";
import { offerDecline } from "@/lib/api/v1/endpoints";

export const POST = routeHandler(offerDecline);
