"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

// The wall display re-reads its figures every minute (router.refresh re-renders the server page
// without a reload, so the charts keep their place). Content that updates by itself must be
// pausable (WCAG 2.2.2), hence the button — visible, large, first in the tab order of the wall.

export function AutoRefresh({ seconds = 60, updatedAt }: { seconds?: number; updatedAt: string }) {
  const router = useRouter();
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (paused) return;
    const timer = window.setInterval(() => router.refresh(), seconds * 1000);
    return () => window.clearInterval(timer);
  }, [paused, seconds, router]);

  return (
    <div className="flex flex-wrap items-center gap-4">
      <p className="text-xl text-slate-200">
        数据更新于 <time>{updatedAt}</time>
        {paused ? "（自动刷新已暂停）" : `（每 ${seconds} 秒自动刷新）`}
      </p>
      <button
        type="button"
        onClick={() => setPaused((p) => !p)}
        className="min-h-11 rounded-md border-2 border-slate-200 px-5 text-xl font-medium text-white hover:bg-slate-800 focus-visible:outline-sky-300"
      >
        {paused ? "恢复自动刷新" : "暂停自动刷新"}
      </button>
    </div>
  );
}
