import { Field, TextField } from "@/components/forms/field";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { GROUP_LABELS, INDICATORS, type IndicatorGroup } from "@/lib/stats/registry";
import { PERIOD_KINDS, PERIOD_LABELS, type DashboardPeriod } from "@/lib/stats/period-preset";
import { TIER_LABELS } from "@/lib/network/rules";
import { CHANNEL_LABELS, TYPE_LABELS } from "@/lib/work-orders/labels";

// The dashboard's filters as a plain GET form: it works without JavaScript, and the resulting URL
// is the view — shareable, and what the export and print links reproduce.

export type StatsFilterValues = {
  code?: string;
  /** what the reader typed, shown again as typed (even when wrong) */
  from?: string;
  to?: string;
  indicator: string;
  tier?: string;
  channel?: string;
  type?: string;
  /** the service point being viewed (kept while other filters change) */
  org?: number;
};

export function StatsFilter({ period, values, action = "/leader/stats" }: { period: DashboardPeriod; values: StatsFilterValues; action?: string }) {
  const groups = Object.entries(GROUP_LABELS) as [IndicatorGroup, string][];
  return (
    <form method="get" action={action} aria-label="筛选" className="no-print grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
      {values.code ? <input type="hidden" name="code" value={values.code} /> : null}
      {values.org ? <input type="hidden" name="org" value={values.org} /> : null}
      <Field name="period" label="时间范围" id="filter-period">
        {(control) => (
          <Select {...control} defaultValue={period.kind}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>{PERIOD_LABELS[k]}</option>
            ))}
          </Select>
        )}
      </Field>
      <TextField
        name="from"
        id="filter-from"
        type="date"
        label="起始日期"
        hint="时间范围选“自定义”时生效"
        defaultValue={values.from}
        errors={period.errors.from ? [period.errors.from] : undefined}
      />
      <TextField
        name="to"
        id="filter-to"
        type="date"
        label="截止日期"
        hint="时间范围选“自定义”时生效"
        defaultValue={values.to}
        errors={period.errors.to ? [period.errors.to] : undefined}
      />
      <Field name="indicator" label="趋势与排名指标" id="filter-indicator">
        {(control) => (
          <Select {...control} defaultValue={values.indicator}>
            {groups.map(([g, label]) => (
              <optgroup key={g} label={label}>
                {INDICATORS.filter((i) => i.group === g).map((i) => (
                  <option key={i.id} value={i.id}>{i.name}</option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
      <Field name="tier" label="网点层级" id="filter-tier">
        {(control) => (
          <Select {...control} defaultValue={values.tier ?? ""}>
            <option value="">全部层级</option>
            {Object.entries(TIER_LABELS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </Select>
        )}
      </Field>
      <Field name="channel" label="来源渠道" id="filter-channel">
        {(control) => (
          <Select {...control} defaultValue={values.channel ?? ""}>
            <option value="">全部渠道</option>
            {Object.entries(CHANNEL_LABELS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </Select>
        )}
      </Field>
      <Field name="type" label="业务类别" id="filter-type">
        {(control) => (
          <Select {...control} defaultValue={values.type ?? ""}>
            <option value="">全部类别</option>
            {Object.entries(TYPE_LABELS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </Select>
        )}
      </Field>
      <div className="flex items-end sm:col-span-2 lg:col-span-3">
        <Button type="submit">查询</Button>
      </div>
    </form>
  );
}
