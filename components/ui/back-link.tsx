import Link from "next/link";
import type { ReactNode } from "react";

/** A way back up the console ("返回管理后台"), with a 44px touch target. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="inline-flex min-h-11 items-center">
      {children}
    </Link>
  );
}
