import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { execute } from "@/lib/api/use-case";
import { actorForSession, actorForUser, type Actor } from "@/lib/auth/actor";
import { attemptSignIn, hashPassword, LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/credentials";
import { TOUCH_INTERVAL_MS, type SessionLimits } from "@/lib/auth/sessions";
import { totpCode } from "@/lib/auth/totp";
import { endOwnSession, getAccountSecurity, keepSessionAlive, sessionHandle } from "@/lib/accounts/account-security";
import { changePassword } from "@/lib/accounts/change-password";
import { confirmTotp, disableTotp, startTotpEnrolment } from "@/lib/accounts/totp-settings";
import { forceSignOut, listUsers, resetUserTotp, setUserActive, unlockUser } from "@/lib/accounts/manage-users";
import { db, resetDatabase } from "./helpers/db";
import { makeOrganization, makeRegion, makeSmallNetwork, makeUser } from "./helpers/factories";

// 等保 account controls against the real database: lock-out, throttling, server-side sessions
// (idle, absolute, forced), the second factor, the sign-in history and the admin's scope.

const PASSWORD = "Demo@2026";
let passwordHash: string;
const limits: SessionLimits = { maxMs: 12 * 3_600_000, idleStaffMs: 30 * 60_000, idleResidentMs: 120 * 60_000 };
const meta = (ip: string | null = "203.0.113.7") => ({ ip, userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36" });
const minutes = (n: number) => n * 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

function signIn(login: string, password = PASSWORD, opts: { ip?: string | null; totp?: string; now?: Date } = {}) {
  return attemptSignIn(db, { login, password, totp: opts.totp }, meta(opts.ip === undefined ? "203.0.113.7" : opts.ip), { now: opts.now, limits });
}

async function signedIn(login: string, opts: { ip?: string | null; totp?: string } = {}): Promise<{ actor: Actor; sessionId: string; userId: number }> {
  const outcome = await signIn(login, PASSWORD, opts);
  if (!outcome.ok) throw new Error(`sign-in refused: ${outcome.refusal}`);
  const actor = await actorForSession(db, { userId: outcome.user.id, sessionId: outcome.sessionId }, new Date(), limits);
  if (!actor) throw new Error("no actor for a fresh session");
  return { actor, sessionId: outcome.sessionId, userId: outcome.user.id };
}

const refusal = (o: Awaited<ReturnType<typeof signIn>>) => (o.ok ? "ok" : o.refusal);

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let net: Awaited<ReturnType<typeof makeSmallNetwork>>;
beforeEach(async () => {
  await resetDatabase();
  net = await makeSmallNetwork();
});

const staff = (username: string, organizationId = net.stationA.id) => makeUser({ role: "STAFF", username, organizationId, passwordHash });

describe("lock-out after failed sign-ins", () => {
  it("locks the account at the 5th consecutive failure and refuses even the right password while locked", async () => {
    const user = await staff("clerk.a");
    const answers = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) answers.push(refusal(await signIn("clerk.a", "Wrong@2026")));
    expect(answers).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true, failedSignIns: true } });
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(minutes(LOCK_MINUTES) - 10_000);
    expect(row.lockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(minutes(LOCK_MINUTES));

    expect(refusal(await signIn("clerk.a"))).toBe("locked");
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const lockouts = await db.auditEvent.findMany({ where: { action: "auth.lockout" } });
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({ targetType: "User", targetId: String(user.id) });
  });

  it("lets the right password in once the 15 minutes are over, with the counter at zero", async () => {
    const user = await staff("clerk.a");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn("clerk.a", "Wrong@2026");
    expect(refusal(await signIn("clerk.a"))).toBe("locked");
    // the lock ran out (moved in the database, not waited for)
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: ago(1000) } });
    expect(refusal(await signIn("clerk.a"))).toBe("ok");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { failedSignIns: true, lockedUntil: true } })).toEqual({ failedSignIns: 0, lockedUntil: null });
  });

  it("counts consecutive failures only: a success starts the count again", async () => {
    await staff("clerk.a");
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await signIn("clerk.a", "Wrong@2026");
    expect(refusal(await signIn("clerk.a"))).toBe("ok");
    const answers = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) answers.push(refusal(await signIn("clerk.a", "Wrong@2026")));
    expect(answers).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    expect(refusal(await signIn("clerk.a"))).toBe("ok");
  });

  it("answers an unknown login exactly as a real one, lock included", async () => {
    await staff("clerk.a");
    const real = [];
    const unknown = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS + 2; i++) {
      real.push(refusal(await signIn("clerk.a", "Wrong@2026")));
      unknown.push(refusal(await signIn("nobody.here", "Wrong@2026")));
    }
    expect(unknown).toEqual(real);
    expect(real.slice(-3)).toEqual(["locked", "locked", "locked"]);
  });

  it("an admin's unlock ends the lock at once (audited)", async () => {
    const user = await staff("clerk.a");
    const admin = (await actorForUser(db, (await makeUser({ role: "ADMIN" })).id))!;
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn("clerk.a", "Wrong@2026");
    expect((await execute(unlockUser, { userId: user.id }, admin, meta())).ok).toBe(true);
    expect(refusal(await signIn("clerk.a"))).toBe("ok");
    expect(await db.auditEvent.count({ where: { action: "user.unlock", targetId: String(user.id), result: "SUCCESS" } })).toBe(1);
  });
});

