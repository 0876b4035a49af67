import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { endedSessionReason, sessionActor } from "@/lib/api/request";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LoginForm } from "./_components/login-form";
import { safeCallbackUrl } from "./callback-url";

export const metadata: Metadata = { title: "登录" };

const END_NOTICES: Record<string, string> = {
  IDLE: "您长时间未操作，为保护账号安全已自动退出，请重新登录。",
  EXPIRED: "本次登录已达到最长时限，请重新登录。",
  FORCED: "您的账号已被系统管理员强制下线，请重新登录；如有疑问请联系管理员。",
  PASSWORD_CHANGED: "账号密码已修改，请用新密码重新登录。",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const actor = await sessionActor();
  if (actor) redirect(callbackUrl ?? ROLE_HOME[actor.role]);
  // Why the last session ended, from its row (the cookie still names it); the idle warning's own
  // sign-out also says so in the address.
  const ended = params.reason === "idle" ? "IDLE" : params.reason === "expired" ? "EXPIRED" : await endedSessionReason();
  const notice = ended ? END_NOTICES[ended] : undefined;

  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="登录" description="群众、工作人员和律师都从这里登录。" />
      {params.registered === "1" ? (
        <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          注册成功，请用手机号和密码登录。
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
          {notice}
        </p>
      ) : null}
      <Card>
        <LoginForm callbackUrl={callbackUrl} />
      </Card>
    </div>
  );
}
