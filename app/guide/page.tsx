import type { Metadata } from "next";
import { GUIDE } from "@/lib/guide/catalogue";
import { PageHeader } from "@/components/ui/page-header";
import { HOTLINE } from "@/components/site/hotline";
import { GuideCard } from "@/components/guide/guide-card";

export const metadata: Metadata = { title: "办事指南" };

/** 办事指南: every public legal service, one card each, linking to its guide. */
export default function GuideIndexPage() {
  return (
    <div>
      <PageHeader
        title="办事指南"
        description={
          <>
            谁可以办、要带什么、去哪里办、多长时间、收不收费，一看就懂。看不明白的，请拨打法律服务热线{" "}
            <a href={`tel:${HOTLINE}`} className="font-bold">
              {HOTLINE}
            </a>
            。
          </>
        }
      />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="服务事项">
        {GUIDE.map((entry) => (
          <li key={entry.key}>
            <GuideCard entry={entry} headingLevel="h2" />
          </li>
        ))}
      </ul>
    </div>
  );
}