describe("per-IP throttling", () => {
  it("counts failures per address: after 30, that address is refused even with the right password; others are not", async () => {
    await staff("clerk.a");
    // 30 failures spread over many logins (so no single account locks)
    for (let i = 0; i < 30; i++) expect(refusal(await signIn(`guess.${i % 6}.${Math.floor(i / 6)}`, "Wrong@2026", { ip: "198.51.100.9" }))).not.toBe("throttled");
    expect(refusal(await signIn("clerk.a", PASSWORD, { ip: "198.51.100.9" }))).toBe("throttled");
    expect(refusal(await signIn("clerk.a", PASSWORD, { ip: "198.51.100.10" }))).toBe("ok");
    expect(await db.auditEvent.count({ where: { action: "auth.signIn", detail: { path: ["reason"], equals: "throttled" } } })).toBe(1);
  });

  it("does not count successful sign-ins (many correct sign-ins from one address stay welcome)", async () => {
    await staff("clerk.a");
    for (let i = 0; i < 35; i++) expect(refusal(await signIn("clerk.a", PASSWORD, { ip: "198.51.100.20" }))).toBe("ok");
    expect(refusal(await signIn("clerk.a", "Wrong@2026", { ip: "198.51.100.20" }))).toBe("invalid");
  });
});

describe("server-side sessions", () => {
  it("opens a session row on sign-in, named by a random id", async () => {
    await staff("clerk.a");
    const { actor, sessionId, userId } = await signedIn("clerk.a");
    expect(sessionId).toMatch(/^[\w-]{32}$/);
    const row = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ userId, endedAt: null, ip: "203.0.113.7" });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(limits.maxMs);
    expect(actor.session).toMatchObject({ id: sessionId, idleSeconds: 30 * 60 });
  });

  it("ends a staff session idle for 30 minutes (endReason IDLE); a resident has 120", async () => {
    await staff("clerk.a");
    await makeUser({ role: "RESIDENT", username: "resident.a", passwordHash });
    const clerk = await signedIn("clerk.a");
    const resident = await signedIn("resident.a");
    await db.userSession.updateMany({ data: { lastSeenAt: ago(minutes(31)) } });

    expect(await actorForSession(db, { userId: clerk.userId, sessionId: clerk.sessionId }, new Date(), limits)).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: clerk.sessionId } })).toMatchObject({ endReason: "IDLE", endedAt: expect.any(Date) });
    expect(await actorForSession(db, { userId: resident.userId, sessionId: resident.sessionId }, new Date(), limits)).not.toBeNull();

    await db.userSession.update({ where: { id: resident.sessionId }, data: { lastSeenAt: ago(minutes(121)) } });
    expect(await actorForSession(db, { userId: resident.userId, sessionId: resident.sessionId }, new Date(), limits)).toBeNull();
    // once ended, always ended: activity does not revive it
    await db.userSession.update({ where: { id: clerk.sessionId }, data: { lastSeenAt: new Date() } });
    expect(await actorForSession(db, { userId: clerk.userId, sessionId: clerk.sessionId }, new Date(), limits)).toBeNull();
  });

  it("ends a session past its absolute lifetime however active (endReason EXPIRED)", async () => {
    await staff("clerk.a");
    const s = await signedIn("clerk.a");
    await db.userSession.update({ where: { id: s.sessionId }, data: { expiresAt: ago(1000), lastSeenAt: new Date() } });
    expect(await actorForSession(db, { userId: s.userId, sessionId: s.sessionId }, new Date(), limits)).toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: s.sessionId } })).endReason).toBe("EXPIRED");
  });

  it("refreshes lastSeenAt at most once a minute", async () => {
    await staff("clerk.a");
    const s = await signedIn("clerk.a");
    const recent = ago(TOUCH_INTERVAL_MS / 2);
    await db.userSession.update({ where: { id: s.sessionId }, data: { lastSeenAt: recent } });
    await actorForSession(db, { userId: s.userId, sessionId: s.sessionId }, new Date(), limits);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt).toEqual(recent);
    await db.userSession.update({ where: { id: s.sessionId }, data: { lastSeenAt: ago(minutes(5)) } });
    await actorForSession(db, { userId: s.userId, sessionId: s.sessionId }, new Date(), limits);
    expect(Date.now() - (await db.userSession.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt.getTime()).toBeLessThan(5000);
  });

  it("refuses a session id of another user and an unknown id", async () => {
    await staff("clerk.a");
    await staff("clerk.b");
    const a = await signedIn("clerk.a");
    const b = await signedIn("clerk.b");
    expect(await actorForSession(db, { userId: b.userId, sessionId: a.sessionId }, new Date(), limits)).toBeNull();
    expect(await actorForSession(db, { userId: a.userId, sessionId: "no-such-session" }, new Date(), limits)).toBeNull();
  });

  it("继续使用 touches the session so the idle clock starts again", async () => {
    await staff("clerk.a");
    const s = await signedIn("clerk.a");
    await db.userSession.update({ where: { id: s.sessionId }, data: { lastSeenAt: ago(minutes(29)) } });
    const result = await execute(keepSessionAlive, {}, s.actor, meta());
    expect(result).toMatchObject({ ok: true, data: { idleSeconds: 1800 } });
    expect(Date.now() - (await db.userSession.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt.getTime()).toBeLessThan(5000);
  });

  it("an admin's forced sign-out ends every session of the user (FORCED), audited", async () => {
    await staff("clerk.a");
    const one = await signedIn("clerk.a");
    const two = await signedIn("clerk.a");
    const admin = (await actorForUser(db, (await makeUser({ role: "ADMIN" })).id))!;
    expect(await execute(forceSignOut, { userId: one.userId }, admin, meta())).toMatchObject({ ok: true, data: { ended: 2 } });
    for (const s of [one, two]) {
      expect(await actorForSession(db, { userId: s.userId, sessionId: s.sessionId }, new Date(), limits)).toBeNull();
      expect((await db.userSession.findUniqueOrThrow({ where: { id: s.sessionId } })).endReason).toBe("FORCED");
    }
    expect(await db.auditEvent.count({ where: { action: "user.forceSignOut", actorUserId: admin.userId, targetId: String(one.userId) } })).toBe(1);
  });

  it("deactivating an account ends its sessions and refuses its password", async () => {
    await staff("clerk.a");
    const s = await signedIn("clerk.a");
    const admin = (await actorForUser(db, (await makeUser({ role: "ADMIN" })).id))!;
    expect((await execute(setUserActive, { userId: s.userId, active: "false" }, admin, meta())).ok).toBe(true);
    expect(await actorForSession(db, { userId: s.userId, sessionId: s.sessionId }, new Date(), limits)).toBeNull();
    expect(refusal(await signIn("clerk.a"))).toBe("invalid");
    expect((await execute(setUserActive, { userId: s.userId, active: "true" }, admin, meta())).ok).toBe(true);
    expect(refusal(await signIn("clerk.a"))).toBe("ok");
    expect(await execute(setUserActive, { userId: admin.userId, active: "false" }, admin, meta())).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
  });

  it("退出此设备 ends another of one's own sessions, never someone else's, and not the current one", async () => {
    await staff("clerk.a");
    await staff("clerk.b");
    const here = await signedIn("clerk.a");
    const phone = await signedIn("clerk.a");
    const other = await signedIn("clerk.b");
    expect((await execute(endOwnSession, { handle: sessionHandle(other.sessionId) }, here.actor, meta())).ok).toBe(false);
    expect(await execute(endOwnSession, { handle: sessionHandle(here.sessionId) }, here.actor, meta())).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
    expect((await execute(endOwnSession, { handle: sessionHandle(phone.sessionId) }, here.actor, meta())).ok).toBe(true);
    expect(await actorForSession(db, { userId: phone.userId, sessionId: phone.sessionId }, new Date(), limits)).toBeNull();
    expect(await actorForSession(db, { userId: here.userId, sessionId: here.sessionId }, new Date(), limits)).not.toBeNull();
    expect(await actorForSession(db, { userId: other.userId, sessionId: other.sessionId }, new Date(), limits)).not.toBeNull();
  });
});

