"use server";

import { serverAction } from "@/lib/api/action";
import { deleteFigure, deleteTarget, enterFigure, setTarget } from "@/lib/stats/targets";

export const saveTarget = serverAction(setTarget, { revalidate: ["/admin/targets"] });
export const removeTarget = serverAction(deleteTarget, { revalidate: ["/admin/targets"] });
export const saveFigure = serverAction(enterFigure, { revalidate: ["/admin/targets"] });
export const removeFigure = serverAction(deleteFigure, { revalidate: ["/admin/targets"] });
