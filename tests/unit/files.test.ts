import { describe, expect, it } from "vitest";
import { cleanFileName, sniffFile } from "@/lib/files/sniff";
import { scanFile, splitCommand, SCAN_UNAVAILABLE } from "@/lib/files/scan";

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

// Assembled from halves so this test file is not itself flagged by a scanner on a developer's machine.
const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
const png = (tail = "") => new Uint8Array([...PNG_HEADER, ...new TextEncoder().encode(tail)]);
const builtinOnly = { command: "" };

describe("virus scan", () => {
  it("passes a clean file and finds the EICAR test signature anywhere in the bytes, also inside a real PNG", async () => {
    expect(EICAR).toHaveLength(68);
    expect(await scanFile(png(), "a.png", builtinOnly)).toEqual({ clean: true });
    expect(await scanFile(png(`padding ${EICAR} more`), "欠条.png", builtinOnly)).toEqual({ clean: false, threat: "EICAR-Test-File" });
    expect(await scanFile(new TextEncoder().encode(EICAR), "eicar.com", builtinOnly)).toMatchObject({ clean: false });
    // one byte changed is not the signature
    expect(await scanFile(png(EICAR.replace("EICAR", "EICAT")), "a.png", builtinOnly)).toEqual({ clean: true });
    // the built-in check runs first, whatever the external scanner would say
    expect(await scanFile(png(EICAR), "a.png", { command: "true" })).toMatchObject({ clean: false });
  });

  it("asks the external scanner: exit 0 clean, 1 infected (with the name it printed)", async () => {
    expect(await scanFile(png(), "a.png", { command: "true" })).toEqual({ clean: true });
    expect(await scanFile(png(), "a.png", { command: "false" })).toEqual({ clean: false, threat: "malware" });
    expect(await scanFile(png(), "a.png", { command: `sh -c 'echo "stream: Win.Test.Sample-1 FOUND"; exit 1'` })).toEqual({ clean: false, threat: "Win.Test.Sample-1" });
  });

  it("gives the scanner the file on stdin", async () => {
    const readsStdin = `node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.exit(s.includes('BAD-MARKER')?1:0))"`;
    expect(await scanFile(png("harmless"), "a.png", { command: readsStdin })).toEqual({ clean: true });
    expect(await scanFile(png("BAD-MARKER"), "a.png", { command: readsStdin })).toMatchObject({ clean: false });
  });

  it("refuses the upload when the scanner fails, is missing or does not answer in time", async () => {
    const refused = { code: "RULE_VIOLATION", message: SCAN_UNAVAILABLE };
    expect(SCAN_UNAVAILABLE).toBe("暂时无法检查文件安全，请稍后再试");
    await expect(scanFile(png(), "a.png", { command: "sh -c 'exit 2'" })).rejects.toMatchObject(refused);
    await expect(scanFile(png(), "a.png", { command: "/nonexistent/clamdscan -" })).rejects.toMatchObject(refused);
    await expect(scanFile(png(), "a.png", { command: "sleep 5", timeoutMs: 200 })).rejects.toMatchObject(refused);
    await expect(scanFile(png(), "a.png", { command: "sh -c 'kill -9 $$'" })).rejects.toMatchObject(refused);
    await expect(scanFile(png(), "a.png", { command: "clamdscan 'unbalanced" })).rejects.toMatchObject(refused);
  });

  it("splits the command into argv without a shell: quotes group words, metacharacters stay literal", () => {
    expect(splitCommand("clamdscan --no-summary -")).toEqual(["clamdscan", "--no-summary", "-"]);
    expect(splitCommand(`  scan  --config "/etc/my scanner.conf" 'a b'  `)).toEqual(["scan", "--config", "/etc/my scanner.conf", "a b"]);
    expect(splitCommand("scan; rm -rf / && $(reboot) | cat")).toEqual(["scan;", "rm", "-rf", "/", "&&", "$(reboot)", "|", "cat"]);
    expect(splitCommand(`scan ""`)).toEqual(["scan", ""]);
  });
});
