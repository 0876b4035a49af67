import Link from "next/link";

// Back up the region tree: from the top the leader may see down to the region on screen — and,
// when one service point is on screen, that point after its region (the region becomes a link).

export function RegionBreadcrumbs({
  trail,
  href,
  current,
}: {
  trail: { code: string; name: string }[];
  href: (code: string) => string;
  /** a service point inside the last region */
  current?: { name: string };
}) {
  const items = [...trail.map((r) => ({ key: r.code, name: r.name, href: href(r.code) })), ...(current ? [{ key: "current", name: current.name, href: "" }] : [])];
  if (items.length < 2) return null;
  return (
    <nav aria-label="地区层级" className="mb-4">
      <ol className="flex flex-wrap items-center gap-x-2">
        {items.map((r, i) => {
          const last = i === items.length - 1;
          return (
            <li key={r.key} className="flex items-center gap-x-2">
              {last ? (
                <span aria-current="page" className="inline-flex min-h-11 items-center font-medium">{r.name}</span>
              ) : (
                <>
                  <Link href={r.href} className="inline-flex min-h-11 items-center">{r.name}</Link>
                  <span aria-hidden="true" className="text-slate-500">/</span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
