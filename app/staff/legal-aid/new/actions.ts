"use server";

import { serverAction } from "@/lib/api/action";
import { takeInLegalAidApplication } from "@/lib/legal-aid/apply";

export const takeIn = serverAction(takeInLegalAidApplication, { revalidate: ["/staff"] });
