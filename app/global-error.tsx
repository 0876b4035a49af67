"use client";

import { ErrorNotice } from "@/components/site/error-notice";
import "./globals.css";

// When the root layout itself fails (its header reads the signed-in user from the database), this
// replaces the whole document: it brings its own <html> and <body>.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-dvh flex-col">
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-8">
          <ErrorNotice error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
