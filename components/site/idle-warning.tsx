"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { keepSessionAliveAction, signOutAction } from "@/app/actions";
import { Button } from "@/components/ui/button";

// WCAG 2.2.1 (Timing Adjustable): before the server ends an idle session, warn and let the user
// extend it with one press. The server is the authority (lib/auth/sessions.ts); this component only
// mirrors its clock. Activity is what reaches the server: a navigation, a submitted form (server
// actions), and the 继续使用 button — shared between tabs, so work in one tab keeps the others alive.

/** the warning opens this long before the end */
const WARN_MS = 2 * 60_000;
/**
 * The server writes lastSeenAt at most once a minute (TOUCH_INTERVAL_MS), so its idea of the last
 * activity can be up to a minute older than ours: end a minute early rather than a moment late.
 */
const SERVER_LAG_MS = 60_000;
const CHANNEL = "portal-session-activity";

type Props = { idleSeconds: number; expiresAt: string };

export function IdleWarning({ idleSeconds, expiresAt }: Props) {
  const pathname = usePathname();
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const channel = useRef<BroadcastChannel | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const ending = useRef(false);
  const [now, setNow] = useState(() => Date.now());
  const [dismissedLifetime, setDismissedLifetime] = useState(false);
  const [busy, setBusy] = useState(false);

  const markActive = useCallback((at = Date.now(), share = true) => {
    setLastActivity((last) => Math.max(last, at));
    if (share) channel.current?.postMessage(at);
    setNow(Date.now());
  }, []);

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const c = new BroadcastChannel(CHANNEL);
    c.onmessage = (e: MessageEvent<number>) => markActive(e.data, false);
    channel.current = c;
    return () => c.close();
  }, [markActive]);

  // every navigation is a request the server counted
  useEffect(() => markActive(), [pathname, markActive]);

  useEffect(() => {
    const onSubmit = () => markActive();
    document.addEventListener("submit", onSubmit, true);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      document.removeEventListener("submit", onSubmit, true);
      clearInterval(tick);
    };
  }, [markActive]);

  const idleEnd = lastActivity + idleSeconds * 1000 - SERVER_LAG_MS;
  const lifetimeEnd = new Date(expiresAt).getTime();
  const byLifetime = lifetimeEnd <= idleEnd;
  const remaining = Math.min(idleEnd, lifetimeEnd) - now;
  const open = remaining <= WARN_MS && !(byLifetime && dismissedLifetime);

  /** Signs out through the ordinary door; "idle" / "expired" tell the sign-in page why. */
  const endSession = useCallback((reason: "idle" | "expired" | "user") => {
    if (ending.current) return;
    ending.current = true;
    const form = new FormData();
    if (reason !== "user") form.set("reason", reason);
    void signOutAction(form);
  }, []);

  useEffect(() => {
    if (remaining <= 0) endSession(byLifetime ? "expired" : "idle");
  }, [remaining, byLifetime, endSession]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  async function keepGoing() {
    setBusy(true);
    const result = await keepSessionAliveAction(null).catch(() => null);
    setBusy(false);
    if (result?.ok) markActive();
    else window.location.assign("/login?reason=idle");
  }

  const seconds = Math.max(0, Math.ceil(remaining / 1000));
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-text"
      // Escape means "I am here": the same as 继续使用 (or closing the lifetime notice).
      onCancel={(event) => {
        event.preventDefault();
        if (byLifetime) setDismissedLifetime(true);
        else void keepGoing();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/60"
    >
      {open ? (
        <>
          <h2 id="idle-warning-title" className="text-xl font-bold">
            {byLifetime ? "登录即将到期" : "即将自动退出"}
          </h2>
          <p id="idle-warning-text" className="mt-3 text-lg">
            {byLifetime
              ? `本次登录已接近最长时限，将在 ${seconds} 秒后自动退出。请保存正在填写的内容，然后重新登录。`
              : `您已长时间未操作，将在 ${seconds} 秒后自动退出。`}
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            {byLifetime ? (
              <Button onClick={() => setDismissedLifetime(true)}>知道了</Button>
            ) : (
              <Button onClick={keepGoing} disabled={busy} aria-busy={busy || undefined}>
                继续使用
              </Button>
            )}
            <Button variant="secondary" onClick={() => endSession("user")}>
              立即退出
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
