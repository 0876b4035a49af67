"use server";

import { serverAction } from "@/lib/api/action";
import { applyForLegalAid } from "@/lib/legal-aid/apply";

export const submitApplication = serverAction(applyForLegalAid, { revalidate: ["/resident"] });
