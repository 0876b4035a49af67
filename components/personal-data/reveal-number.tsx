"use client";

import { useEffect, useId, useState, useTransition } from "react";
import type { Result } from "@/lib/api/use-case";
import type { RevealInput } from "@/lib/personal-data/reveal";
import { Button } from "@/components/ui/button";

/** How long a revealed number stays on screen before it is masked again. */
const SHOW_SECONDS = 60;

export type RevealAction = (previous: null, input: RevealInput) => Promise<Result<{ value: string; masked: string }>>;

/**
 * A masked ID number with "显示完整号码": the click calls the audited reveal (lib/personal-data/reveal.ts),
 * shows the number for 60 seconds and masks it again. The number is announced politely to screen readers.
 */
export function RevealNumber({ masked, input, action, label = "身份证", who }: {
  masked: string;
  input: RevealInput;
  action: RevealAction;
  /** shown before the masked number; "" for none (a table column already says what it is) */
  label?: string;
  /** whose number, for the button's accessible name where several are on one page */
  who?: string;
}) {
  const [full, setFull] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const liveId = useId();

  useEffect(() => {
    if (!full) return;
    const timer = setTimeout(() => setFull(null), SHOW_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [full]);

  const reveal = () =>
    startTransition(async () => {
      setError(null);
      const result = await action(null, input);
      if (result.ok) setFull(result.data.value);
      else setError(result.message);
    });

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span>
        {label ? `${label} ` : null}<span className="font-mono">{masked}</span>
      </span>
      {full ? (
        <Button variant="ghost" onClick={() => setFull(null)} aria-controls={liveId} aria-label={who ? `隐藏完整号码（${who}）` : undefined}>隐藏完整号码</Button>
      ) : (
        <Button variant="ghost" onClick={reveal} disabled={pending} aria-busy={pending || undefined} aria-controls={liveId} aria-label={who ? (pending ? `正在读取…（${who}）` : `显示完整号码（${who}）`) : undefined}>
          {pending ? "正在读取…" : "显示完整号码"}
        </Button>
      )}
      <span id={liveId} role="status" aria-live="polite" className={full || error ? "" : "sr-only"}>
        {full ? (
          <>
            完整号码：<span className="font-mono font-semibold">{full}</span>
            <span className="text-slate-600">（{SHOW_SECONDS} 秒后自动隐藏，本次查看已记录）</span>
          </>
        ) : error ? (
          <span className="text-danger">{error}</span>
        ) : null}
      </span>
    </span>
  );
}
