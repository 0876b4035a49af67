import Link from "next/link";
import type { GuideLink } from "@/lib/guide/catalogue";
import { buttonClassName, type ButtonStyleProps } from "@/components/ui/button";

/** A catalogue link: tel: links as a plain anchor (no client routing), app routes through next/link. */
export function GuideLinkButton({ link, ...style }: { link: GuideLink } & ButtonStyleProps) {
  const className = buttonClassName(style);
  if (link.href.startsWith("tel:")) {
    return (
      <a href={link.href} className={className}>
        {link.label}
      </a>
    );
  }
  return (
    <Link href={link.href} className={className}>
      {link.label}
    </Link>
  );
}

/** "先注册/登录" beside an action that needs an account; the sign-in page brings the reader back. */
export function SignInNote({ href }: { href: string }) {
  return (
    <p className="text-slate-700">
      网上办理需要先登录。没有账号的，请先{" "}
      <Link href="/register" className="inline-flex min-h-11 items-center">
        注册
      </Link>
      ，已有账号的{" "}
      <Link href={`/login?callbackUrl=${encodeURIComponent(href)}`} className="inline-flex min-h-11 items-center">
        登录
      </Link>
      。
    </p>
  );
}
