import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/api/request";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LoginForm } from "./_components/login-form";
import { safeCallbackUrl } from "./callback-url";

export const metadata: Metadata = { title: "登录" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const actor = await sessionActor();
  if (actor) redirect(callbackUrl ?? ROLE_HOME[actor.role]);

  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="登录" description="群众、工作人员和律师都从这里登录。" />
      {params.registered === "1" ? (
        <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          注册成功，请用手机号和密码登录。
        </p>
      ) : null}
      <Card>
        <LoginForm callbackUrl={callbackUrl} />
      </Card>
    </div>
  );
}
