"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";
import { HOTLINE } from "@/components/site/hotline";
import {
  assessEligibility,
  CRIMINAL_SITUATIONS,
  EXEMPT_GROUPS,
  GREEN_CHANNEL,
  MATTER_KINDS,
  MATTERS,
  NO_TEST_SITUATIONS,
  OUTCOME_LABELS,
  stepsFor,
  URGENCY_CHOICES,
  type EligibilityAnswers,
  type HardshipStandardInfo,
  type StepKey,
} from "@/lib/legal-aid/eligibility";
import { findHardshipStandard, listTownships } from "../actions";

type RegionOption = { code: string; name: string };

const QUESTIONS: Record<StepKey, { title: string; hint?: string }> = {
  matterKind: { title: "您遇到的是哪一类事情？", hint: "选一个最接近的。说不清楚也没关系。" },
  criminalSituation: { title: "下面哪种情况和您（或您家里人）最接近？" },
  matter: { title: "具体是什么事情？", hint: "这些是法律援助法第三十一条列出的事项。" },
  noTest: { title: "有没有下面这些特殊情况？", hint: "有这些情况的，申请法律援助不看家庭收入（第三十二条）。" },
  groups: { title: "您是不是下面这些人？", hint: "可以多选；都不是就直接点「下一步」。" },
  urgency: { title: "事情急不急？", hint: "情况紧急的，可以先提供法律援助，材料以后补（第四十四条）。" },
  region: { title: "您住在哪里？", hint: "用来查您所在地区的经济困难标准，也方便就近办理。" },
  income: { title: "您家里每月收入大概多少？", hint: "只用来和本地标准比一比，不会保存。" },
};

const HEADING_ID = "check-question";
const ERROR_ID = "check-error";
const yuan = (n: number) => `${n.toLocaleString("zh-CN")} 元`;

/** A big tappable choice (radio or checkbox) with its label beside it: the whole row is the target. */
function Choice({
  type,
  name,
  checked,
  onChange,
  label,
  hint,
}: {
  type: "radio" | "checkbox";
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <label
      className={cn(
        "flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border-2 bg-white px-4 py-3",
        checked ? "border-primary bg-primary-soft" : "border-slate-300 hover:border-slate-500",
      )}
    >
      <input
        type={type}
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 size-6 shrink-0 accent-primary"
      />
      <span>
        <span className="block text-lg text-slate-900">{label}</span>
        {hint ? <span className="mt-0.5 block text-base text-slate-700">{hint}</span> : null}
      </span>
    </label>
  );
}

function ChoiceList({ children }: { children: ReactNode }) {
  return <div className="space-y-3">{children}</div>;
}

/**
 * 法律援助自助评估: a state machine over the questions of lib/legal-aid/eligibility.ts, one per
 * screen. Focus moves to each new question's heading (screen readers read it; keyboard users start
 * there). No timers: the resident may take as long as they like. Nothing is sent to the server but
 * the region, to look up the local hardship standard.
 */
