import type { Tx } from "@/lib/db";
import { ruleViolation } from "@/lib/errors";
import type { ServiceKey } from "@/lib/network/rules";

// A resident who opens a service point's page (often by scanning its poster, 扫码能得) may send their
// web request straight to that point instead of having it routed (lib/work-orders/routing.ts).
// The point must offer the service the request is for: a village room that does not take
// complaints cannot be sent one just because its page was the way in.

export type ServicePointRequestType = "CONSULTATION" | "COMPLAINT" | "OTHER";

/** The catalogue service that handles each web request type; "other" help is the general desk, i.e. consultation. */
export const SERVICE_FOR_REQUEST: Record<ServicePointRequestType, ServiceKey> = {
  CONSULTATION: "CONSULTATION",
  COMPLAINT: "COMPLAINT",
  OTHER: "CONSULTATION",
};

const REQUEST_TYPES = Object.keys(SERVICE_FOR_REQUEST) as ServicePointRequestType[];

export function acceptedRequestTypes(services: readonly string[]): ServicePointRequestType[] {
  return REQUEST_TYPES.filter((t) => services.includes(SERVICE_FOR_REQUEST[t]));
}

/**
 * The chosen point, checked on the server whatever the form sent: it must exist and offer the
 * service. Errors land on the form's type field when the point exists but does not take that
 * type, so the resident can pick another type or let the system choose the point.
 */
export async function chosenServicePoint(db: Tx, organizationId: number, type: ServicePointRequestType) {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true, services: true } });
  if (!org) throw ruleViolation("所选服务网点不存在，请返回网点页面重新进入，或不指定网点提交", "organizationId");
  if (!acceptedRequestTypes(org.services).includes(type)) {
    throw ruleViolation(`${org.name}不办理这类事项，请换一类事项，或不指定网点由系统就近分派`, "type");
  }
  return { id: org.id, name: org.name };
}
