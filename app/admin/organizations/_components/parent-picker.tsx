import { TextField } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { TIER_SHORT_LABELS } from "@/lib/network/rules";
import type { OrganizationTier } from "@/lib/generated/prisma/enums";

type Props = {
  /** the page the GET form reloads (new or edit page) */
  action: string;
  /** what was typed (shown back in the box) */
  value: string;
  parent: { id: number; name: string; tier: OrganizationTier } | null;
  parentNotFound: boolean;
  suggestedTier: OrganizationTier | null;
};

/**
 * Step one of the organization form: choose the parent by its number. A plain GET form (works
 * without JavaScript): the page reloads with `?parent=`, and the form below offers the regions
 * under that parent.
 */
export function ParentPicker({ action, value, parent, parentNotFound, suggestedTier }: Props) {
  return (
    <form method="get" action={action} aria-labelledby="parent-picker-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="parent-picker-title" className="text-lg font-semibold text-slate-900">
        第一步：选择上级网点
      </h2>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          name="parent"
          id="parent-picker"
          label="上级网点编号"
          className="sm:flex-1"
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          defaultValue={value}
          hint="编号见「服务网点」列表的「编号」列；新建或调整市级中心时留空。"
          errors={parentNotFound ? [`编号为 ${value} 的网点不存在或不在您的管理范围内`] : undefined}
        />
        <Button type="submit" variant="secondary" className="sm:mb-0">
          选用
        </Button>
      </div>
      <p className="mt-3 text-slate-700" role="status">
        {parent ? (
          <>
            已选用：<strong>{parent.name}</strong>（{TIER_SHORT_LABELS[parent.tier]}）
            {suggestedTier ? `，其下级一般为${TIER_SHORT_LABELS[suggestedTier]}。` : "。工作室下不能再设下级网点。"}
          </>
        ) : parentNotFound ? null : (
          "未选上级网点：只有市级中心没有上级网点。"
        )}
      </p>
    </form>
  );
}
