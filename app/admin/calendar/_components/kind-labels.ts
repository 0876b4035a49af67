import type { CalendarDayKind } from "@/lib/generated/prisma/enums";

// The calendar page's wording (the admin enters "法定节假日" from the State Council notice).
export const KIND_LABELS: Record<CalendarDayKind, string> = { HOLIDAY: "法定节假日", WORKDAY: "调休上班" };
