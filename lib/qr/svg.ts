import QRCode from "qrcode";

// QR codes are drawn on the server as inline SVG from the `qrcode` package: no image service, no
// network, and the printed code is vector (sharp at any poster size).

/** Error correction M (15 %): survives a poster's scuffs and a fold without growing the code much. */
export const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The code for `text` as an SVG string, named for assistive technology: role="img" with
 * aria-label and a <title> (the SVG's own text alternative), so it reads the same in the page
 * and when the SVG is saved on its own.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", ...QR_OPTIONS });
  const name = escapeXml(label);
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${name}" focusable="false" `).replace(/^(<svg[^>]*>)/, `$1<title>${name}</title>`);
}
