import { MEDIATION_CATEGORY_LABELS } from "@/lib/mediation/labels";
import { Field } from "@/components/forms/field";
import { Select } from "@/components/ui/select";

/** 纠纷类别: the official statistics list (DOMAIN.md §6), the same on the resident's and the staff's form. */
export function MediationCategoryField({ errors }: { errors?: string[] }) {
  return (
    <Field name="category" label="纠纷类别" required errors={errors}>
      {(c) => (
        <Select {...c} defaultValue="">
          <option value="">请选择</option>
          {Object.entries(MEDIATION_CATEGORY_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </Select>
      )}
    </Field>
  );
}
