import "server-only";
import type { EvidenceRow } from "@/lib/db/queries/attempts";
import { evidenceStore, type EvidenceStore } from "@/lib/storage";
import type { AnchorJson } from "./anchors";

// Where each anchored remark sits, for the learner's completion page: the lines it points at (read
// from the stored file, so the learner sees them in place), or the image and the box on it.

const MAX_READ = 512 * 1024;
const CONTEXT = 1;

export interface AnchorPlace {
  anchor: AnchorJson;
  file: { id: string; name: string; content_type: string | null; download_url: string };
  /** For lines: the lines around the anchor, numbered from `first`, with the anchored ones marked. */
  excerpt: { first: number; lines: { n: number; text: string; marked: boolean }[] } | null;
}

export async function readText(store: EvidenceStore, key: string): Promise<string | null> {
  const stream = await store.get(key).catch(() => null);
  if (!stream) return null;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_READ) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks)).slice(0, MAX_READ);
}

export async function anchorPlaces({ anchors, files, missionCode, store = evidenceStore() }: { anchors: AnchorJson[]; files: EvidenceRow[]; missionCode: string; store?: EvidenceStore }): Promise<AnchorPlace[]> {
  const texts = new Map<string, Promise<string | null>>();
  return Promise.all(
    anchors.map(async (anchor) => {
      const f = files.find((e) => e.id === anchor.evidence_id)!;
      const file = { id: f.id, name: f.fileName ?? "file", content_type: f.contentType, download_url: `/api/v1/missions/${missionCode}/evidence/${f.id}` };
      if (anchor.kind !== "lines" || !f.storageKey) return { anchor, file, excerpt: null };
      if (!texts.has(f.storageKey)) texts.set(f.storageKey, readText(store, f.storageKey));
      const text = await texts.get(f.storageKey)!;
      if (text === null) return { anchor, file, excerpt: null };
      const all = text.split(/\r?\n/);
      const from = Math.max(1, anchor.start_line! - CONTEXT);
      const to = Math.min(all.length, anchor.end_line! + CONTEXT);
      const lines = [];
      for (let n = from; n <= to; n++) lines.push({ n, text: all[n - 1] ?? "", marked: n >= anchor.start_line! && n <= anchor.end_line! });
      return { anchor, file, excerpt: lines.length ? { first: from, lines } : null };
    }),
  );
}
