/**
 * The types a download may be labelled with: what uploads are sniffed to (lib/files/sniff.ts) and
 * what exports write. Anything else goes out as application/octet-stream, so no stored label can
 * make a browser treat the bytes as a page (text/html, image/svg+xml).
 */
const SAFE_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv; charset=utf-8",
]);

// RFC 5987 attr-char: encodeURIComponent leaves ' ( ) * unescaped, which the grammar does not allow.
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The quoted `filename` for clients without RFC 5987: printable ASCII only, else a generic name with the extension. */
function asciiFallback(name: string): string {
  if (/^[\x20-\x7e]+$/.test(name) && !/["\\]/.test(name)) return name;
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
  return extension ? `download.${extension}` : "download";
}

/** A use case result that the API door sends as a file instead of JSON. */
export class FileDownload {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
    readonly fileName: string,
    /** the quoted `filename` for clients without RFC 5987 (an export's "indicators-….xlsx"); else derived */
    readonly asciiName?: string,
  ) {}

  /**
   * Always `attachment`: an uploaded file is saved, never rendered in the portal's origin (a
   * crafted PDF or image opened inline runs in the browser's viewer under our address). The
   * Chinese name travels per RFC 5987.
   */
  toResponse(): Response {
    return new Response(Buffer.from(this.bytes), {
      headers: {
        "content-type": SAFE_TYPES.has(this.contentType) ? this.contentType : "application/octet-stream",
        "content-length": String(this.bytes.length),
        "content-disposition": `attachment; filename="${this.asciiName ?? asciiFallback(this.fileName)}"; filename*=UTF-8''${rfc5987(this.fileName)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  }
}
