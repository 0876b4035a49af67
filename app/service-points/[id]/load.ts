import { cache } from "react";
import { loadPage } from "@/lib/api/page";
import { getServicePoint } from "@/lib/network/service-point";

/** The point, read once per request for the page and its title. Unknown or malformed ids → 404. */
export const loadServicePoint = cache((id: string) => loadPage(getServicePoint, { id }, `/service-points/${id}`));
