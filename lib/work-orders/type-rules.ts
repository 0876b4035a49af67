import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { DeadlineUnit, OrganizationTier, WorkOrderType } from "@/lib/generated/prisma/enums";
import { checkbox } from "@/lib/validation";
import { ruleViolation } from "@/lib/errors";
import { requireCityWideAdmin } from "@/lib/auth/scope";

// Routing and time limits per type are data (限时办结 defaults differ between bureaus).

export const listTypeRules = defineUseCase({
  name: "workOrder.rules.list",
  permission: "workOrder.rules",
  write: false,
  input: z.object({}),
  run: ({ db }) => db.workOrderTypeRule.findMany({ orderBy: { type: "asc" } }),
});

export const UpdateTypeRuleInput = z.object({
  type: z.enum(WorkOrderType, { error: "事项类型无效" }),
  handlingTier: z.enum(OrganizationTier, { error: "请选择办理层级" }),
  needsDecider: checkbox,
  limitValue: z.coerce.number({ error: "时限必须是数字" }).int("时限必须是整数").min(1, "时限至少为 1").max(365, "时限不能超过 365"),
  limitUnit: z.enum(DeadlineUnit, { error: "请选择时限单位" }),
  dueSoonHours: z.coerce.number({ error: "提醒时间必须是数字" }).int("提醒时间必须是整数").min(0, "提醒时间不能为负").max(720, "提醒时间不能超过 720 小时"),
});

export const updateTypeRule = defineUseCase({
  name: "workOrder.rules.update",
  permission: "workOrder.rules",
  write: true,
  input: UpdateTypeRuleInput,
  target: (i) => ({ type: "WorkOrderTypeRule", id: i.type }),
  async run({ db, input, actor }) {
    requireCityWideAdmin(actor);
    if (input.needsDecider && input.handlingTier !== "CENTRE") {
      throw ruleViolation("只有中心可以作出法律援助决定，需要决定机构时办理层级必须是中心", "handlingTier");
    }
    const { type, ...data } = input;
    return db.workOrderTypeRule.update({ where: { type }, data });
  },
});
