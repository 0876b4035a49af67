import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { HOTLINE } from "@/components/site/hotline";
import { normalizeNumber } from "@/lib/tracking/schemas";
import { TrackForm } from "./_components/track-form";

export const metadata: Metadata = { title: "查询办理进度" };

type Search = Promise<{ number?: string | string[]; again?: string }>;

/** 查进度 without an account: the number, the phone on record and a one-time SMS code. */
export default async function TrackPage({ searchParams }: { searchParams: Search }) {
  const query = await searchParams;
  const raw = typeof query.number === "string" ? normalizeNumber(query.number) : "";
  const initialNumber = /^\d{6}-\d{8}-\d{7}$/.test(raw) ? raw : "";
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader
        title="查询办理进度"
        description="不用登录。填写编号和登记时留下的手机号，我们会给这个手机发一条验证码短信，验证后就能看到办到哪一步了。"
      />
      {query.again ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
          为了保护您的信息，查看办理进度前需要先验证手机号；验证后 30 分钟内有效，关闭浏览器后需要重新验证。
        </p>
      ) : null}
      <Card as="section" aria-label="查询办理进度">
        <TrackForm initialNumber={initialNumber} />
      </Card>
      <section aria-labelledby="track-help" className="space-y-2 text-slate-700">
        <h2 id="track-help" className="text-lg font-semibold text-slate-900">查不到怎么办</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>编号在窗口登记回执或短信通知里，一共 21 位数字。</li>
          <li>手机号换了、收不到短信，可以拨打 <a href={`tel:${HOTLINE}`} className="font-semibold">{HOTLINE}</a>，报上编号请工作人员帮您查。</li>
          <li>
            有账号的，可以 <Link href="/login">登录</Link> 后在“我的服务”里查看全部内容。
          </li>
        </ul>
      </section>
    </div>
  );
}
