"use server";

import { serverAction } from "@/lib/api/action";
import { updateLegalAidRules } from "@/lib/legal-aid/rules";

export const saveLegalAidRules = serverAction(updateLegalAidRules, { revalidate: ["/admin/legal-aid-rules"] });
