import { routeHandler } from "@/lib/api/route";
import { legalAidChoices } from "@/lib/api/v1/endpoints";

export const POST = routeHandler(legalAidChoices);
