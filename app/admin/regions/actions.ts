"use server";

import { serverAction } from "@/lib/api/action";
import { createRegion, setRegionPopulation, updateRegion } from "@/lib/network/manage-region";

const revalidate = ["/admin/regions", "/admin"];

export const createRegionAction = serverAction(createRegion, { revalidate });
export const updateRegionAction = serverAction(updateRegion, { revalidate });
export const setRegionPopulationAction = serverAction(setRegionPopulation, { revalidate });
