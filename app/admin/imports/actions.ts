"use server";

import { serverAction } from "@/lib/api/action";
import { runImport } from "@/lib/imports/run-import";

export const importFile = serverAction(runImport, { revalidate: ["/admin/imports"] });
