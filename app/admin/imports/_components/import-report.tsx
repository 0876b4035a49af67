import type { RowReport } from "@/lib/imports/validate";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

/** How many rejected rows a page lists; the batch keeps the whole report (GET through the API or the batch link). */
export const REPORT_ROWS_SHOWN = 500;

/** The rejected rows of a file: row number, then each problem as "column: reason". No cell content. */
export function ImportReportTable({ report, caption }: { report: RowReport[]; caption: string }) {
  const shown = report.slice(0, REPORT_ROWS_SHOWN);
  return (
    <div className="space-y-2">
      <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[32rem] text-left">
          <caption className="px-3 py-2 text-left font-medium">{caption}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="w-24 px-3 py-2">行号</th>
              <th scope="col" className="px-3 py-2">问题（列：原因）</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.row} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 font-medium tabular-nums">第 {r.row} 行</th>
                <td className="px-3 py-2">
                  <ul className="space-y-0.5">
                    {r.errors.map((e, i) => (
                      <li key={i}>
                        <span className="font-medium">{e.column}</span>：{e.message}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.length > shown.length ? (
        <p className="text-slate-600">共 {report.length} 行有问题，上表列出前 {shown.length} 行；请先修改这些行，再重新导入。</p>
      ) : null}
    </div>
  );
}
