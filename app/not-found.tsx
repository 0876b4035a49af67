import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "页面不存在" };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="页面不存在" description="您要找的页面不存在，或者已经被移走。请检查网址，或回到首页重新查找。" />
      <div className="flex flex-wrap gap-3">
        <LinkButton href="/">返回网站首页</LinkButton>
        <LinkButton href="/service-points" variant="secondary">
          找服务网点
        </LinkButton>
      </div>
      <p className="mt-6 text-slate-700">需要帮助可拨打法律服务热线 12348。</p>
    </div>
  );
}
