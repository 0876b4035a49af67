// Times of work orders are always shown in Beijing time, whatever the server's or phone's zone is.
const dateTime = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" });

export function formatDateTime(value: Date | string): string {
  return dateTime.format(typeof value === "string" ? new Date(value) : value);
}

/** A machine-readable <time> with the Beijing-time text. */
export function DateTime({ value, className }: { value: Date | string; className?: string }) {
  const d = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={d.toISOString()} className={className}>
      {formatDateTime(d)}
    </time>
  );
}
