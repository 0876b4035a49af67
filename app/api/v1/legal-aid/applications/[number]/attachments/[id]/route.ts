import { routeHandler } from "@/lib/api/route";
import { legalAidAttachment } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(legalAidAttachment);
