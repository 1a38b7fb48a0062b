import { fileTypeFromBuffer } from "file-type";
import type { EVIDENCE_KINDS } from "@/lib/content/schemas";

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

/** Valid UTF-8 with no NUL and few control characters: a log, a note, CSV or JSON. */
export function looksLikeText(b: Uint8Array): string | null {
  if (b.length === 0) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return null;
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return null;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control / text.length < 0.01 ? text : null;
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

/** The evidence kind of some bytes, or null when they are not an allowed kind (executables, office files, …). */
export async function sniff(bytes: Uint8Array, name = ""): Promise<Sniffed | null> {
  if (isPcapng(bytes)) return { kind: "pcap", contentType: "application/x-pcapng", ext: "pcapng" };
  const ft = await fileTypeFromBuffer(bytes);
  if (ft) return BINARY[ft.ext] ?? null;
  const text = looksLikeText(bytes);
  if (text === null) return null;
  const trimmed = text.trim();
  if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && isJson(trimmed)) return { kind: "json", contentType: "application/json", ext: "json" };
  if (/\.csv$/i.test(name) || looksLikeCsv(text)) return { kind: "csv", contentType: "text/csv; charset=utf-8", ext: "csv" };
  return { kind: "text", contentType: "text/plain; charset=utf-8", ext: /\.log$/i.test(name) ? "log" : "txt" };
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
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
