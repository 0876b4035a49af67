"use server";

import { serverAction } from "@/lib/api/action";
import { registerMediationCase } from "@/lib/mediation/intake";

export const registerCase = serverAction(registerMediationCase, { revalidate: ["/staff"] });
