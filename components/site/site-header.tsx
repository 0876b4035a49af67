import Link from "next/link";
import { sessionActor } from "@/lib/api/request";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { signOutAction } from "@/app/actions";
import { buttonClassName } from "@/components/ui/button";
import { NavLinks } from "@/components/site/nav-links";
import { HOTLINE } from "@/components/site/hotline";

/** Site header: read on the server, so the signed-in name is in the first HTML (no flash). */
export async function SiteHeader() {
  const actor = await sessionActor();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl px-4">
        <div className="flex items-center justify-between gap-4 py-2">
          <Link href="/" className="inline-flex min-h-11 items-center text-lg font-bold text-primary no-underline sm:text-xl">
            云岭市公共法律服务网
          </Link>
          <p className="hidden items-center gap-2 text-slate-700 md:flex">
            <span>法律服务热线</span>
            <a href={`tel:${HOTLINE}`} className="text-xl font-bold no-underline">
              {HOTLINE}
            </a>
          </p>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-t border-slate-100 py-1">
          <nav aria-label="主导航">
            <NavLinks />
          </nav>
          {actor ? (
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="text-slate-800">
                {actor.name}
                <span className="ml-1 text-slate-600">（{ROLE_LABELS[actor.role]}）</span>
              </span>
              <Link href="/home" className={buttonClassName({ variant: "ghost" })}>
                我的首页
              </Link>
              <Link href="/notifications" className={buttonClassName({ variant: "ghost" })}>
                我的消息
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={buttonClassName({ variant: "secondary" })}>
                  退出登录
                </button>
              </form>
            </div>
          ) : (
            <div className="flex items-center gap-2">
              <Link href="/login" className={buttonClassName({ variant: "ghost" })}>
                登录
              </Link>
              <Link href="/register" className={buttonClassName({ variant: "primary" })}>
                注册
              </Link>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
