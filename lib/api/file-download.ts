/** A use case result that the API door sends as a file instead of JSON. */
export class FileDownload {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
    readonly fileName: string,
  ) {}

  toResponse(): Response {
    return new Response(Buffer.from(this.bytes), {
      headers: {
        "content-type": this.contentType,
        "content-length": String(this.bytes.length),
        // RFC 5987 for the Chinese file name; inline so images and PDFs open in the browser.
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(this.fileName)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  }
}