describe("change password", () => {
  it("needs the current password, applies the policy, and ends the account's other sessions", async () => {
    await staff("clerk.a");
    const here = await signedIn("clerk.a");
    const elsewhere = await signedIn("clerk.a");
    const change = (input: Record<string, string>) => execute(changePassword, input, here.actor, meta());

    expect(await change({ currentPassword: "Wrong@2026", newPassword: "Better#2027", confirmPassword: "Better#2027" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["当前密码不正确"] },
    });
    expect(await change({ currentPassword: PASSWORD, newPassword: "alllowercase1", confirmPassword: "alllowercase1" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { newPassword: ["密码须包含大写字母、小写字母、数字、符号中的至少三类"] },
    });
    expect(await change({ currentPassword: PASSWORD, newPassword: "Clerk.A#2027", confirmPassword: "Clerk.A#2027" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["密码不能包含手机号或用户名"] },
    });

    expect(await change({ currentPassword: PASSWORD, newPassword: "Better#2027", confirmPassword: "Better#2027" })).toMatchObject({ ok: true, data: { endedOthers: 1 } });
    expect(await actorForSession(db, { userId: here.userId, sessionId: here.sessionId }, new Date(), limits)).not.toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: elsewhere.sessionId } })).endReason).toBe("PASSWORD_CHANGED");
    expect(refusal(await signIn("clerk.a", PASSWORD))).toBe("invalid");
    expect(refusal(await signIn("clerk.a", "Better#2027"))).toBe("ok");
    expect(await db.auditEvent.count({ where: { action: "account.password.change", result: "SUCCESS", targetId: String(here.userId) } })).toBe(1);
  });

  it("stops guessing the current password after 5 wrong tries", async () => {
    await staff("clerk.a");
    const here = await signedIn("clerk.a");
    const wrong = { currentPassword: "Wrong@2026", newPassword: "Better#2027", confirmPassword: "Better#2027" };
    for (let i = 0; i < 5; i++) expect((await execute(changePassword, wrong, here.actor, meta())).ok).toBe(false);
    expect(await execute(changePassword, { ...wrong, currentPassword: PASSWORD }, here.actor, meta())).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });
});

