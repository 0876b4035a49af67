import Link from "next/link";
import { sessionActor } from "@/lib/api/request";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { signOutAction } from "@/app/actions";
import { buttonClassName } from "@/components/ui/button";
import { NavLinks } from "@/components/site/nav-links";
import { HOTLINE } from "@/components/site/hotline";
import { ElderModeToggle } from "@/components/accessibility/elder-mode-toggle";
import { ReadAloud } from "@/components/accessibility/read-aloud";
import { IdleWarning } from "@/components/site/idle-warning";

/**
 * Site header: read on the server, so the signed-in name is in the first HTML (no flash).
 * The strip on top is the one government sites use for 适老化 tools: the 12348 hotline (on every
 * page, phones included), the 关怀模式 switch and 朗读.
 */
export async function SiteHeader({ elder }: { elder: boolean }) {
  const actor = await sessionActor();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="border-b border-slate-200 bg-slate-50">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-1">
          <a
            href={`tel:${HOTLINE}`}
            className="inline-flex min-h-11 items-center gap-2 text-slate-800 no-underline hover:text-primary elder:rounded-md elder:border-2 elder:border-primary elder:bg-white elder:px-3"
          >
            法律服务热线
            <strong className="text-xl text-primary elder:text-2xl">{HOTLINE}</strong>
          </a>
          <div className="flex flex-wrap items-center gap-2">
            <ElderModeToggle on={elder} />
            <ReadAloud />
          </div>
        </div>
      </div>
      <div className="mx-auto max-w-5xl px-4">
        <div className="py-2">
          <Link href="/" className="inline-flex min-h-11 items-center text-lg font-bold text-primary no-underline sm:text-xl">
            云岭市公共法律服务网
          </Link>
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
              <Link href="/account/security" className={buttonClassName({ variant: "ghost" })}>
                账号安全
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
      {actor?.session ? (
        // keyed by the session: a new sign-in starts a fresh clock
        <IdleWarning key={actor.session.expiresAt.getTime()} idleSeconds={actor.session.idleSeconds} expiresAt={actor.session.expiresAt.toISOString()} />
      ) : null}
    </header>
  );
}
