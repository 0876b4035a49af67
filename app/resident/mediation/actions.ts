"use server";

import { serverAction } from "@/lib/api/action";
import { respondToMediation } from "@/lib/mediation/intake";

// A party's own step on a mediation case: agreeing to mediation, or not (Art. 17).
export const respond = serverAction(respondToMediation, { revalidate: ["/resident"] });
