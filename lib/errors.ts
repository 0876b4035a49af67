// Expected failures carry a code and a Chinese message fit to show the user; anything else is a bug,
// logged with an id, and the user sees only that id (lib/api/handle-error.ts).
export const ErrorCodes = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  /** the database is briefly unreachable (restart, failover): nothing was written; retry */
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ErrorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status() {
    return ErrorCodes[this.code];
  }
}

export const notFound = (what = "记录") => new AppError("NOT_FOUND", `${what}不存在或您无权查看`);
export const forbidden = () => new AppError("FORBIDDEN", "您没有执行此操作的权限");
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "请先登录");
export const ruleViolation = (message: string, field?: string) =>
  new AppError("RULE_VIOLATION", message, field ? { [field]: [message] } : undefined);
