"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Select } from "@/components/ui/select";
import { importFile } from "../actions";
import { ImportReportTable } from "./import-report";

/**
 * Choose the kind, upload the file, read the result: counts, the columns left out, and — for a
 * rejected file — every rejected row with its reasons. The file stays chosen after a rejection, so
 * the corrected file is one pick away.
 */
export function ImportForm({ kinds }: { kinds: { value: string; label: string }[] }) {
  const { state, formProps } = useActionForm(importFile);
  const result = state?.ok ? state.data : null;
  return (
    <div className="space-y-6">
      <form {...formProps} className="grid gap-4 sm:grid-cols-2">
        <Field name="kind" id="import-kind" label="导入类型" required errors={errorsFor(state, "kind")}>
          {(control) => (
            <Select {...control} defaultValue="">
              <option value="" disabled>
                请选择导入类型
              </option>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          name="file"
          id="import-file"
          label="文件"
          required
          hint="UTF-8 编码的 CSV 或 Excel（.xlsx）文件，最多 10 MB、20000 行；表头按模板填写。"
          errors={errorsFor(state, "file")}
        >
          {(control) => <input {...control} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="block min-h-11 w-full text-base" />}
        </Field>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <SubmitButton pendingText="正在校验并导入…">校验并导入</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>

      <section aria-labelledby="import-result-title" className={result ? "space-y-3" : "sr-only"}>
        {/* the summary is announced when the result arrives; the table is there to be read, not spoken */}
        <div role="status" aria-live="polite" aria-atomic="true" className="space-y-3">
          {result ? (
            <>
              <h3 id="import-result-title" className="text-lg font-semibold">
                {result.status === "APPLIED" ? "导入完成" : "文件未导入"}：{result.fileName}
              </h3>
              {result.status === "APPLIED" ? (
                <p className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
                  共 {result.totalRows} 行：新导入 {result.importedRows} 行，已导入过而跳过 {result.skippedRows} 行。
                </p>
              ) : (
                <p className="rounded-md border border-red-300 bg-danger-soft px-4 py-3 text-danger">
                  共 {result.totalRows} 行，其中 {result.rejectedRows} 行不符合要求，整个文件都没有导入。请按下表修改后重新导入。
                </p>
              )}
            </>
          ) : (
            <h3 id="import-result-title">导入结果</h3>
          )}
        </div>
        {result?.ignoredColumns.length ? <p className="text-slate-700">以下列不是模板中的列，已忽略：{result.ignoredColumns.join("、")}</p> : null}
        {result?.report.length ? <ImportReportTable report={result.report} caption={`未通过校验的行（批次 ${result.id}）`} /> : null}
      </section>
    </div>
  );
}