describe("TOTP second factor", () => {
  const codeAt = (secret: string, offsetMs: number) => totpCode(secret, new Date(Date.now() + offsetMs));

  async function enrolled(username: string) {
    await staff(username);
    const s = await signedIn(username);
    const started = await execute(startTotpEnrolment, {}, s.actor, meta());
    if (!started.ok) throw new Error(started.message);
    return { ...s, secret: started.data.secret, qr: started.data.qr };
  }

  it("enrols: the secret is stored encrypted and pending until a code confirms it", async () => {
    const s = await enrolled("clerk.a");
    expect(s.qr).toMatch(/^<svg role="img"/);
    const pending = await db.user.findUniqueOrThrow({ where: { id: s.userId }, select: { totpSecretCipher: true, totpEnabledAt: true } });
    expect(pending.totpSecretCipher).toMatch(/^v1\./);
    expect(pending.totpSecretCipher).not.toContain(s.secret);
    expect(pending.totpEnabledAt).toBeNull();
    // pending is not enabled: the password alone still signs in
    expect(refusal(await signIn("clerk.a"))).toBe("ok");

    expect(await execute(confirmTotp, { code: "000000" === codeAt(s.secret, 0) ? "111111" : "000000" }, s.actor, meta())).toMatchObject({
      ok: false,
      fieldErrors: { code: [expect.stringContaining("验证码不正确")] },
    });
    expect((await execute(confirmTotp, { code: codeAt(s.secret, 0) }, s.actor, meta())).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.userId }, select: { totpEnabledAt: true } })).totpEnabledAt).not.toBeNull();
    // the code the standard library computes is the one accepted (interoperability with authenticator apps)
    const standard = new TOTP({ secret: Secret.fromBase32(s.secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: Date.now() + 30_000 });
    expect(refusal(await signIn("clerk.a", PASSWORD, { totp: standard }))).toBe("ok");
  });

  it("asks for the code after the right password, accepts a right one once, and counts wrong ones toward the lock", async () => {
    const s = await enrolled("clerk.a");
    expect((await execute(confirmTotp, { code: codeAt(s.secret, 0) }, s.actor, meta())).ok).toBe(true);
    // From here the clock is pinned to the step after the confirmed one, so no 30-second boundary
    // can fall inside the test.
    const confirmed = (await db.user.findUniqueOrThrow({ where: { id: s.userId }, select: { totpLastStep: true } })).totpLastStep!;
    const now = new Date((confirmed + 1) * 30_000 + 10_000);
    const codeOf = (step: number) => totpCode(s.secret, new Date(step * 30_000 + 1000));
    const attempt = (opts: { password?: string; totp?: string } = {}) => signIn("clerk.a", opts.password ?? PASSWORD, { totp: opts.totp, now });
    const wrong = ["123456", "654321", "111111"].find((c) => ![0, 1, 2].some((d) => codeOf(confirmed + d) === c))!;

    // a wrong password never reveals that the account has a second factor
    expect(refusal(await attempt({ password: "Wrong@2026" }))).toBe("invalid");
    expect(refusal(await attempt())).toBe("totp_required");
    expect(await db.userSession.count({ where: { userId: s.userId } })).toBe(1);

    expect(refusal(await attempt({ totp: wrong }))).toBe("totp_invalid");
    // the confirmation spent its step: that code (still inside the ±1 window) cannot sign in
    expect(refusal(await attempt({ totp: codeOf(confirmed) }))).toBe("totp_invalid");
    expect(refusal(await attempt({ totp: codeOf(confirmed + 1) }))).toBe("ok");
    // and the code just used is spent too
    expect(refusal(await attempt({ totp: codeOf(confirmed + 1) }))).toBe("totp_invalid");

    // reset by the success; one failure (the replay) since
    expect((await db.user.findUniqueOrThrow({ where: { id: s.userId }, select: { failedSignIns: true } })).failedSignIns).toBe(1);
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 2; i++) expect(refusal(await attempt({ totp: wrong }))).toBe("totp_invalid");
    expect(refusal(await attempt({ totp: wrong }))).toBe("locked");
    expect(refusal(await attempt({ totp: codeOf(confirmed + 2) }))).toBe("locked");
  });

  it("is not offered to residents; disabling needs a current code; an admin can reset it", async () => {
    const resident = await makeUser({ role: "RESIDENT", username: "resident.a", passwordHash });
    const residentActor = (await actorForUser(db, resident.id))!;
    expect(await execute(startTotpEnrolment, {}, residentActor, meta())).toMatchObject({ ok: false, code: "RULE_VIOLATION" });

    const s = await enrolled("clerk.a");
    expect((await execute(confirmTotp, { code: codeAt(s.secret, 0) }, s.actor, meta())).ok).toBe(true);
    const bad = codeAt(s.secret, 0) === "000000" ? "111111" : "000000";
    expect((await execute(disableTotp, { code: bad }, s.actor, meta())).ok).toBe(false);
    expect((await execute(disableTotp, { code: codeAt(s.secret, 30_000) }, s.actor, meta())).ok).toBe(true);
    expect(refusal(await signIn("clerk.a"))).toBe("ok");

    const again = await execute(startTotpEnrolment, {}, s.actor, meta());
    if (!again.ok) throw new Error(again.message);
    expect((await execute(confirmTotp, { code: codeAt(again.data.secret, 0) }, s.actor, meta())).ok).toBe(true);
    const admin = (await actorForUser(db, (await makeUser({ role: "ADMIN" })).id))!;
    expect((await execute(resetUserTotp, { userId: s.userId }, admin, meta())).ok).toBe(true);
    expect(refusal(await signIn("clerk.a"))).toBe("ok");
    expect(await db.auditEvent.count({ where: { action: "user.resetTotp", targetId: String(s.userId) } })).toBe(1);
  });
});

