import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/button";
import { HOTLINE } from "@/components/site/hotline";

export const metadata: Metadata = { title: "评价链接已失效", robots: { index: false, follow: false } };

/** An unknown, already used or expired rating link. */
export default function RatingLinkNotFound() {
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="评价链接已失效"
        description="这个评价链接已经用过、已过期（有效期 30 天）或不完整。每个链接只能评价一次。"
      />
      <div className="space-y-4 text-lg">
        <p>
          如需评价或对办理结果有意见，请拨打法律服务热线{" "}
          <a href={`tel:${HOTLINE}`} className="font-bold">{HOTLINE}</a>
          ，告诉工作人员您的工单编号。
        </p>
        <LinkButton href="/" variant="secondary">返回网站首页</LinkButton>
      </div>
    </div>
  );
}
