import { z } from "zod";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { mediationScope } from "@/lib/auth/scope";
import { notFound, ruleViolation } from "@/lib/errors";
import { checkbox, idParam, optionalText, requiredText, textBetween } from "@/lib/validation";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, endOfShanghaiDay, shanghaiDate, startOfShanghaiDay } from "@/lib/calendar/working-days";
import { addEvent } from "@/lib/work-orders/process";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { enqueueNotification } from "@/lib/notify/enqueue";
import {
  addMediationEvent, closeMediationOrder, committeeLink, lockMediation, notifyCommittee, notifyParties, requireMediationStatus,
  type LockedMediation,
} from "@/lib/mediation/case";
import {
  OPEN_MEDIATION_STATUSES, OTHER_ROUTES, PARTICIPANT_KIND_LABELS, SESSION_PLACE_LABELS, type OtherRoute, type ParticipantKind,
  type SessionPlaceKind,
} from "@/lib/mediation/labels";

// The committee's work on a case (人民调解法 Art. 17–26): a mediator is assigned (or chosen by the
// parties), others join as co-mediators or from other departments, sessions are scheduled and
// recorded, the time limit is extended on the parties' request, and the case ends in failure (the
// other routes told) or withdrawal — or moves up a tier when this committee cannot settle it.
// Success with an agreement is lib/mediation/agreement.ts.

// ───────────── inputs ─────────────

const keyOf = <T extends Record<string, string>>(labels: T, message: string) =>
  z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]], { error: message });

/** Checkbox lists arrive as one value or several; none at all is an empty list. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/**
 * An <input type="datetime-local"> value (2026-12-08T14:30) read as Beijing time, whatever zone the
 * server runs in; the API may send a full ISO instant instead.
 */
const shanghaiDateTime = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: `请填写${label}` })
      .min(1, { error: `请填写${label}`, abort: true })
      .transform((s, ctx) => {
        const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s);
        const d = new Date(local ? `${s.length === 16 ? `${s}:00` : s}+08:00` : s);
        if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(s)) {
          ctx.addIssue({ code: "custom", message: `${label}格式不正确，请选择日期和时间` });
          return z.NEVER;
        }
        return d;
      }),
  );

export const AssignMediatorInput = z.object({
  number: WorkOrderNumber,
  mediatorUserId: idParam("调解员"),
  chosenByParties: checkbox,
});

export const ListMediatorsInput = z.object({ number: WorkOrderNumber });

export const AddParticipantInput = z.object({
  number: WorkOrderNumber,
  kind: keyOf(PARTICIPANT_KIND_LABELS, "请选择参加人员的身份"),
  name: requiredText(40, "姓名"),
  unit: optionalText(80, "所在单位"),
  userId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idParam("用户").optional()),
});

export const RemoveParticipantInput = z.object({ number: WorkOrderNumber, id: idParam("参加人员") });

export const ScheduleSessionInput = z
  .object({
    number: WorkOrderNumber,
    scheduledAt: shanghaiDateTime("调解时间"),
    placeKind: keyOf(SESSION_PLACE_LABELS, "请选择调解地点类型"),
    place: requiredText(160, "调解地点"),
    videoLink: optionalText(300, "视频会议链接"),
    public: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.placeKind === "REMOTE" && !v.videoLink) {
      ctx.addIssue({ code: "custom", path: ["videoLink"], message: "远程视频调解请填写视频会议链接" });
    }
    if (v.videoLink && !isHttpsUrl(v.videoLink)) {
      ctx.addIssue({ code: "custom", path: ["videoLink"], message: "视频会议链接应为以 https:// 开头的网址" });
    }
  });

export const RecordSessionInput = z.object({
  number: WorkOrderNumber,
  sessionId: idParam("调解会"),
  attendees: textBetween(2, 2000, "参加人员"),
  minutes: textBetween(10, 8000, "调解笔录", "请填写调解笔录（至少 10 个字）"),
});

export const MAX_EXTENSION_DAYS = 30;

