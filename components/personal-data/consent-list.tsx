import type { ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import type { ConsentView } from "@/lib/personal-data/consent";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/work-orders/format";
import { WithdrawConsentForm } from "@/components/personal-data/withdraw-consent-form";

type WithdrawAction = (previous: ActionState<{ id: number; withdrawnAt: string }>, input: FormData) => Promise<Result<{ id: number; withdrawnAt: string }>>;

const PURPOSE_LABELS = { PERSONAL_INFO: "个人信息处理", SENSITIVE_INFO: "敏感个人信息处理（单独同意）" } as const;

/**
 * 个人信息授权: the consents on record for a case — who gave which, when, the notice they agreed
 * to, and whether it was withdrawn. A resident sees their own and may withdraw a sensitive-data
 * consent (with what that means said before they do).
 */
export function ConsentList({ consents, withdraw }: { consents: ConsentView[]; withdraw?: WithdrawAction }) {
  if (!consents.length) return null;
  return (
    <Card title="个人信息授权" as="section">
      <ul className="space-y-4">
        {consents.map((c) => (
          <li key={c.id} className="space-y-1 border-b border-slate-200 pb-4 last:border-b-0 last:pb-0">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{PURPOSE_LABELS[c.purpose]}</span>
              {c.withdrawnAt ? <Badge tone="warning">已撤回</Badge> : <Badge tone="success">有效</Badge>}
            </p>
            <p className="text-slate-700">
              {c.subjectName} 于 <DateTime value={c.givenAt} /> 同意
              {c.categories.length ? `，涉及：${c.categories.join("、")}` : ""}
              {c.withdrawnAt ? <>；<DateTime value={c.withdrawnAt} /> 撤回</> : null}
            </p>
            {c.noticeText ? <p className="text-slate-600">告知内容（{c.noticeVersion}）：{c.noticeText}</p> : null}
            {c.withdrawable && withdraw ? <WithdrawConsentForm id={c.id} action={withdraw} /> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
