import { routeHandler } from "@/lib/api/route";
import { auditExport } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(auditExport);
