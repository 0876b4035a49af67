import Link from "next/link";
import type { GuideEntry } from "@/lib/guide/catalogue";

/**
 * One service in a list of cards (home page, 办事指南 index). Every card's link reads "查看指南"; its
 * accessible name adds the service (starting with the visible words, WCAG 2.5.3), so a screen-reader
 * list of links still says where each one goes.
 */
export function GuideCard({ entry, headingLevel = "h3" }: { entry: GuideEntry; headingLevel?: "h2" | "h3" }) {
  const Heading = headingLevel;
  return (
    <div className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <Heading className="text-lg font-semibold text-slate-900">{entry.name}</Heading>
      <p className="mt-2 flex-1 text-slate-700">{entry.summary}</p>
      <p className="mt-3">
        <Link href={`/guide/${entry.slug}`} aria-label={`查看指南：${entry.name}`} className="inline-flex min-h-11 items-center font-medium">
          查看指南
        </Link>
      </p>
    </div>
  );
}
