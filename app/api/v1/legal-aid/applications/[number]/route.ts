import { routeHandler } from "@/lib/api/route";
import { legalAidApplication } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(legalAidApplication);
