import { routeHandler } from "@/lib/api/route";
import { myOffers } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(myOffers);
