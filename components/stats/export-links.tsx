import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export type StatsView = {
  /** 12-digit region code; empty for the reader's own region */
  code?: string;
  /** the view's resolved period (YYYY-MM-DD); empty for the default */
  from?: string;
  to?: string;
  /** the screen's filters and service point, so the file has the screen's numbers */
  tier?: string;
  channel?: string;
  type?: string;
  org?: number;
};

const filterEntries = (view: StatsView): [string, string | undefined][] => [
  ["tier", view.tier], ["channel", view.channel], ["type", view.type], ["org", view.org ? String(view.org) : undefined],
];

function query(entries: [string, string | undefined][]): string {
  const q = new URLSearchParams();
  for (const [k, v] of entries) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The export API's URL for a view (the API names the region `region`; pages name it `code`). */
export const exportHref = (view: StatsView, format: "xlsx" | "csv") =>
  `/api/v1/stats/export${query([["format", format], ["region", view.code], ...filterEntries(view), ["from", view.from], ["to", view.to]])}`;

export const printHref = (view: StatsView) => `/leader/stats/print${query([["code", view.code], ...filterEntries(view), ["from", view.from], ["to", view.to]])}`;

/**
 * "导出 Excel" / "导出 CSV" / "打印月报" for the view on screen, so the file has the figures the leader
 * is looking at. The downloads are plain links (no script): the API answers with an attachment, and an error
 * (signed out, another region) shows as a page rather than being saved as a file.
 * Hidden on paper.
 */
export function ExportLinks({ view, className, showPrint = true }: { view: StatsView; className?: string; showPrint?: boolean }) {
  const secondary = buttonClassName({ variant: "secondary" });
  return (
    <ul className={cn("no-print flex flex-wrap gap-2", className)} aria-label="导出与打印">
      <li>
        <a href={exportHref(view, "xlsx")} className={secondary}>
          导出 Excel
        </a>
      </li>
      <li>
        <a href={exportHref(view, "csv")} className={secondary}>
          导出 CSV
        </a>
      </li>
      {showPrint ? (
        <li>
          <Link href={printHref(view)} className={secondary}>
            打印月报
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
