"use server";

import { serverAction } from "@/lib/api/action";
import { getHardshipStandard } from "@/lib/legal-aid/hardship-standards";
import { listRegionOptions } from "@/lib/network/region-options";

export const findHardshipStandard = serverAction(getHardshipStandard);
export const listTownships = serverAction(listRegionOptions);
