import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/api/request";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RegisterForm } from "./_components/register-form";
import { safeCallbackUrl } from "../login/callback-url";

export const metadata: Metadata = { title: "注册" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await sessionActor()) redirect(callbackUrl ?? "/home");
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="注册账号" description="群众用手机号注册，注册后即可在网上办理公共法律服务。" />
      <Card>
        <RegisterForm callbackUrl={callbackUrl} />
      </Card>
    </div>
  );
}
