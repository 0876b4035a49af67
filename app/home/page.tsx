import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/api/request";
import { ROLE_HOME } from "@/lib/auth/permissions";

// "我的首页": one stable link for everybody; each role lands on its own workspace.
export default async function HomeRedirect() {
  const actor = await sessionActor();
  if (!actor) redirect("/login?callbackUrl=%2Fhome");
  redirect(ROLE_HOME[actor.role]);
}
