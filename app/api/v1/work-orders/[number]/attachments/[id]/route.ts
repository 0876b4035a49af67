import { routeHandler } from "@/lib/api/route";
import { workOrderAttachment } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(workOrderAttachment);
