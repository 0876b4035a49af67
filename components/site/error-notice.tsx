"use client";

import { Button, LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { HOTLINE } from "@/components/site/hotline";

/**
 * What a page shows when its server render failed (app/error.tsx, app/global-error.tsx). In
 * production the browser is not told why (Next hides server errors), and the usual cause a reader
 * can do anything about is a database that is briefly away (a restart, a failover): so the page
 * says to refresh shortly, and gives the error id for the hotline or the administrator.
 */
export function ErrorNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <div className="mx-auto max-w-xl">
      <title>系统暂时无法访问｜云岭市公共法律服务网</title>
      <PageHeader title="系统暂时无法访问" description="系统暂时无法访问，请稍后刷新。" />
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => retry()}>刷新重试</Button>
        <LinkButton href="/" variant="secondary">
          返回网站首页
        </LinkButton>
      </div>
      <p className="mt-6 text-slate-700">
        多次刷新仍无法打开时，请拨打法律服务热线 {HOTLINE}。
        {digest ? <span className="ml-1">错误编号：{digest}</span> : null}
      </p>
    </div>
  );
}
