import { routeHandler } from "@/lib/api/route";
import { legalAidApplications } from "@/lib/api/v1/endpoints";

export const POST = routeHandler(legalAidApplications);
