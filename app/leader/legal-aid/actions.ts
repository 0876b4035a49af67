"use server";

import { serverAction } from "@/lib/api/action";
import { decideObjection } from "@/lib/legal-aid/objection";

// The bureau leader's decision on an objection (法律援助法 Art. 49). "/leader" as a layout path
// refreshes the objection list and the dashboard.
export const decide = serverAction(decideObjection, { revalidate: ["/leader"] });
