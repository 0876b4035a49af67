import { z } from "zod";
import {
  RatingVia, Satisfaction, WorkOrderChannel, WorkOrderEventKind, WorkOrderStatus, WorkOrderType,
} from "@/lib/generated/prisma/enums";

// The documented shape of a work order in API responses (OpenAPI lists every enum from here).
export const WorkOrderDetail = z.object({
  number: z.string(),
  channel: z.enum(WorkOrderChannel),
  type: z.enum(WorkOrderType),
  status: z.enum(WorkOrderStatus),
  subject: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  requesterName: z.string(),
  requesterPhone: z.string(),
  dueAt: z.string(),
  dueState: z.enum(["overdue", "soon", "ok"]),
  closedAt: z.string().nullable(),
  resultSummary: z.string().nullable(),
  createdAt: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
  organization: z.object({ id: z.number(), name: z.string() }),
  handlerName: z.string().nullable(),
  events: z.array(z.object({
    at: z.string(),
    kind: z.enum(WorkOrderEventKind),
    actorName: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    reason: z.string().nullable(),
    body: z.string().nullable(),
  })),
  attachments: z.array(z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number() })),
  ratings: z.array(z.object({ round: z.number(), score: z.enum(Satisfaction), comment: z.string().nullable(), via: z.enum(RatingVia), at: z.string() })),
});

/** One page of a service point's inbox (GET /api/v1/work-orders); phones masked. */
export const InboxPage = z.object({
  items: z.array(z.object({
    number: z.string(),
    type: z.enum(WorkOrderType),
    channel: z.enum(WorkOrderChannel),
    status: z.enum(WorkOrderStatus),
    subject: z.string(),
    requesterName: z.string(),
    requesterPhone: z.string().describe("脱敏，如 139****5678"),
    dueAt: z.string(),
    dueState: z.enum(["overdue", "soon", "ok"]),
    createdAt: z.string(),
    mine: z.boolean(),
    region: z.object({ name: z.string() }),
  })),
  nextCursor: z.string().nullable().describe("下一页的游标（作为 cursor 参数传回）；没有下一页时为 null"),
  counts: z.object({ open: z.number(), overdue: z.number() }),
});
