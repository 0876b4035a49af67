import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { organizationScope } from "@/lib/auth/scope";
import { hashToken, newApiToken } from "@/lib/crypto";
import { notFound, ruleViolation } from "@/lib/errors";
import { idParam, requiredText } from "@/lib/validation";

// API clients (12348 hotline desk, mobile app, WeChat backend) act as a role at an organization.
// Their token is shown once at creation; only its SHA-256 is kept.

const CLIENT_ROLES = ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"] as const;

export const CreateApiClientInput = z.object({
  name: requiredText(60, "客户端名称"),
  role: z.enum(CLIENT_ROLES, { error: "请选择客户端的角色" }),
  organizationId: idParam("所属网点"),
});

export const createApiClient = defineUseCase({
  name: "apiClient.create",
  permission: "apiClient.manage",
  write: true,
  input: CreateApiClientInput,
  async run({ db, actor, input }) {
    const org = await db.organization.findFirst({ where: { AND: [{ id: input.organizationId }, organizationScope(actor)] }, select: { id: true } });
    if (!org) throw ruleViolation("所选网点不存在或不在您的管理范围内", "organizationId");
    const token = newApiToken();
    const client = await db.apiClient.create({
      data: { name: input.name, role: input.role, organizationId: org.id, tokenHash: hashToken(token), tokenPrefix: token.slice(0, 12), createdById: actor.userId },
      select: { id: true, name: true, tokenPrefix: true },
    });
    return { ...client, token };
  },
  target: (_i, r) => ({ type: "ApiClient", id: r.id }),
});

export const revokeApiClient = defineUseCase({
  name: "apiClient.revoke",
  permission: "apiClient.manage",
  write: true,
  input: z.object({ id: idParam("客户端编号") }),
  target: (i) => ({ type: "ApiClient", id: i.id }),
  async run({ db, actor, input }) {
    const client = await db.apiClient.findFirst({ where: { id: input.id, organization: organizationScope(actor) }, select: { id: true, revokedAt: true } });
    if (!client) throw notFound("API 客户端");
    if (client.revokedAt) return { id: client.id };
    await db.apiClient.update({ where: { id: client.id }, data: { revokedAt: new Date() } });
    return { id: client.id };
  },
});

export const listApiClients = defineUseCase({
  name: "apiClient.list",
  permission: "apiClient.manage",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    return db.apiClient.findMany({
      where: { organization: organizationScope(actor) },
      select: { id: true, name: true, role: true, tokenPrefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, organization: { select: { id: true, name: true } } },
      orderBy: { id: "desc" },
    });
  },
});
