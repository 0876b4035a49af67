import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "无权访问" };

export default function ForbiddenPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="无权访问" description="您当前的账号没有查看这个页面的权限。如果您认为这是错误，请联系本单位的系统管理员。" />
      <div className="flex flex-wrap gap-3">
        <LinkButton href="/home">回到我的首页</LinkButton>
        <LinkButton href="/" variant="secondary">
          返回网站首页
        </LinkButton>
      </div>
    </div>
  );
}
