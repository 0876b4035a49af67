"use server";

import { serverAction } from "@/lib/api/action";
import { reinstateLawyer, suspendLawyer } from "@/lib/lawyers/suspension";

// 质量监督: the list and the public roster change together; "/staff" also refreshes the case pages
// whose offers a suspension withdrew.
const refresh = { revalidate: ["/staff", "/lawyers"] };
export const suspend = serverAction(suspendLawyer, refresh);
export const reinstate = serverAction(reinstateLawyer, refresh);
