import { fileTypeFromBuffer } from "file-type";
import type { EVIDENCE_KINDS } from "@/lib/content/schemas";
import { jsonChecker } from "./json-check";

// Evidence types are decided by content, never by the name the browser sent (SPEC §4 "Uploads").
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Sniffed {
  kind: EvidenceKind;
  /** The content type we store and serve: always a safe one, never text/html. */
  contentType: string;
  ext: string;
}

const BINARY: Record<string, Sniffed> = {
  png: { kind: "image", contentType: "image/png", ext: "png" },
  apng: { kind: "image", contentType: "image/png", ext: "png" },
  jpg: { kind: "image", contentType: "image/jpeg", ext: "jpg" },
  gif: { kind: "image", contentType: "image/gif", ext: "gif" },
  webp: { kind: "image", contentType: "image/webp", ext: "webp" },
  pdf: { kind: "pdf", contentType: "application/pdf", ext: "pdf" },
  pcap: { kind: "pcap", contentType: "application/vnd.tcpdump.pcap", ext: "pcap" },
  zip: { kind: "zip", contentType: "application/zip", ext: "zip" },
};

/** pcapng starts with a Section Header Block (0x0A0D0D0A) and a byte-order magic; file-type does not know it. */
function isPcapng(b: Uint8Array): boolean {
  if (b.length < 12 || b[0] !== 0x0a || b[1] !== 0x0d || b[2] !== 0x0d || b[3] !== 0x0a) return false;
  const bom = [b[8], b[9], b[10], b[11]].map((x) => x.toString(16).padStart(2, "0")).join("");
  return bom === "1a2b3c4d" || bom === "4d3c2b1a";
}

// How much of the start of a file decides a binary type (file-type reads magic numbers and, for zip,
// the first entries' names). The rest of the file streams past without being kept.
export const SAMPLE_BYTES = 64 * 1024;

function binaryKind(head: Uint8Array, ft: { ext: string } | undefined): Sniffed | null | undefined {
  if (isPcapng(head)) return { kind: "pcap", contentType: "application/x-pcapng", ext: "pcapng" };
  if (ft) return BINARY[ft.ext] ?? null;
  return undefined; // no magic number: text, or nothing we accept
}

/** What a sniffer says after each chunk: keep going, or refuse now (the rest need not be read). */
export type SniffStep = { refused: false } | { refused: true; why: string };

/**
 * Decides an evidence kind while the bytes stream past, in constant memory: the first SAMPLE_BYTES
 * decide a binary type; a file without a magic number must be text all the way through (valid UTF-8,
 * no NUL, under 1% control characters), then JSON if it is one JSON value, CSV by name or by its
 * first lines, plain text otherwise. Refuses as early as the bytes allow (an executable after its
 * first chunk, a NUL where it appears).
 */
export function createSniffer(name = "") {
  const chunks: Uint8Array[] = [];
  let headBytes = 0;
  let decided: Sniffed | null | undefined; // undefined: not decided yet; text mode once the head is in
  let textMode = false;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let chars = 0;
  let control = 0;
  let firstChar = "";
  let csvHead = "";
  let csvHeadFull = false;
  const json = jsonChecker();
  let refusal: string | null = null;

  const refuse = (why: string): SniffStep => ((refusal ??= why), { refused: true, why: refusal });

  function text(piece: string): SniffStep {
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c === 0) return refuse("it contains NUL bytes");
      if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    }
    chars += piece.length;
    if (!firstChar) {
      const t = piece.trimStart();
      if (t) firstChar = t[0];
    }
    if (firstChar === "{" || firstChar === "[" || !firstChar) json.push(piece);
    if (!csvHeadFull) {
      csvHead += piece.slice(0, SAMPLE_BYTES - csvHead.length);
      csvHeadFull = csvHead.length >= SAMPLE_BYTES;
    }
    return { refused: false };
  }

  function decode(bytes: Uint8Array, last: boolean): SniffStep {
    try {
      return text(decoder.decode(bytes, { stream: !last }));
    } catch {
      return refuse("it is neither text (UTF-8) nor a recognised binary type");
    }
  }

  async function decideHead(last: boolean): Promise<SniffStep> {
    const head = Buffer.concat(chunks);
    chunks.length = 0;
    const kind = binaryKind(head, isPcapng(head) ? undefined : await fileTypeFromBuffer(head));
    if (kind === null) return refuse("its content is not an accepted type");
    if (kind) {
      decided = kind;
      return { refused: false };
    }
    textMode = true;
    return decode(head, last);
  }

  return {
    async push(chunk: Uint8Array): Promise<SniffStep> {
      if (refusal) return { refused: true, why: refusal };
      if (decided) return { refused: false };
      if (textMode) return decode(chunk, false);
      chunks.push(chunk);
      headBytes += chunk.byteLength;
      return headBytes >= SAMPLE_BYTES ? decideHead(false) : { refused: false };
    },
    /** The kind, or null with the reason when the whole file is not an accepted kind. */
    async end(): Promise<{ kind: Sniffed | null; why?: string }> {
      if (!refusal && !decided && !textMode) {
        if (headBytes === 0) refuse("it is empty");
        else await decideHead(true);
      } else if (!refusal && textMode) decode(new Uint8Array(), true);
      if (refusal) return { kind: null, why: refusal };
      if (decided) return { kind: decided };
      if (chars === 0) return { kind: null, why: "it is empty" };
      if (control / chars >= 0.01) return { kind: null, why: "it is binary, not text" };
      if ((firstChar === "{" || firstChar === "[") && json.end()) return { kind: { kind: "json", contentType: "application/json", ext: "json" } };
      // Only whole lines of the first 64 KB: a line cut at the edge would look like a short row.
      const lines = csvHeadFull ? csvHead.slice(0, Math.max(0, csvHead.lastIndexOf("\n"))) : csvHead;
      if (/\.csv$/i.test(name) || looksLikeCsv(lines)) return { kind: { kind: "csv", contentType: "text/csv; charset=utf-8", ext: "csv" } };
      return { kind: { kind: "text", contentType: "text/plain; charset=utf-8", ext: /\.log$/i.test(name) ? "log" : "txt" } };
    },
  };
}

function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 20);
  if (lines.length < 2) return false;
  for (const sep of [",", ";", "\t"]) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    if (counts[0] > 0 && counts.every((c) => c === counts[0])) return true;
  }
  return false;
}

/** The evidence kind of some bytes held in memory, or null when they are not an allowed kind (executables, office files, …). */
export async function sniff(bytes: Uint8Array, name = ""): Promise<Sniffed | null> {
  const s = createSniffer(name);
  for (let i = 0; i < bytes.byteLength; i += SAMPLE_BYTES) if ((await s.push(bytes.subarray(i, i + SAMPLE_BYTES))).refused) break;
  return (await s.end()).kind;
}

/**
 * A file name safe to store and to put in Content-Disposition: no directories, no control or
 * shell-special characters, no leading dots, at most 120 characters.
 */
export function sanitizeFileName(raw: string, fallbackExt = "bin"): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFKC")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[^A-Za-z0-9._() -]/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.\s_-]+/, "")
    .replace(/\s+/g, " ")
    .trim();
  const name = cleaned.slice(-120).replace(/^[.\s]+/, "");
  return name && name !== "." ? name : `evidence.${fallbackExt}`;
}
