"use client";

import { useEffect, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { ApplicationForm, type ApplicationFormProps } from "./application-form";
import { discardDraft, saveDraft, submitApplication } from "../actions";

/**
 * The resident's application: the form, prefilled from a saved draft (with a notice and
 * "清除草稿"), able to save a new draft. Clearing the draft remounts the form empty.
 */
export function ResidentApplication({ regions, me, draft, choices }: Pick<ApplicationFormProps, "regions" | "me" | "choices"> & { draft: Record<string, string> | null }) {
  const [restored, setRestored] = useState(draft);
  const [generation, setGeneration] = useState(0);
  const notice = restored ? (
    <DraftNotice
      onDiscarded={() => {
        setRestored(null);
        setGeneration((g) => g + 1);
      }}
    />
  ) : null;
  return (
    <ApplicationForm key={generation} regions={regions} me={me} action={submitApplication} saveDraft={saveDraft} defaults={restored ?? undefined} notice={notice} choices={choices} />
  );
}

function DraftNotice({ onDiscarded }: { onDiscarded: () => void }) {
  const { state, formProps } = useActionForm(discardDraft);
  useEffect(() => {
    if (state?.ok) onDiscarded();
  }, [state, onDiscarded]);
  return (
    <section aria-labelledby="draft-restored" className="mb-6 space-y-3 rounded-lg border border-primary bg-primary-soft p-4">
      <h2 id="draft-restored" className="text-lg font-semibold text-slate-900">已恢复您上次保存的草稿</h2>
      <p className="text-slate-800">请核对后继续填写。上传的文件不保存在草稿里，提交前请重新选择。</p>
      <form {...formProps} className="space-y-2">
        <FormMessage state={state} />
        <SubmitButton variant="secondary" pendingText="正在清除…">清除草稿</SubmitButton>
      </form>
    </section>
  );
}