export const ExtendDeadlineInput = z.object({
  number: WorkOrderNumber,
  days: z.coerce
    .number({ error: "请填写延长的工作日数" })
    .int("延长天数应为整数")
    .min(1, "至少延长 1 个工作日")
    .max(MAX_EXTENSION_DAYS, `一次最多延长 ${MAX_EXTENSION_DAYS} 个工作日`),
  reason: textBetween(4, 500, "延长理由", "请写明当事人申请延长的理由（至少 4 个字）"),
  partiesRequested: checkbox.refine((v) => v, "只有当事人申请时才能延长调解期限，请确认当事人已申请"),
});

export const RecordFailureInput = z.object({
  number: WorkOrderNumber,
  reason: textBetween(4, 1000, "调解不成的原因", "请写明调解不成的原因（至少 4 个字）"),
  routesTold: list(keyOf(OTHER_ROUTES, "途径无效")).refine((v) => v.length > 0, "请勾选已告知当事人的其他途径（至少一项）"),
  crimePrevented: checkbox,
});

export const WithdrawMediationInput = z.object({
  number: WorkOrderNumber,
  reason: textBetween(2, 500, "终止原因", "请写明哪一方当事人要求终止调解及原因"),
});

export const EscalateMediationInput = z.object({
  number: WorkOrderNumber,
  reason: textBetween(4, 500, "上报理由", "请写明上报理由（至少 4 个字）"),
});

function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "https:" && !!u.hostname;
  } catch {
    return false;
  }
}

// ───────────── shared by the steps ─────────────

/** 12月8日 14:30, as notices write a session's time (Beijing time). */
export function sessionTimeText(d: Date): string {
  const parts = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false,
  }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? "";
  return `${p("year")}年${p("month")}月${p("day")}日 ${p("hour")}:${p("minute")}`;
}

const dateText = (d: Date) => {
  const [y, m, day] = shanghaiDate(d).split("-").map(Number);
  return `${y}年${m}月${day}日`;
};

/** The people who may take a case at a committee: its mediators and staff (Art. 13–14). */
const MEDIATOR_ROLES = ["MEDIATOR", "STAFF"] as const;

async function mediatorOf(db: Tx, userId: number, organizationId: number) {
  const m = await db.membership.findFirst({
    where: { userId, organizationId, role: { in: [...MEDIATOR_ROLES] } },
    select: { user: { select: { id: true, name: true, active: true } } },
  });
  return m && m.user.active ? m.user : null;
}

// ───────────── the steps ─────────────

/**
 * 指定调解员 (Art. 19): the committee assigns a mediator, or records the one the parties chose; a
 * change of mediator (Art. 23: a party may ask for another) goes through the same step.
 */
export const assignMediator = defineUseCase({
  name: "mediation.assignMediator",
  permission: "mediation.process",
  write: true,
  input: AssignMediatorInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["ACCEPTED", "IN_PROGRESS"], "指定调解员");
    const mediator = await mediatorOf(db, input.mediatorUserId, c.workOrder.organizationId);
    if (!mediator) throw ruleViolation(`调解员必须是${c.workOrder.organization.name}的人民调解员或工作人员`, "mediatorUserId");
    if (c.mediatorUserId === mediator.id && c.status === "IN_PROGRESS") throw ruleViolation("该调解员已在负责本案", "mediatorUserId");
    const now = new Date();
    const changed = c.mediatorUserId !== null;
    await db.mediationCase.update({
      where: { id: c.id },
      data: { status: "IN_PROGRESS", mediatorUserId: mediator.id, mediatorChosenByParties: input.chosenByParties, assignedAt: now },
    });
    await db.workOrder.update({ where: { id: c.workOrder.id }, data: { handlerUserId: mediator.id, status: "IN_PROGRESS" } });
    await addMediationEvent(db, c, "MEDIATOR_ASSIGNED", actor, {
      reason: input.chosenByParties ? "当事人选定" : changed ? "更换调解员" : "调解委员会指定",
      body: `调解员：${mediator.name}`,
    });
    await notifyParties(db, c, `您的调解案件 ${c.workOrder.number} 由${c.workOrder.organization.name}人民调解员${mediator.name}负责调解，调解员将与您联系安排调解时间。`);
    if (mediator.id !== actor.userId) {
      await enqueueNotification(db, {
        channel: "IN_APP", recipientUserId: mediator.id, body: `您被指定为调解案件 ${c.workOrder.number} 的调解员，请尽快联系当事人安排调解。`,
        link: committeeLink(c.workOrder.number), workOrderId: c.workOrder.id,
      });
    }
    return { number: c.workOrder.number, mediatorUserId: mediator.id };
  },
});

