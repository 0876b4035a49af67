import { defineUseCase } from "@/lib/api/use-case";
import { regionScope } from "@/lib/auth/scope";
import { AppError, notFound, ruleViolation } from "@/lib/errors";
import { regionPath, REGION_LEVEL_LABELS } from "@/lib/network/rules";
import { CreateRegionInput, SetPopulationInput, UpdateRegionInput } from "@/lib/network/schemas";
import { checkOrganizationsAfterRegionMove, checkRegionParent, rewriteSubtreePaths } from "@/lib/network/placement";

// Statistical codes nest: a county shares the city's first 4 digits, a township the county's 6,
// a village the township's 9; the rest of the code is zeros at each level.
const SIGNIFICANT = { CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12 } as const;

export const createRegion = defineUseCase({
  name: "region.create",
  permission: "region.manage",
  write: true,
  input: CreateRegionInput,
  async run({ db, actor, input }) {
    const parent = await checkRegionParent(db, input);
    if (parent && !(await db.region.count({ where: { AND: [{ id: parent.id }, regionScope(actor)] } }))) {
      throw ruleViolation("上级区划不在您的管理范围内", "parentId");
    }
    if (!parent && actor.regionPath) throw ruleViolation("只有全市管理员可以新建市级区划", "parentId");
    const keep = SIGNIFICANT[input.level];
    if (!/^0*$/.test(input.code.slice(keep))) {
      throw ruleViolation(`${REGION_LEVEL_LABELS[input.level]}代码的后 ${12 - keep} 位应为 0`, "code");
    }
    if (parent && input.code.slice(0, SIGNIFICANT[parent.level]) !== parent.code.slice(0, SIGNIFICANT[parent.level])) {
      throw ruleViolation(`区划代码应以上级「${parent.name}」的代码 ${parent.code.slice(0, SIGNIFICANT[parent.level])} 开头`, "code");
    }
    if (await db.region.count({ where: { code: input.code } })) throw ruleViolation("该区划代码已存在", "code");
    if (parent && (await db.region.count({ where: { parentId: parent.id, name: input.name } }))) {
      throw ruleViolation(`「${parent.name}」下已有同名区划`, "name");
    }
    return db.region.create({
      data: { code: input.code, name: input.name, level: input.level, parentId: parent?.id ?? null, path: regionPath(parent?.path ?? null, input.code) },
      select: { id: true, code: true, path: true },
    });
  },
  target: (_i, r) => ({ type: "Region", id: r.id }),
});

/** Rename, or move under another parent of the same level (the whole subtree moves). */
export const updateRegion = defineUseCase({
  name: "region.update",
  permission: "region.manage",
  write: true,
  input: UpdateRegionInput,
  target: (i) => ({ type: "Region", id: i.id }),
  async run({ db, actor, input }) {
    const current = await db.region.findFirst({ where: { AND: [{ id: input.id }, regionScope(actor)] } });
    if (!current) throw notFound("区划");
    const parent = await checkRegionParent(db, { level: current.level, parentId: input.parentId, selfPath: current.path });
    if (parent && !(await db.region.count({ where: { AND: [{ id: parent.id }, regionScope(actor)] } }))) {
      throw ruleViolation("上级区划不在您的管理范围内", "parentId");
    }
    const siblingsWhere = { parentId: parent?.id ?? null, name: input.name, NOT: { id: current.id } };
    if (await db.region.count({ where: siblingsWhere })) throw ruleViolation("新的上级区划下已有同名区划", "name");
    const newPath = regionPath(parent?.path ?? null, current.code);
    await db.region.update({ where: { id: current.id }, data: { name: input.name, parentId: parent?.id ?? null } });
    await rewriteSubtreePaths(db, "Region", current.path, newPath);
    if (newPath !== current.path) await checkOrganizationsAfterRegionMove(db, newPath);
    return { id: current.id, path: newPath };
  },
});

export const setRegionPopulation = defineUseCase({
  name: "region.setPopulation",
  permission: "region.manage",
  write: true,
  input: SetPopulationInput,
  target: (i) => ({ type: "Region", id: i.regionId }),
  async run({ db, actor, input }) {
    const region = await db.region.findFirst({ where: { AND: [{ id: input.regionId }, regionScope(actor)] }, select: { id: true } });
    if (!region) throw notFound("区划");
    if (input.year > new Date().getFullYear() + 1) throw new AppError("RULE_VIOLATION", "不能录入未来年份的人口", { year: ["不能录入未来年份的人口"] });
    return db.regionPopulation.upsert({
      where: { regionId_year: { regionId: region.id, year: input.year } },
      create: { regionId: region.id, year: input.year, residents: input.residents },
      update: { residents: input.residents },
    });
  },
});
