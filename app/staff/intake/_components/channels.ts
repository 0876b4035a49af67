import type { WorkOrderChannel } from "@/lib/generated/prisma/enums";

/** The channels a service point registers itself; web, app and WeChat orders come in through their own doors. */
export const INTAKE_CHANNELS: WorkOrderChannel[] = ["HOTLINE_12348", "WALK_IN", "COURT_REFERRAL", "POLICE_REFERRAL", "PETITION_REFERRAL"];
