"use client";

import { ErrorNotice } from "@/components/site/error-notice";

// A page whose server render failed (during a database outage: every page that reads data) shows
// this inside the site's header and footer instead of Next's bare error screen.
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} />;
}
