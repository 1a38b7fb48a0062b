import { describe, expect, it } from "vitest";
import { createSniffer, SAMPLE_BYTES, sanitizeFileName, sniff } from "./sniff";

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

describe("sniffing while the bytes stream past", () => {
  async function inChunks(bytes: Uint8Array, name: string, size: number) {
    const s = createSniffer(name);
    for (let i = 0; i < bytes.byteLength; i += size) {
      const step = await s.push(bytes.subarray(i, i + size));
      if (step.refused) return { refusedAt: i, kind: null };
    }
    return { refusedAt: null, kind: (await s.end()).kind };
  }

  it("decides the same kind whatever the chunking, a multi-byte character cut in two included", async () => {
    const samples: [string, Uint8Array][] = [
      ["auth.log", enc("Mar 14 02:13:07 bastion-01 sshd: Failed password for ‘root’ — é ü 日本\n".repeat(3000))],
      ["counts", enc("ip,count\n" + "203.0.113.47,10\n".repeat(9000))],
      ["x", enc(JSON.stringify({ rows: Array.from({ length: 5000 }, (_, i) => ({ i, note: "ünïcode" })) }))],
      ["shot.txt", PNG],
    ];
    for (const [name, bytes] of samples) {
      const whole = await sniff(bytes, name);
      expect(whole).not.toBeNull();
      for (const size of [1, 7, 4096, 65_536, 1 << 20]) expect((await inChunks(bytes, name, size)).kind).toEqual(whole);
    }
  });

  it("refuses an executable as soon as its first sample is in, without reading the rest", async () => {
    const exe = new Uint8Array(10 * SAMPLE_BYTES);
    exe.set(ELF);
    const r = await inChunks(exe, "notes.txt", SAMPLE_BYTES);
    expect(r.refusedAt).toBe(0);
  });

  it("refuses a text file at the chunk where a NUL or invalid UTF-8 appears", async () => {
    const text = enc("a perfectly ordinary log line\n".repeat(20_000));
    const withNul = Uint8Array.from(text);
    withNul[400_000] = 0;
    expect((await inChunks(withNul, "a.log", 65_536)).refusedAt).toBe(393_216);
    const badUtf8 = Uint8Array.from(text);
    badUtf8[300_000] = 0xff;
    expect((await inChunks(badUtf8, "a.log", 65_536)).refusedAt).toBe(262_144);
  });

  it("tells text from binary by the whole file: control characters past the first sample still count", async () => {
    const head = enc("header line\n".repeat(6000));
    const noisy = new Uint8Array(head.byteLength * 2);
    noisy.set(head);
    noisy.fill(0x01, head.byteLength);
    expect((await inChunks(noisy, "a.txt", 65_536)).kind).toBeNull();
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
