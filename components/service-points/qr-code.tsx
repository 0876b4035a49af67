import { qrSvg } from "@/lib/qr/svg";
import { cn } from "@/components/ui/cn";

/**
 * A QR code drawn on the server (lib/qr/svg.ts). The markup is our own SVG for our own URL, so
 * inserting it is safe; it carries its accessible name itself (role="img", aria-label, <title>).
 */
export async function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const svg = await qrSvg(value, label);
  return <div className={cn("[&>svg]:block [&>svg]:h-auto [&>svg]:w-full", className)} dangerouslySetInnerHTML={{ __html: svg }} />;
}