export function EligibilityCheck({ counties }: { counties: RegionOption[] }) {
  const [answers, setAnswers] = useState<EligibilityAnswers>({ groups: [], greenChannel: [] });
  const [index, setIndex] = useState(0);
  const [showResult, setShowResult] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [county, setCounty] = useState("");
  const [township, setTownship] = useState("");
  const [townships, setTownships] = useState<RegionOption[]>([]);
  const [standard, setStandard] = useState<HardshipStandardInfo | null | undefined>(undefined);
  const [income, setIncome] = useState({ monthlyIncome: "", size: "" });
  const [pending, startTransition] = useTransition();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const countyRequest = useRef("");

  const steps = stepsFor(answers);
  const step = steps[Math.min(index, steps.length - 1)];

  useEffect(() => {
    // Not on the first render: the page's own heading comes first.
    if (!moved.current) return;
    headingRef.current?.focus();
  }, [index, showResult]);

  const update = (patch: Partial<EligibilityAnswers>) => {
    setAnswers((a) => ({ ...a, ...patch }));
    setError(null);
  };
  const go = (to: number) => {
    moved.current = true;
    setError(null);
    setIndex(to);
  };
  const toggle = <K extends string>(list: K[] | undefined, key: K, on: boolean) =>
    on ? [...new Set([...(list ?? []), key])] : (list ?? []).filter((k) => k !== key);

  function chooseCounty(code: string) {
    setCounty(code);
    setTownship("");
    setTownships([]);
    setStandard(undefined);
    setError(null);
    countyRequest.current = code;
    if (!code) return;
    startTransition(async () => {
      const r = await listTownships(null, { parent: code });
      if (countyRequest.current === code && r.ok) setTownships(r.data.map((t) => ({ code: t.code, name: t.name })));
    });
  }

  function finishOrAdvance(next: EligibilityAnswers) {
    const nextSteps = stepsFor(next);
    if (index + 1 >= nextSteps.length) {
      moved.current = true;
      setError(null);
      setShowResult(true);
    } else go(index + 1);
  }

  function onNext(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = (message: string) => {
      setError(message);
      headingRef.current?.focus();
    };
    switch (step) {
      case "matterKind":
        if (!answers.matterKind) return missing("请选择一项");
        break;
      case "criminalSituation":
        if (!answers.criminalSituation) return missing("请选择一项");
        break;
      case "matter":
        if (!answers.matter) return missing("请选择一项");
        break;
      case "noTest":
        if (!answers.noTestSituation) return missing("请选择一项");
        break;
      case "urgency":
        if (!answers.urgency) return missing("请选择一项");
        break;
      case "region": {
        if (!county) return missing("请选择县（市、区）");
        const regionCode = township || county;
        startTransition(async () => {
          const r = await findHardshipStandard(null, { regionCode });
          if (!r.ok) return missing(r.message);
          setStandard(r.data);
          finishOrAdvance(answers);
        });
        return;
      }
      case "income": {
        const monthlyIncome = Number(income.monthlyIncome.trim());
        const size = Number(income.size.trim());
        if (income.monthlyIncome.trim() === "" || !Number.isFinite(monthlyIncome) || monthlyIncome < 0) {
          return missing("请填写全家每月收入，没有收入填 0");
        }
        if (!Number.isInteger(size) || size < 1 || size > 30) return missing("请填写家里一起生活的人数（1 到 30 人）");
        const next = { ...answers, household: { monthlyIncome: Math.round(monthlyIncome), size } };
        setAnswers(next);
        finishOrAdvance(next);
        return;
      }
    }
    finishOrAdvance(answers);
  }

  function onBack() {
    if (showResult) {
      moved.current = true;
      setShowResult(false);
      setIndex(steps.length - 1);
      return;
    }
    go(Math.max(0, index - 1));
  }

  function restart() {
    setAnswers({ groups: [], greenChannel: [] });
    setCounty("");
    setTownship("");
    setTownships([]);
    setStandard(undefined);
    setIncome({ monthlyIncome: "", size: "" });
    setShowResult(false);
    go(0);
  }

  if (showResult) {
    const result = assessEligibility(answers, standard ?? null);
    const tone =
      result.outcome === "LIKELY"
        ? "border-green-700 bg-green-50"
        : result.outcome === "UNLIKELY"
          ? "border-amber-700 bg-amber-50"
          : "border-slate-500 bg-slate-50";
    return (
      <section aria-labelledby={HEADING_ID} className="space-y-6" data-outcome={result.outcome}>
        <div className={cn("rounded-lg border-l-8 p-4", tone)}>
          <p className="text-base text-slate-700">评估结果（仅供参考，以法律援助机构的审查决定为准）</p>
          <h2 id={HEADING_ID} ref={headingRef} tabIndex={-1} className="mt-1 text-2xl font-bold text-slate-900 focus:outline-none">
            {OUTCOME_LABELS[result.outcome]}
          </h2>
          {result.greenChannel ? (
            <p className="mt-2 inline-block rounded-md bg-green-800 px-3 py-1 text-white">绿色通道：优先办理</p>
          ) : null}
        </div>

        {result.urgentHint ? (
          <p role="note" className="rounded-lg border-2 border-red-700 bg-danger-soft p-4 text-lg text-danger">
            {result.urgentHint}
          </p>
        ) : null}

        <div>
          <h3 className="text-xl font-semibold text-slate-900">为什么</h3>
          <ul className="mt-2 list-disc space-y-2 pl-6 text-lg" aria-label="评估理由">
            {result.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>

        <div>
          <h3 className="text-xl font-semibold text-slate-900">申请时请带上</h3>
          <ol className="mt-2 list-decimal space-y-2 pl-6 text-lg" aria-label="需要带的材料">
            {result.materials.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
          <p className="mt-2 text-base text-slate-700">材料一时不齐也可以先来申请，工作人员会一次性告诉您还缺什么（第四十三条）。</p>
        </div>

        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-lg font-semibold text-slate-900">本次参考的经济困难标准</h3>
          {standard ? (
            <p className="mt-1" data-testid="standard-used">
              {standard.regionName}：每人每月 {yuan(standard.amount)}，{standard.effectiveFrom.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, "$1年$2月$3日")}起执行。
              <span className="block text-base text-slate-700">依据：{standard.basis}</span>
            </p>
          ) : (
            <p className="mt-1" data-testid="standard-used">没有查到您所在地区的标准，由法律援助机构审查时确定。</p>
          )}
        </div>

        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          <LinkButton href="/legal-aid/apply" prefetch={false} size="lg" data-testid="apply-now">
            现在申请
          </LinkButton>
          <LinkButton href="/service-points" variant="secondary" size="lg">
            找身边的服务网点
          </LinkButton>
          <a href={`tel:${HOTLINE}`} className="inline-flex min-h-12 items-center justify-center px-2 text-lg">
            拨打 {HOTLINE} 法律服务热线
          </a>
        </div>
        <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-4">
          <Button variant="secondary" onClick={onBack}>
            上一步
          </Button>
          <Button variant="ghost" onClick={restart}>
            重新评估
          </Button>
        </div>
      </section>
    );
  }

  const q = QUESTIONS[step];
  const percent = Math.round(((index + 1) / steps.length) * 100);
  const hintId = q.hint ? "check-hint" : undefined;
  const describedBy = [hintId, error ? ERROR_ID : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form onSubmit={onNext} noValidate className="space-y-5">
      <div>
        <p className="text-base text-slate-700">
          第 {index + 1} 步，共 {steps.length} 步
        </p>
        <div aria-hidden="true" className="mt-1 h-2 w-full rounded-full bg-slate-200">
          <div className="h-2 rounded-full bg-primary" style={{ width: `${percent}%` }} />
        </div>
      </div>

      <fieldset aria-labelledby={HEADING_ID} aria-describedby={describedBy} className="space-y-4">
        <h2 id={HEADING_ID} ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900 focus:outline-none">
          {q.title}
        </h2>
        {q.hint ? (
          <p id={hintId} className="text-base text-slate-700">
            {q.hint}
          </p>
        ) : null}
        {error ? (
          <p id={ERROR_ID} role="alert" className="flex gap-1 text-lg text-danger">
            <span aria-hidden="true">⚠</span>
            <span>{error}</span>
          </p>
        ) : null}

        {step === "matterKind" ? (
          <ChoiceList>
            {MATTER_KINDS.map((k) => (
              <Choice
                key={k.key}
                type="radio"
                name="matterKind"
                checked={answers.matterKind === k.key}
                onChange={() => update({ matterKind: k.key })}
                label={k.label}
                hint={k.hint}
              />
            ))}
          </ChoiceList>
        ) : null}

        {step === "criminalSituation" ? (
          <ChoiceList>
            {CRIMINAL_SITUATIONS.map((s) => (
              <Choice
                key={s.key}
                type="radio"
                name="criminalSituation"
                checked={answers.criminalSituation === s.key}
                onChange={() => update({ criminalSituation: s.key })}
                label={s.label}
              />
            ))}
          </ChoiceList>
        ) : null}

        {step === "matter" ? (
          <ChoiceList>
            {MATTERS.map((m) => (
              <Choice key={m.key} type="radio" name="matter" checked={answers.matter === m.key} onChange={() => update({ matter: m.key })} label={m.label} />
            ))}
          </ChoiceList>
        ) : null}

        {step === "noTest" ? (
          <ChoiceList>
            {NO_TEST_SITUATIONS.map((s) => (
              <Choice
                key={s.key}
                type="radio"
                name="noTest"
                checked={answers.noTestSituation === s.key}
                onChange={() => update({ noTestSituation: s.key })}
                label={s.label}
              />
            ))}
            <Choice type="radio" name="noTest" checked={answers.noTestSituation === "NONE"} onChange={() => update({ noTestSituation: "NONE" })} label="都没有" />
          </ChoiceList>
        ) : null}

        {step === "groups" ? (
          <div className="space-y-6">
            <fieldset className="space-y-3">
              <legend className="mb-3 text-lg font-semibold text-slate-900">带证明就不用查家庭收入的人（第四十二条）</legend>
              {EXEMPT_GROUPS.map((g) => (
                <Choice
                  key={g.key}
                  type="checkbox"
                  name="groups"
                  checked={!!answers.groups?.includes(g.key)}
                  onChange={(on) => update({ groups: toggle(answers.groups, g.key, on) })}
                  label={g.label}
                />
              ))}
            </fieldset>
            <fieldset className="space-y-3">
              <legend className="mb-3 text-lg font-semibold text-slate-900">优先办理的人（绿色通道）</legend>
              {GREEN_CHANNEL.map((g) => (
                <Choice
                  key={g.key}
                  type="checkbox"
                  name="greenChannel"
                  checked={!!answers.greenChannel?.includes(g.key)}
                  onChange={(on) => update({ greenChannel: toggle(answers.greenChannel, g.key, on) })}
                  label={g.label}
                />
              ))}
            </fieldset>
          </div>
        ) : null}

        {step === "urgency" ? (
          <ChoiceList>
            {URGENCY_CHOICES.map((u) => (
              <Choice key={u.key} type="radio" name="urgency" checked={answers.urgency === u.key} onChange={() => update({ urgency: u.key })} label={u.label} />
            ))}
          </ChoiceList>
        ) : null}

        {step === "region" ? (
          <div className="space-y-4">
            <div className="space-y-1.5">
              <label htmlFor="check-county" className="block text-lg font-medium text-slate-900">
                县（市、区）
              </label>
              <Select
                id="check-county"
                value={county}
                onChange={(e) => chooseCounty(e.target.value)}
                aria-invalid={(!!error && !county) || undefined}
                aria-describedby={error && !county ? ERROR_ID : undefined}
              >
                <option value="">请选择县（市、区）</option>
                {counties.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="check-township" className="block text-lg font-medium text-slate-900">
                乡镇（街道）<span className="font-normal text-slate-700">（选填）</span>
              </label>
              <Select id="check-township" value={township} onChange={(e) => setTownship(e.target.value)} disabled={!county || townships.length === 0}>
                <option value="">{!county ? "请先选择县（市、区）" : townships.length === 0 ? "正在加载…" : "不清楚可以不选"}</option>
                {townships.map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.name}
                  </option>
                ))}
              </Select>
            </div>
          </div>
        ) : null}

        {step === "income" ? (
          <div className="space-y-4">
            <div className="space-y-1.5">
              <label htmlFor="check-income" className="block text-lg font-medium text-slate-900">
                全家每月收入合计（元）
              </label>
              <p id="check-income-hint" className="text-base text-slate-700">
                包括工资、养老金、务农和打零工的收入，大概数就行；没有收入填 0。
              </p>
              <Input
                id="check-income"
                inputMode="numeric"
                autoComplete="off"
                value={income.monthlyIncome}
                onChange={(e) => setIncome((v) => ({ ...v, monthlyIncome: e.target.value }))}
                aria-describedby="check-income-hint"
              />
            </div>
            <div className="space-y-1.5">
              <label htmlFor="check-size" className="block text-lg font-medium text-slate-900">
                家里一起生活的人数（人）
              </label>
              <Input
                id="check-size"
                inputMode="numeric"
                autoComplete="off"
                value={income.size}
                onChange={(e) => setIncome((v) => ({ ...v, size: e.target.value }))}
              />
            </div>
          </div>
        ) : null}
      </fieldset>

      <div className="flex flex-wrap gap-3 pt-2">
        {index > 0 ? (
          <Button variant="secondary" size="lg" onClick={onBack}>
            上一步
          </Button>
        ) : null}
        <Button type="submit" size="lg" disabled={pending} aria-busy={pending || undefined}>
          {pending && step === "region" ? "正在查询…" : "下一步"}
        </Button>
      </div>
      <p role="status" className="sr-only">
        {pending ? "正在加载…" : ""}
      </p>
    </form>
  );
}
