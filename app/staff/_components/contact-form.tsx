"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { errorsFor, TextField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { saveOrganizationContact } from "../actions";

type Org = {
  id: number;
  address: string;
  phone: string;
  openingHours: string;
  legalAdviserName: string | null;
  legalAdviserPhone: string | null;
  tier: string;
};

export function ContactForm({ organization: o }: { organization: Org }) {
  const { state, formProps } = useActionForm(saveOrganizationContact);
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="id" value={o.id} />
      <TextField name="address" label="地址" required defaultValue={o.address} errors={errorsFor(state, "address")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="phone" label="联系电话" required defaultValue={o.phone} errors={errorsFor(state, "phone")} inputMode="tel" />
        <TextField name="openingHours" label="办公时间" required defaultValue={o.openingHours} errors={errorsFor(state, "openingHours")} />
      </div>
      {o.tier === "ROOM" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="legalAdviserName" label="法律顾问姓名" optional defaultValue={o.legalAdviserName ?? ""} errors={errorsFor(state, "legalAdviserName")} />
          <TextField name="legalAdviserPhone" label="法律顾问电话" optional defaultValue={o.legalAdviserPhone ?? ""} errors={errorsFor(state, "legalAdviserPhone")} inputMode="tel" />
        </div>
      ) : (
        <>
          <input type="hidden" name="legalAdviserName" value={o.legalAdviserName ?? ""} />
          <input type="hidden" name="legalAdviserPhone" value={o.legalAdviserPhone ?? ""} />
        </>
      )}
      <FormMessage state={state} success="已保存" />
      <SubmitButton>保存</SubmitButton>
    </form>
  );
}
