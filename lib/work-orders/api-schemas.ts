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