describe("sign-in history", () => {
  it("lists this account's attempts only, newest first, as 成功 / 失败 / 锁定", async () => {
    await staff("clerk.a");
    await staff("clerk.b");
    await signIn("clerk.b", "Wrong@2026");
    await signIn("clerk.b");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn("clerk.a", "Wrong@2026");
    await signIn("clerk.a");
    const a = await db.user.findFirstOrThrow({ where: { username: "clerk.a" } });
    await db.user.update({ where: { id: a.id }, data: { lockedUntil: null } });
    const s = await signedIn("clerk.a");

    const result = await execute(getAccountSecurity, {}, s.actor, meta());
    if (!result.ok) throw new Error(result.message);
    expect(result.data.history.map((h) => h.outcome)).toEqual(["成功", "锁定", "锁定", "失败", "失败", "失败", "失败"]);
    expect(result.data.history[0]).toMatchObject({ ip: "203.0.113.7", device: "Chrome · Windows" });
    expect(result.data.sessions).toEqual([expect.objectContaining({ current: true, handle: sessionHandle(s.sessionId) })]);
    expect(result.data.totp).toEqual({ available: true, enabled: false, enabledAt: null, pending: false });
    // nothing of clerk.b's
    expect(result.data.history).toHaveLength(7);
  });
});

