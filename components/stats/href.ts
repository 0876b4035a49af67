import type { DashboardPeriod } from "@/lib/stats/period-preset";

// Links between dashboard views keep the reader's choices: a preset stays a preset (本月 keeps
// meaning this month when the link is opened tomorrow); custom dates travel as dates.

export type StatsLinkState = { code?: string; period: DashboardPeriod; indicator?: string; tier?: string; channel?: string; type?: string; org?: number };

export function statsHref(base: string, s: StatsLinkState): string {
  const q = new URLSearchParams();
  if (s.code) q.set("code", s.code);
  if (s.period.kind === "custom") {
    q.set("period", "custom");
    q.set("from", s.period.from);
    q.set("to", s.period.to);
  } else if (s.period.kind !== "year") {
    q.set("period", s.period.kind);
  }
  if (s.indicator) q.set("indicator", s.indicator);
  if (s.tier) q.set("tier", s.tier);
  if (s.channel) q.set("channel", s.channel);
  if (s.type) q.set("type", s.type);
  if (s.org) q.set("org", String(s.org));
  const text = q.toString();
  return text ? `${base}?${text}` : base;
}

/** The first value of a search parameter (Next gives an array when a name repeats). */
export const param = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v) || undefined;
