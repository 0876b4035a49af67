"use server";

import { serverAction } from "@/lib/api/action";
import { removeHardshipStandard, setHardshipStandard } from "@/lib/legal-aid/hardship-standards";

export const saveStandard = serverAction(setHardshipStandard, { revalidate: ["/admin/hardship-standards"] });
export const deleteStandard = serverAction(removeHardshipStandard, { revalidate: ["/admin/hardship-standards"] });
