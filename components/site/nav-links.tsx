"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/", label: "首页" },
  { href: "/service-points", label: "找服务网点" },
  { href: "/guide", label: "办事指南" },
  { href: "/track", label: "查进度" },
];

/** Main navigation; marks the current page with aria-current (needs the pathname, hence client). */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {LINKS.map(({ href, label }) => {
        const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className={cn(
                "inline-flex min-h-11 items-center rounded-md px-3 font-medium no-underline",
                current ? "bg-primary-soft text-primary" : "text-slate-800 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
