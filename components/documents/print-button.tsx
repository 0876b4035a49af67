"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (save as PDF or print on A4); hidden on the printed page. */
export function PrintButton({ label = "打印" }: { label?: string }) {
  return (
    <Button type="button" className="no-print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
