import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { userScope } from "@/lib/auth/scope";
import { endUserSessions, idleLimitMs, isOpen } from "@/lib/auth/sessions";
import { notFound, ruleViolation } from "@/lib/errors";
import { maskPhone } from "@/lib/identity/id-number";
import { idParam, optionalText } from "@/lib/validation";

// 账号管理 (/admin/users): an admin finds accounts in their scope (a region admin: users with a
// membership in their region subtree) and acts on them — force sign-out, unlock, deactivate or
// reactivate, reset the second factor. Each action is audited by execute() with the user as target.

export const USER_LIST_LIMIT = 50;

export const ListUsersInput = z.object({ q: optionalText(40, "搜索内容") });

export const listUsers = defineUseCase({
  name: "user.list",
  permission: "user.manage",
  write: false,
  // a list of people's names and (masked) phones: who looked is on record
  audit: "view",
  input: ListUsersInput,
  async run({ db, actor, input }) {
    const now = new Date();
    const q = input.q;
    const users = await db.user.findMany({
      where: {
        AND: [
          userScope(actor),
          q ? { OR: [{ name: { contains: q } }, { username: { contains: q, mode: "insensitive" } }, { phone: { contains: q } }] } : {},
        ],
      },
      select: {
        id: true,
        name: true,
        username: true,
        phone: true,
        active: true,
        lockedUntil: true,
        lastSignInAt: true,
        totpEnabledAt: true,
        memberships: { select: { role: true, organization: { select: { name: true } }, region: { select: { name: true } } } },
        sessions: { where: { endedAt: null, expiresAt: { gt: now } }, select: { endedAt: true, expiresAt: true, lastSeenAt: true } },
      },
      orderBy: { id: "asc" },
      take: USER_LIST_LIMIT + 1,
    });
    return {
      truncated: users.length > USER_LIST_LIMIT,
      users: users.slice(0, USER_LIST_LIMIT).map((u) => {
        const idleMs = idleLimitMs(u.memberships.map((m) => m.role));
        return {
          id: u.id,
          /** the admin's own row: no sign-out or deactivation from here */
          self: u.id === actor.userId,
          name: u.name,
          username: u.username,
          phoneMasked: u.phone ? maskPhone(u.phone) : null,
          active: u.active,
          locked: !!u.lockedUntil && u.lockedUntil > now,
          lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil : null,
          lastSignInAt: u.lastSignInAt,
          totpEnabled: !!u.totpEnabledAt,
          roles: u.memberships.map((m) => ({ role: m.role, where: m.organization?.name ?? m.region?.name ?? null })),
          openSessions: u.sessions.filter((s) => isOpen(s, idleMs, now)).length,
        };
      }),
    };
  },
});

export const UserIdInput = z.object({ userId: idParam("账号编号") });

/** The user if the admin may manage them; out of scope reads as not found. */
async function managedUser(db: Tx, actor: Actor, userId: number) {
  const user = await db.user.findFirst({ where: { AND: [{ id: userId }, userScope(actor)] }, select: { id: true, active: true } });
  if (!user) throw notFound("账号");
  return user;
}

const userTarget = (input: { userId: number }) => ({ type: "User", id: input.userId });

/** 强制下线: every open session of the user ends (FORCED); their next request lands on the sign-in page. */
export const forceSignOut = defineUseCase({
  name: "user.forceSignOut",
  permission: "user.manage",
  write: true,
  input: UserIdInput,
  target: userTarget,
  async run({ db, actor, input }) {
    const user = await managedUser(db, actor, input.userId);
    if (user.id === actor.userId) throw ruleViolation("不能对自己的账号强制下线，请用“退出登录”");
    return { ended: await endUserSessions(db, user.id, "FORCED") };
  },
});

/** 解除锁定: the lock from failed sign-ins ends now and the failure count starts again. */
export const unlockUser = defineUseCase({
  name: "user.unlock",
  permission: "user.manage",
  write: true,
  input: UserIdInput,
  target: userTarget,
  async run({ db, actor, input }) {
    const user = await managedUser(db, actor, input.userId);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: null, failedSignIns: 0 } });
    return { id: user.id };
  },
});

export const SetUserActiveInput = UserIdInput.extend({
  active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "请选择启用或停用" })),
});

/** 停用 / 启用: a deactivated account cannot sign in, and its open sessions end at once. */
export const setUserActive = defineUseCase({
  name: "user.setActive",
  permission: "user.manage",
  write: true,
  input: SetUserActiveInput,
  target: userTarget,
  async run({ db, actor, input }) {
    const user = await managedUser(db, actor, input.userId);
    if (user.id === actor.userId && !input.active) throw ruleViolation("不能停用自己的账号");
    await db.user.update({ where: { id: user.id }, data: { active: input.active } });
    const ended = input.active ? 0 : await endUserSessions(db, user.id, "FORCED");
    return { id: user.id, active: input.active, ended };
  },
});

/** 重置动态验证码: for a user who lost their phone; they sign in with the password and may set it up again. */
export const resetUserTotp = defineUseCase({
  name: "user.resetTotp",
  permission: "user.manage",
  write: true,
  input: UserIdInput,
  target: userTarget,
  async run({ db, actor, input }) {
    const user = await managedUser(db, actor, input.userId);
    await db.user.update({ where: { id: user.id }, data: { totpSecretCipher: null, totpEnabledAt: null, totpLastStep: null } });
    return { id: user.id };
  },
});
