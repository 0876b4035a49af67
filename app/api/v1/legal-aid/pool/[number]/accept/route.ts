import { routeHandler } from "@/lib/api/route";
import { legalAidPoolAccept } from "@/lib/api/v1/endpoints";

export const POST = routeHandler(legalAidPoolAccept);
