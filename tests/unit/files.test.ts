import { describe, expect, it } from "vitest";
import { cleanFileName, sniffFile } from "@/lib/files/sniff";

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);

describe("file type by content", () => {
  it("recognises JPEG, PNG, WebP and PDF by their signatures", () => {
    expect(sniffFile(bytes(0xff, 0xd8, 0xff, 0xe0))?.contentType).toBe("image/jpeg");
    expect(sniffFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.contentType).toBe("image/png");
    expect(sniffFile(new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]))?.contentType).toBe("image/webp");
    expect(sniffFile(new TextEncoder().encode("%PDF-1.7\n"))?.contentType).toBe("application/pdf");
  });
  it("refuses everything else, whatever the name says", () => {
    expect(sniffFile(new TextEncoder().encode("MZ\x90\x00 this is an exe"))).toBeNull();
    expect(sniffFile(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffFile(new Uint8Array())).toBeNull();
  });
  it("keeps only a safe display name", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\张三\\欠条.jpg")).toBe("欠条.jpg");
    expect(cleanFileName("a\u0000b<>.pdf")).toBe("ab.pdf");
    expect(cleanFileName("")).toBe("附件");
  });
});
