import Link from "next/link";

// Back up the region tree: from the top the leader may see down to the region on screen.

export function RegionBreadcrumbs({ trail, href }: { trail: { code: string; name: string }[]; href: (code: string) => string }) {
  if (trail.length < 2) return null;
  return (
    <nav aria-label="地区层级" className="mb-4">
      <ol className="flex flex-wrap items-center gap-x-2">
        {trail.map((r, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={r.code} className="flex items-center gap-x-2">
              {last ? (
                <span aria-current="page" className="inline-flex min-h-11 items-center font-medium">{r.name}</span>
              ) : (
                <>
                  <Link href={href(r.code)} className="inline-flex min-h-11 items-center">{r.name}</Link>
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