describe("admin scope", () => {
  it("a region admin lists and acts on users of their region only; a city-wide admin on all", async () => {
    const other = await makeUser({ role: "STAFF", username: "far.away", organizationId: (await makeFarOrganization()).id, passwordHash });
    const near = await staff("near.by");
    const regionAdmin = (await actorForUser(db, (await makeUser({ role: "ADMIN", regionId: net.county.id })).id))!;
    const cityAdmin = (await actorForUser(db, (await makeUser({ role: "ADMIN" })).id))!;

    const seen = await execute(listUsers, {}, regionAdmin, meta());
    if (!seen.ok) throw new Error(seen.message);
    const ids = seen.data.users.map((u) => u.id);
    expect(ids).toContain(near.id);
    expect(ids).not.toContain(other.id);
    expect((await execute(listUsers, { q: "far" }, cityAdmin, meta())).ok && (await execute(listUsers, { q: "far" }, cityAdmin, meta()))).toMatchObject({
      data: { users: [expect.objectContaining({ id: other.id })] },
    });

    await signIn("far.away");
    expect(await execute(forceSignOut, { userId: other.id }, regionAdmin, meta())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(unlockUser, { userId: other.id }, regionAdmin, meta())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.userSession.count({ where: { userId: other.id, endedAt: null } })).toBe(1);
    expect(await execute(forceSignOut, { userId: other.id }, cityAdmin, meta())).toMatchObject({ ok: true, data: { ended: 1 } });
  });

  it("masks phone numbers in the list", async () => {
    await makeUser({ role: "RESIDENT", username: "resident.p", phone: "13912345678", passwordHash });
    const cityAdmin = (await actorForUser(db, (await makeUser({ role: "ADMIN" })).id))!;
    const result = await execute(listUsers, { q: "1391234" }, cityAdmin, meta());
    expect(result).toMatchObject({ ok: true, data: { users: [expect.objectContaining({ phoneMasked: "139****5678" })] } });
    expect(JSON.stringify(result)).not.toContain("13912345678");
  });
});

/** An organization in a county of its own, outside the small network's 甲县. */
async function makeFarOrganization() {
  const county = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: net.city.id });
  return makeOrganization({ name: "乙县公共法律服务中心", tier: "CENTRE", regionId: county.id });
}