/** The committee's mediators and staff, for the assignment form, with how many cases each has in progress; and the committee above. */
export const listMediators = defineUseCase({
  name: "mediation.listMediators",
  permission: "mediation.process",
  write: false,
  input: ListMediatorsInput,
  async run({ db, actor, input }) {
    const c = await db.mediationCase.findFirst({
      where: { AND: [{ workOrder: { number: input.number } }, mediationScope(actor)] },
      select: {
        mediatorUserId: true,
        workOrder: { select: { organizationId: true, organization: { select: { parent: { select: { id: true, name: true } } } } } },
      },
    });
    if (!c) throw notFound("调解案件");
    const members = await db.membership.findMany({
      where: { organizationId: c.workOrder.organizationId, role: { in: [...MEDIATOR_ROLES] }, user: { active: true } },
      select: { role: true, user: { select: { id: true, name: true } } },
    });
    const byUser = new Map<number, { userId: number; name: string; mediator: boolean }>();
    for (const m of members) {
      const prev = byUser.get(m.user.id);
      byUser.set(m.user.id, { userId: m.user.id, name: m.user.name, mediator: (prev?.mediator ?? false) || m.role === "MEDIATOR" });
    }
    const ids = [...byUser.keys()];
    const loads = ids.length
      ? await db.mediationCase.groupBy({ by: ["mediatorUserId"], where: { mediatorUserId: { in: ids }, status: "IN_PROGRESS" }, _count: { _all: true } })
      : [];
    const load = new Map(loads.map((l) => [l.mediatorUserId, l._count._all]));
    const mediators = [...byUser.values()]
      .map((m) => ({ ...m, openCases: load.get(m.userId) ?? 0, current: m.userId === c.mediatorUserId }))
      // People's mediators first, then the least busy: the committee head picks with the load in view.
      .sort((a, b) => Number(b.mediator) - Number(a.mediator) || a.openCases - b.openCases || a.name.localeCompare(b.name, "zh-CN"));
    /** where 上报 would send the case (null at the top of the network) */
    return { mediators, parent: c.workOrder.organization.parent };
  },
});

/** 协助调解员 and people from other departments at a joint session (三调联动: judge, police, housing bureau). */
export const addParticipant = defineUseCase({
  name: "mediation.addParticipant",
  permission: "mediation.process",
  write: true,
  input: AddParticipantInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["ACCEPTED", "IN_PROGRESS"], "添加参加调解人员");
    if (input.userId) {
      const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!user) throw ruleViolation("所选用户不存在", "userId");
      if (input.userId === c.mediatorUserId) throw ruleViolation("该人员已是本案调解员", "userId");
    }
    const count = await db.mediationParticipant.count({ where: { caseId: c.id } });
    if (count >= 30) throw ruleViolation("参加调解人员最多 30 人", "_form");
    const p = await db.mediationParticipant.create({
      data: { caseId: c.id, kind: input.kind satisfies ParticipantKind, name: input.name, unit: input.unit ?? null, userId: input.userId ?? null },
      select: { id: true },
    });
    return { number: c.workOrder.number, id: p.id };
  },
});

export const removeParticipant = defineUseCase({
  name: "mediation.removeParticipant",
  permission: "mediation.process",
  write: true,
  input: RemoveParticipantInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["ACCEPTED", "IN_PROGRESS"], "移除参加调解人员");
    const { count } = await db.mediationParticipant.deleteMany({ where: { id: input.id, caseId: c.id } });
    if (!count) throw notFound("参加调解人员");
    return { number: c.workOrder.number };
  },
});

/**
 * 安排调解: time and place (a room, station, centre, on site, or a video call), public or not
 * (Art. 23: the parties may ask for it not to be public). The parties are told where and when.
 */
