"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Select } from "@/components/ui/select";
import { ErrorList } from "@/components/forms/field";

export type RegionOption = { code: string; name: string };
export type RegionSelection = { county: string; township: string; village: string };

export type RegionPickerProps = {
  counties: RegionOption[];
  /** the townships of the selected county (read on the server from the page's ?county=) */
  townships: RegionOption[];
  /** the villages of the selected township (?township=) */
  villages: RegionOption[];
  value: RegionSelection;
  /** errors of the submitted field `regionCode` */
  errors?: string[];
  /** id prefix, unique on the page */
  id?: string;
  legend?: string;
  hint?: string;
  /** the submitted field's name (default regionCode) */
  name?: string;
};

const LEVELS = [
  { key: "county", label: "县（市、区）", empty: "请选择县（市、区）" },
  { key: "township", label: "乡镇（街道）", empty: "请选择乡镇（街道）" },
  { key: "village", label: "村（社区）", empty: "请选择村（社区）" },
] as const;

/**
 * 事项所在地区: county → township → village. Each choice goes into the page's query string, so the
 * server reads the next level's list (no list fetching in the browser); the rest of the form keeps
 * what was typed because only this island's props change. The form submits the deepest chosen code
 * as `regionCode`.
 */
export function RegionPicker({
  counties, townships, villages, value, errors, id = "region", legend = "事项所在地区", hint = "请尽量选到村（社区），便于就近办理。", name = "regionCode",
}: RegionPickerProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [changing, setChanging] = useState(0);
  const [selection, setSelection] = useState(value);
  const [shown, setShown] = useState(value);
  // Follow the URL when it changes from outside (back button, a link).
  if (shown.county !== value.county || shown.township !== value.township || shown.village !== value.village) {
    setShown(value);
    setSelection(value);
  }

  const options = { county: counties, township: townships, village: villages };
  const regionCode = selection.village || selection.township || selection.county;
  const invalid = !!errors?.length;
  // The control that needs attention carries the error: the first level not chosen yet.
  const deepest = selection.village ? "village" : selection.township ? "township" : "county";
  const firstEmpty = LEVELS.find((l) => !selection[l.key] && (l.key === "county" || options[l.key].length > 0))?.key ?? deepest;

  function choose(level: keyof RegionSelection, code: string) {
    const next: RegionSelection =
      level === "county" ? { county: code, township: "", village: "" } : level === "township" ? { ...selection, township: code, village: "" } : { ...selection, village: code };
    setSelection(next);
    setChanging(LEVELS.findIndex((l) => l.key === level));
    const params = new URLSearchParams(window.location.search);
    for (const key of ["county", "township", "village"] as const) {
      if (next[key]) params.set(key, next[key]);
      else params.delete(key);
    }
    // An explicit "no county" must not fall back to a page's default county.
    if (!next.county) params.set("county", "");
    startTransition(() => router.replace(`${pathname}?${params}`, { scroll: false }));
  }

  return (
    <fieldset className="space-y-3">
      <legend className="font-medium text-slate-900">
        {legend}
        <span className="ml-1 text-danger" aria-hidden="true">*</span>
      </legend>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      <input type="hidden" name={name} value={regionCode} />
      <div className="grid gap-3 sm:grid-cols-3">
        {LEVELS.map((level, index) => {
          const parentChosen = index === 0 || !!selection[LEVELS[index - 1].key];
          const list = options[level.key];
          // While the next list loads, the old one must not be offered.
          const stale = pending && index > changing;
          const disabled = !parentChosen || stale || (index > 0 && list.length === 0);
          const describe = [hint ? `${id}-hint` : "", invalid && level.key === firstEmpty ? `${id}-error` : ""].filter(Boolean).join(" ");
          return (
            <div key={level.key} className="space-y-1.5">
              <label htmlFor={`${id}-${level.key}`} className="block text-slate-900">
                {level.label}
              </label>
              <Select
                id={`${id}-${level.key}`}
                value={stale ? "" : selection[level.key]}
                onChange={(e) => choose(level.key, e.target.value)}
                disabled={disabled}
                aria-invalid={(invalid && level.key === firstEmpty) || undefined}
                aria-describedby={describe || undefined}
              >
                <option value="">{!parentChosen ? `请先选择${LEVELS[index - 1].label}` : stale ? "正在加载…" : list.length === 0 ? "（无下级地区）" : level.empty}</option>
                {stale
                  ? null
                  : list.map((o) => (
                      <option key={o.code} value={o.code}>
                        {o.name}
                      </option>
                    ))}
              </Select>
            </div>
          );
        })}
      </div>
      <p role="status" className="text-sm text-slate-600">
        {pending ? "正在加载下一级地区…" : ""}
      </p>
      <ErrorList id={`${id}-error`} errors={errors} />
      <noscript>
        <p className="text-sm text-slate-700">选择乡镇和村（社区）需要开启浏览器脚本；也可以拨打 12348 由工作人员代为登记。</p>
      </noscript>
    </fieldset>
  );
}
