import { routeHandler } from "@/lib/api/route";
import { importTemplate } from "@/lib/api/v1/endpoints";

export const GET = routeHandler(importTemplate);
