import { describe, expect, it } from "vitest";
import { sanitizeFileName, sniff } from "./sniff";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const ELF = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0]);
const MZ = new TextEncoder().encode("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00");
const enc = (s: string) => new TextEncoder().encode(s);

describe("evidence sniffing", () => {
  it("recognises images, PDF, pcap and zip by their bytes", async () => {
    expect(await sniff(PNG, "x.txt")).toMatchObject({ kind: "image", contentType: "image/png" });
    expect(await sniff(enc("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "a")).toMatchObject({ kind: "pdf" });
    expect(await sniff(Uint8Array.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0]), "c")).toMatchObject({ kind: "pcap" });
    expect(await sniff(Uint8Array.from([0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0]), "c.pcapng")).toMatchObject({ kind: "pcap", ext: "pcapng" });
  });

  it("recognises text, logs, CSV and JSON, which have no magic bytes", async () => {
    expect(await sniff(enc("Mar 14 02:13:07 bastion-01 sshd: Failed password\n"), "auth.log")).toMatchObject({ kind: "text", contentType: "text/plain; charset=utf-8", ext: "log" });
    expect(await sniff(enc("ip,count\n203.0.113.47,10\n10.20.4.31,1\n"), "counts")).toMatchObject({ kind: "csv" });
    expect(await sniff(enc('{"ip": "203.0.113.47"}'), "x")).toMatchObject({ kind: "json", contentType: "application/json" });
  });

  it("refuses executables whatever their name says", async () => {
    expect(await sniff(ELF, "screenshot.png")).toBeNull();
    expect(await sniff(MZ, "screenshot.png")).toBeNull();
    expect(await sniff(Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 0, 255, 254]), "notes.txt")).toBeNull();
    expect(await sniff(new Uint8Array(), "empty.txt")).toBeNull();
  });

  it("never serves HTML as HTML: it is stored as plain text", async () => {
    expect((await sniff(enc("<html><script>alert(1)</script></html>"), "x.html"))!.contentType).toBe("text/plain; charset=utf-8");
  });
});

describe("file names", () => {
  it("strips directories and path traversal", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("..\\..\\windows\\win.ini")).toBe("win.ini");
    expect(sanitizeFileName("/abs/path/report.pdf")).toBe("report.pdf");
  });
  it("removes control and special characters and leading dots", () => {
    expect(sanitizeFileName(".bashrc")).toBe("bashrc");
    expect(sanitizeFileName('a"b<c>\n;d.txt')).toBe("a_b_c__d.txt");
    expect(sanitizeFileName("..")).toBe("evidence.bin");
    expect(sanitizeFileName("", "png")).toBe("evidence.png");
  });
  it("keeps ordinary names and limits length", () => {
    expect(sanitizeFileName("uniq count (1).png")).toBe("uniq count (1).png");
    expect(sanitizeFileName(`${"a".repeat(300)}.log`)).toHaveLength(120);
  });
});
