import { rateLimiter, type RateLimitRule } from "@/lib/rate-limit";

// How often 查进度 may be used. A phone gets a few codes per ten minutes (a lost SMS can be asked
// for again) and a day's worth; a number cannot be made to text its owner all day; one address
// cannot walk through many numbers. Generous per IP, because a whole village or a service point's
// front desk may share one address.

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const LOOKUP_LIMITS = {
  sendPerPhone: { name: "progress.send.phone", points: 3, durationSeconds: 10 * MINUTE },
  sendPerPhoneDay: { name: "progress.send.phone.day", points: 10, durationSeconds: 24 * HOUR },
  sendPerNumber: { name: "progress.send.number", points: 5, durationSeconds: HOUR },
  sendPerIp: { name: "progress.send.ip", points: 30, durationSeconds: HOUR },
  verifyPerNumber: { name: "progress.verify.number", points: 10, durationSeconds: HOUR },
  verifyPerIp: { name: "progress.verify.ip", points: 50, durationSeconds: HOUR },
} satisfies Record<string, RateLimitRule>;

export const lookupLimiters = {
  sendPerPhone: rateLimiter(LOOKUP_LIMITS.sendPerPhone),
  sendPerPhoneDay: rateLimiter(LOOKUP_LIMITS.sendPerPhoneDay),
  sendPerNumber: rateLimiter(LOOKUP_LIMITS.sendPerNumber),
  sendPerIp: rateLimiter(LOOKUP_LIMITS.sendPerIp),
  verifyPerNumber: rateLimiter(LOOKUP_LIMITS.verifyPerNumber),
  verifyPerIp: rateLimiter(LOOKUP_LIMITS.verifyPerIp),
};
