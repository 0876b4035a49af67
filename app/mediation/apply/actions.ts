"use server";

import { serverAction } from "@/lib/api/action";
import { applyForMediation } from "@/lib/mediation/intake";

export const submitMediation = serverAction(applyForMediation, { revalidate: ["/resident"] });