export const scheduleSession = defineUseCase({
  name: "mediation.scheduleSession",
  permission: "mediation.process",
  write: true,
  input: ScheduleSessionInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["IN_PROGRESS"], "安排调解（请先指定调解员）");
    const now = new Date();
    // A session already held today may be entered afterwards to record it; older ones are typos.
    if (input.scheduledAt < startOfShanghaiDay(shanghaiDate(now))) throw ruleViolation("调解时间不能早于今天", "scheduledAt");
    if (input.scheduledAt.getTime() > now.getTime() + 366 * 86_400_000) throw ruleViolation("调解时间不能晚于一年以后", "scheduledAt");
    const session = await db.mediationSession.create({
      data: {
        caseId: c.id, scheduledAt: input.scheduledAt, placeKind: input.placeKind satisfies SessionPlaceKind, place: input.place,
        videoLink: input.videoLink ?? null, public: input.public, createdById: actor.userId,
      },
      select: { id: true },
    });
    const when = sessionTimeText(input.scheduledAt);
    const where = input.placeKind === "REMOTE" ? `远程视频调解（${input.place}）` : `${SESSION_PLACE_LABELS[input.placeKind]}：${input.place}`;
    await addMediationEvent(db, c, "SESSION_SCHEDULED", actor, {
      body: `时间：${when}；地点：${where}${input.public ? "；公开调解" : ""}`,
    });
    const link = input.videoLink ? `，视频会议链接：${input.videoLink}` : "";
    await notifyParties(db, c, `您的调解案件 ${c.workOrder.number} 定于 ${when} 调解，地点：${where}${link}。如不能参加请提前告知调解员。`);
    return { number: c.workOrder.number, sessionId: session.id };
  },
});

/** 调解记录: who attended and the minutes (调解笔录). The minutes stay in the case file, never in a notice. */
export const recordSession = defineUseCase({
  name: "mediation.recordSession",
  permission: "mediation.process",
  write: true,
  input: RecordSessionInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["IN_PROGRESS"], "记录调解");
    const s = await db.mediationSession.findFirst({ where: { id: input.sessionId, caseId: c.id }, select: { id: true, heldAt: true, scheduledAt: true } });
    if (!s) throw notFound("调解会");
    if (s.heldAt) throw ruleViolation("这次调解已经记录过", "sessionId");
    const now = new Date();
    await db.mediationSession.update({ where: { id: s.id }, data: { heldAt: now, attendees: input.attendees, minutes: input.minutes } });
    await addMediationEvent(db, c, "SESSION_HELD", actor, { body: `${sessionTimeText(s.scheduledAt)} 的调解已举行，已记录调解笔录` });
    return { number: c.workOrder.number, sessionId: s.id };
  },
});

/**
 * 延长调解期限: only on the parties' request (the committee cannot give itself more time), by N
 * working days on the holiday calendar; the extension and its reason go into the timeline.
 */
export const extendDeadline = defineUseCase({
  name: "mediation.extendDeadline",
  permission: "mediation.process",
  write: true,
  input: ExtendDeadlineInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["ACCEPTED", "IN_PROGRESS"], "延长调解期限");
    const calendar = await loadWorkingCalendar(db);
    const dueAt = endOfShanghaiDay(addWorkingDays(calendar, shanghaiDate(c.workOrder.dueAt), input.days));
    // An order the overdue job already flagged gets a fresh deadline: flag it again if that passes too.
    await db.workOrder.update({ where: { id: c.workOrder.id }, data: { dueAt, overdueEscalatedAt: null } });
    await db.mediationCase.update({ where: { id: c.id }, data: { extendedDays: { increment: input.days } } });
    await addMediationEvent(db, c, "DEADLINE_EXTENDED", actor, {
      reason: input.reason,
      body: `经当事人申请，调解期限延长 ${input.days} 个工作日，至 ${dateText(dueAt)}`,
    });
    await notifyParties(db, c, `根据当事人的申请，调解案件 ${c.workOrder.number} 的调解期限延长 ${input.days} 个工作日，至 ${dateText(dueAt)}。`);
    return { number: c.workOrder.number, dueAt: dueAt.toISOString(), extendedDays: c.extendedDays + input.days };
  },
});

