import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { actorForApiToken } from "@/lib/auth/actor";
import { createApiClient, listApiClients, revokeApiClient } from "@/lib/api-clients/manage-api-clients";
import { getOrganization } from "@/lib/network/get-organization";

const meta = { ip: null, userAgent: null };

describe("API clients", () => {
  beforeEach(resetDatabase);

  it("an admin creates a token that acts as staff of one station, stored only as a hash, and can revoke it", async () => {
    const n = await makeSmallNetwork();
    const admin = await makeActor({ role: "ADMIN" });
    const created = await execute(createApiClient, { name: "热线坐席", role: "STAFF", organizationId: n.stationA.id }, admin, meta);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { token } = created.data;
    expect(token).toMatch(/^lsp_/);
    const row = await db.apiClient.findFirstOrThrow();
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify((await db.auditEvent.findMany()).map(({ id: _id, ...e }) => e))).not.toContain(token);

    const actor = await actorForApiToken(db, token);
    expect(actor).toMatchObject({ role: "STAFF", organizationId: n.stationA.id, apiClientId: row.id });
    // "last used" is kept to the minute: written on first use, not again within the minute, again after it
    const firstUse = (await db.apiClient.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt!;
    expect(firstUse).toBeInstanceOf(Date);
    await actorForApiToken(db, token);
    expect((await db.apiClient.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(firstUse);
    await db.apiClient.update({ where: { id: row.id }, data: { lastUsedAt: new Date(firstUse.getTime() - 61_000) } });
    await actorForApiToken(db, token);
    expect((await db.apiClient.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt!.getTime()).toBeGreaterThan(firstUse.getTime() - 1_000);
    expect(await execute(getOrganization, { id: n.roomA.id }, actor, meta)).toMatchObject({ ok: true });
    expect(await execute(getOrganization, { id: n.stationB.id }, actor, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await actorForApiToken(db, token + "x")).toBeNull();

    expect(await execute(revokeApiClient, { id: row.id }, admin, meta)).toMatchObject({ ok: true });
    expect(await actorForApiToken(db, token)).toBeNull();
    const list = await execute(listApiClients, {}, admin, meta);
    expect(list).toMatchObject({ ok: true, data: [{ id: row.id, revokedAt: expect.any(Date) }] });
  });

  it("only admins manage clients", async () => {
    const n = await makeSmallNetwork();
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    expect(await execute(createApiClient, { name: "x", role: "STAFF", organizationId: n.centre.id }, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.apiClient.count()).toBe(0);
  });
});
