import { shanghaiDate } from "@/lib/calendar/working-days";

// Deadlines as notices and documents write them (Asia/Shanghai), shared by every domain's notices.

/** 2026年12月14日, the Shanghai date of a deadline. */
export function chineseDate(d: Date): string {
  const [y, m, day] = shanghaiDate(d).split("-").map(Number);
  return `${y}年${m}月${day}日`;
}

/** 12月4日 14:30 (Asia/Shanghai), as notices write an hour deadline. */
export function chineseDateTime(d: Date): string {
  const parts = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("month")}月${get("day")}日 ${get("hour")}:${get("minute")}`;
}
