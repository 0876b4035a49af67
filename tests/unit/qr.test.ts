import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrSvg, QR_OPTIONS } from "@/lib/qr/svg";
import { publicBaseUrl, requestOrigin, servicePointQrUrl } from "@/lib/qr/public-url";

// The poster's code must carry exactly the point's URL. Without a camera-grade decoder, the test
// reads the drawn SVG back into its module grid and compares it with the grid the encoder builds
// for that URL — so a code drawn for another text, with another error-correction level or cropped
// by the accessibility attributes we add, fails here.

/** Dark modules drawn by the `qrcode` SVG path ("M x y" starts a row, "h n" draws n, "m dx dy" skips). */
function modulesFromSvg(svg: string): { size: number; dark: Set<string> } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  if (!viewBox) throw new Error("no viewBox");
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1];
  if (!d) throw new Error("no module path");
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([MmHh])(-?[\d.]+)(?:[ ,](-?[\d.]+))?/g)) {
    const n = Number(a);
    if (cmd === "M") [x, y] = [n, Number(b) - 0.5];
    else if (cmd === "m") [x, y] = [x + n, y + Number(b)];
    else if (cmd === "h") {
      for (let i = 0; i < n; i++) dark.add(`${x + i},${y}`);
      x += n;
    } else throw new Error(`unexpected ${cmd}`);
  }
  return { size: Number(viewBox[1]), dark };
}

describe("service-point QR code", () => {
  const url = servicePointQrUrl("https://gf.yunling.gov.cn", 202);

  it("encodes the page URL, byte for byte, at error-correction level M", () => {
    const qr = QRCode.create(url, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
    expect(qr.errorCorrectionLevel).toEqual(QRCode.create("x", { errorCorrectionLevel: "M" }).errorCorrectionLevel);
    const bytes = qr.segments.flatMap((s) => Array.from(s.data as unknown as Uint8Array));
    expect(Buffer.from(bytes).toString("utf8")).toBe("https://gf.yunling.gov.cn/service-points/202?from=qr");
  });

  it("draws exactly the encoder's module grid, with a quiet zone, named for screen readers", async () => {
    const svg = await qrSvg(url, "扫码打开本网点页面");
    const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
    const n = qr.modules.size;
    const margin = QR_OPTIONS.margin;
    expect(svg).toContain(`viewBox="0 0 ${n + 2 * margin} ${n + 2 * margin}"`);
    expect(svg).toMatch(/^<svg role="img" aria-label="扫码打开本网点页面" focusable="false" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain("<title>扫码打开本网点页面</title>");
    expect(svg).toContain("<path");

    const drawn = modulesFromSvg(svg);
    const expected = new Set<string>();
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) if (qr.modules.get(row, col)) expected.add(`${col + margin},${row + margin}`);
    }
    expect(drawn.dark.size).toBe(expected.size);
    expect([...drawn.dark].filter((m) => !expected.has(m))).toEqual([]);

    // and it is not the grid of a different page
    const other = modulesFromSvg(await qrSvg(servicePointQrUrl("https://gf.yunling.gov.cn", 203), "x"));
    expect([...other.dark].filter((m) => !expected.has(m)).length).toBeGreaterThan(0);
  });

  it("escapes the label so it cannot break out of the attribute", async () => {
    const svg = await qrSvg("https://example.org/", '"><script>alert(1)</script>');
    expect(svg).not.toContain("<script>");
    expect(svg).toContain('aria-label="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
  });
});

describe("the address a QR code points at", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("prefers PUBLIC_BASE_URL, then the request's origin, then the fallback, without a trailing slash", () => {
    expect(publicBaseUrl({ configured: "https://gf.yunling.gov.cn/", requestOrigin: "http://10.0.0.5:3000", fallback: "http://localhost:3000" })).toBe("https://gf.yunling.gov.cn");
    expect(publicBaseUrl({ configured: null, requestOrigin: "http://10.0.0.5:3000", fallback: "http://localhost:3000" })).toBe("http://10.0.0.5:3000");
    expect(publicBaseUrl({ configured: null, requestOrigin: null, fallback: "http://localhost:3000" })).toBe("http://localhost:3000");
    expect(servicePointQrUrl("https://a.example/", 7)).toBe("https://a.example/service-points/7?from=qr");
  });

  it("reads the origin from proxy headers first, and ignores malformed hosts", () => {
    expect(requestOrigin(headers({ host: "127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(headers({ host: "internal:3000", "x-forwarded-host": "gf.yunling.gov.cn", "x-forwarded-proto": "https" }))).toBe("https://gf.yunling.gov.cn");
    expect(requestOrigin(headers({ host: "evil.example/path?x=" }))).toBeNull();
    expect(requestOrigin(headers({ host: "a.example", "x-forwarded-proto": "javascript" }))).toBe("http://a.example");
    expect(requestOrigin(headers({}))).toBeNull();
  });
});
