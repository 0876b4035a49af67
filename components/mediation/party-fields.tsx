"use client";

import { useEffect, useRef, useState } from "react";
import type { MediationPartyRole } from "@/lib/generated/prisma/enums";
import { PARTY_ROLE_LABELS } from "@/lib/mediation/labels";
import { ErrorList, Field, TextField } from "@/components/forms/field";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";

export type PartyFieldsProps = {
  /** the field errors of the form's last result (errorsFor bound to its state) */
  errors: (name: string) => string[] | undefined;
  /** rows shown at first; rows left empty are not submitted */
  initialRows: number;
  /** at most this many rows (the schema allows 200 parties) */
  maxRows?: number;
  /** the role a row starts with, by its index */
  defaultRole: (index: number) => MediationPartyRole;
  /** the heading of each row, e.g. "当事人 2" or "对方当事人 1" */
  rowTitle: (index: number) => string;
  /** residents rarely know the other side's ID number: staff only */
  withIdNumber?: boolean;
  /** unique on the page */
  idPrefix: string;
  addLabel?: string;
};

/**
 * 当事人: one fieldset per party, named parties.<row>.<field> so every server message lands next to
 * its field. A fixed set of rows works without JavaScript; "添加" adds rows (the bike-shed fire had
 * 25 parties) and moves focus to the new row's name. Rows only grow, so a row the server reported
 * an error for is still there after a failed submit.
 */
export function PartyFields({ errors, initialRows, maxRows = 200, defaultRole, rowTitle, withIdNumber = false, idPrefix, addLabel = "添加一方" }: PartyFieldsProps) {
  const [rows, setRows] = useState(initialRows);
  const focusRow = useRef<number | null>(null);
  const [announce, setAnnounce] = useState("");

  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`${idPrefix}-${focusRow.current}-name`)?.focus();
    focusRow.current = null;
  }, [rows, idPrefix]);

  function add(count: number) {
    const next = Math.min(rows + count, maxRows);
    focusRow.current = rows;
    setRows(next);
    setAnnounce(`已添加，现在共 ${next} 行当事人`);
  }

  return (
    <div className="space-y-4">
      <ErrorList id={`${idPrefix}-error`} errors={errors("parties")} />
      {Array.from({ length: rows }, (_, i) => {
        const f = (field: string) => `parties.${i}.${field}`;
        return (
          <fieldset key={i} className="space-y-3 rounded-md border border-slate-300 p-3 sm:p-4">
            <legend className="px-1 font-semibold text-slate-900">{rowTitle(i)}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field name={f("role")} id={`${idPrefix}-${i}-role`} label="身份" errors={errors(f("role"))}>
                {(c) => (
                  <Select {...c} defaultValue={defaultRole(i)}>
                    {(Object.keys(PARTY_ROLE_LABELS) as MediationPartyRole[]).map((r) => (
                      <option key={r} value={r}>{PARTY_ROLE_LABELS[r]}</option>
                    ))}
                  </Select>
                )}
              </Field>
              <TextField name={f("name")} id={`${idPrefix}-${i}-name`} label="姓名或单位名称" maxLength={80} autoComplete="off" errors={errors(f("name"))} />
              <TextField name={f("phone")} id={`${idPrefix}-${i}-phone`} label="手机号" optional inputMode="tel" maxLength={13} autoComplete="off" hint="用于短信通知调解安排" errors={errors(f("phone"))} />
              {withIdNumber ? (
                <TextField name={f("idNumber")} id={`${idPrefix}-${i}-idNumber`} label="身份证号码" optional maxLength={18} autoComplete="off" errors={errors(f("idNumber"))} />
              ) : null}
              <TextField name={f("address")} id={`${idPrefix}-${i}-address`} label="住址或单位地址" optional maxLength={160} autoComplete="off" errors={errors(f("address"))} className="sm:col-span-2" />
              <TextField name={f("agentName")} id={`${idPrefix}-${i}-agentName`} label="代理人姓名" optional maxLength={40} autoComplete="off" errors={errors(f("agentName"))} />
              <TextField name={f("agentPhone")} id={`${idPrefix}-${i}-agentPhone`} label="代理人电话" optional inputMode="tel" maxLength={13} autoComplete="off" errors={errors(f("agentPhone"))} />
            </div>
          </fieldset>
        );
      })}
      <p className="text-sm text-slate-600">完全空白的行不会提交。</p>
      {rows < maxRows ? (
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" onClick={() => add(1)}>{addLabel}</Button>
          {maxRows - rows >= 5 ? <Button variant="ghost" onClick={() => add(5)}>一次添加 5 行</Button> : null}
        </div>
      ) : (
        <p className="text-slate-700">已达到 {maxRows} 方的上限，人数更多的请推选代表。</p>
      )}
      <p role="status" aria-live="polite" className="sr-only">{announce}</p>
    </div>
  );
}
