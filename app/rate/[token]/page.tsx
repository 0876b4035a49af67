import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { getRatingLink } from "@/lib/work-orders/rate";
import { TYPE_LABELS } from "@/lib/work-orders/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/work-orders/format";
import { LinkRatingForm } from "./_components/link-rating-form";

// The token is a one-time credential: keep the page out of search engines and other sites' referrer
// headers. "same-origin", not "no-referrer": under no-referrer a form posted without JavaScript
// carries `Origin: null`, and Next refuses the server action (the 关怀模式 switch, the rating form).
export const metadata: Metadata = { title: "服务评价", robots: { index: false, follow: false }, referrer: "same-origin" };

type Params = Promise<{ token: string }>;

/** 短信评价: a requester without an account rates a closed order through the one-time link. */
export default async function RateByLinkPage({ params }: { params: Params }) {
  const { token } = await params;
  // An unknown, used or expired token is "not found": ./not-found.tsx explains and offers 12348.
  const order = await loadPage(getRatingLink, { token }, `/rate/${token}`);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="服务评价" description="您的事项已办结，请对本次服务进行评价。每个链接只能评价一次。" />
      <Card title="办理情况" as="section">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">工单编号</dt>
          <dd>{order.number}</dd>
          <dt className="text-slate-600">事项</dt>
          <dd>{TYPE_LABELS[order.type]}：{order.subject}</dd>
          <dt className="text-slate-600">办理网点</dt>
          <dd>{order.organization.name}</dd>
          {order.closedAt ? (
            <>
              <dt className="text-slate-600">办结时间</dt>
              <dd><DateTime value={order.closedAt} /></dd>
            </>
          ) : null}
        </dl>
        {order.resultSummary ? (
          <div className="mt-4">
            <h3 className="font-semibold">办理结果</h3>
            <p className="mt-1 whitespace-pre-wrap">{order.resultSummary}</p>
          </div>
        ) : null}
      </Card>
      <Card title="您的评价" as="section">
        <LinkRatingForm token={token} />
      </Card>
    </div>
  );
}