/** 调解不成 (Art. 26): the mediation ends; the parties are told they may arbitrate, go to the administration or sue. */
export const recordFailure = defineUseCase({
  name: "mediation.recordFailure",
  permission: "mediation.process",
  write: true,
  input: RecordFailureInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["ACCEPTED", "IN_PROGRESS"], "记录调解不成");
    const now = new Date();
    const routes = [...new Set(input.routesTold)] as OtherRoute[];
    const routeText = routes.map((r) => OTHER_ROUTES[r]).join("、");
    await db.mediationCase.update({
      where: { id: c.id },
      data: { status: "FAILED", endedAt: now, failureReason: input.reason, routesTold: routes, crimePrevented: input.crimePrevented },
    });
    await closeMediationOrder(db, c, actor, `调解不成：${input.reason}`, now);
    await addMediationEvent(db, c, "MEDIATION_FAILED", actor, { reason: input.reason, body: `已告知当事人可以${routeText}` });
    await notifyParties(
      db,
      c,
      `您的调解案件 ${c.workOrder.number} 调解不成，调解终止。您可以依法${routeText}，维护自己的权利（人民调解法第二十六条）。如需法律咨询请拨打 12348。`,
    );
    return { number: c.workOrder.number, status: "FAILED" as const };
  },
});

/** 终止调解 (Art. 23): a party no longer wants mediation; the committee records it and the case ends. */
export const withdrawMediation = defineUseCase({
  name: "mediation.withdraw",
  permission: "mediation.process",
  write: true,
  input: WithdrawMediationInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, OPEN_MEDIATION_STATUSES, "终止调解");
    const now = new Date();
    await db.mediationCase.update({ where: { id: c.id }, data: { status: "WITHDRAWN", endedAt: now, withdrawalReason: input.reason } });
    await closeMediationOrder(db, c, actor, `当事人要求终止调解：${input.reason}`, now);
    await addMediationEvent(db, c, "WITHDRAWN", actor, { reason: input.reason });
    await notifyParties(db, c, `调解案件 ${c.workOrder.number} 已应当事人要求终止调解。如需其他帮助请拨打 12348。`);
    return { number: c.workOrder.number, status: "WITHDRAWN" as const };
  },
});

/**
 * 上报 (小事不出村、大事不出镇): a room hands a case it cannot settle to its station, a station to
 * its county centre. The order moves to the parent organization (the new committee); the case keeps
 * its parties, sessions and timeline. The new committee assigns its own mediator, so a case in
 * progress goes back to ACCEPTED. The lower tier no longer sees it (its scope is its own subtree).
 */
export const escalateMediation = defineUseCase({
  name: "mediation.escalate",
  permission: "mediation.process",
  write: true,
  input: EscalateMediationInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, OPEN_MEDIATION_STATUSES, "上报");
    const parentId = c.workOrder.organization.parentId;
    if (!parentId) throw ruleViolation("本调解组织没有上级，不能上报", "_form");
    const parent = await db.organization.findUniqueOrThrow({ where: { id: parentId }, select: { id: true, name: true, parentId: true, tier: true } });
    await db.mediationCase.update({
      where: { id: c.id },
      data: c.status === "IN_PROGRESS"
        ? { status: "ACCEPTED", mediatorUserId: null, mediatorChosenByParties: false, assignedAt: null }
        : { mediatorUserId: null, mediatorChosenByParties: false, assignedAt: null },
    });
    await db.workOrder.update({ where: { id: c.workOrder.id }, data: { organizationId: parent.id, handlerUserId: null, status: "NEW" } });
    await addEvent(db, c.workOrder, "ESCALATED", actor, { reason: input.reason, from: c.workOrder.organizationId, to: parent.id });
    const moved: LockedMediation = { ...c, workOrder: { ...c.workOrder, organizationId: parent.id, organization: parent } };
    await notifyCommittee(db, moved, `收到${c.workOrder.organization.name}上报的调解案件 ${c.workOrder.number}，请指定调解员。上报理由：${input.reason}`);
    await notifyParties(db, moved, `您的调解案件 ${c.workOrder.number} 已由${c.workOrder.organization.name}移交${parent.name}调解，调解员将与您联系。`);
    return { number: c.workOrder.number, organization: { id: parent.id, name: parent.name } };
  },
});

