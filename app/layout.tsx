import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { SiteHeader } from "@/components/site/site-header";
import { SiteFooter } from "@/components/site/site-footer";
import { ELDER_COOKIE, parseElderCookie } from "@/lib/preferences/elder-mode";
import "./globals.css";

// System fonts only (see globals.css): no web-font loader, no remote assets — pages must load
// on slow rural connections and on intranets without access to foreign CDNs.
export const metadata: Metadata = {
  title: { template: "%s｜云岭市公共法律服务网", default: "云岭市公共法律服务网" },
  description: "云岭市司法局公共法律服务网：法律咨询、法律援助、人民调解，查找身边的公共法律服务网点。法律服务热线 12348。",
  formatDetection: { telephone: false },
};

// No maximumScale / userScalable: readers must be able to zoom (WCAG 1.4.4).
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1d4ed8",
};

// 关怀模式 is a class on <html> decided here, on the server, from the cookie: the first byte already
// has the large text, so there is no flash and it works without JavaScript. Reading the cookie makes
// every page dynamic, which they already are (the header reads the session).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const elder = parseElderCookie((await cookies()).get(ELDER_COOKIE)?.value);
  return (
    <html lang="zh-CN" className={elder ? "elder" : undefined}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only rounded-md bg-primary px-4 py-3 text-white no-underline focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 hover:text-white"
        >
          跳到主要内容
        </a>
        <SiteHeader elder={elder} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none sm:py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
