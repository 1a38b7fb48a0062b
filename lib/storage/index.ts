import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { localStore } from "./local";
import { logFailure } from "@/lib/log";
import { uploadthingStore } from "./uploadthing";
import { s3Store } from "./s3";

// Evidence storage behind one interface: a local directory by default, uploadthing when
// UPLOADTHING_TOKEN is set, an S3-compatible bucket when SORTIE_S3_BUCKET is set (chosen at request
// time). Files are stored under a content-hash key.

export interface EvidenceStore {
  readonly name: "local" | "uploadthing" | "s3";
  /**
   * Where uploads are staged before `put` (see ./staging.ts): beside the files for the local store,
   * so that putting one is a hard link rather than a copy; the system's temporary directory otherwise.
   */
  readonly staging: string;
  /**
   * Stores the staged file at `path` (streamed from disk, never read whole into memory) and leaves
   * that file where it is: whoever staged it removes it. `created` is false when identical content
   * was already there (nothing to clean up).
   */
  put(file: { sha256: string; path: string; size: number; name: string; contentType: string }): Promise<{ storageKey: string; created: boolean }>;
  /** A stream of the stored bytes, or null when missing. */
  get(storageKey: string): Promise<ReadableStream<Uint8Array> | null>;
  remove(storageKey: string): Promise<void>;
}

let s3Cached: EvidenceStore | undefined;

export function evidenceStore(): EvidenceStore {
  const e = env();
  if (e.UPLOADTHING_TOKEN) return uploadthingStore(e.UPLOADTHING_TOKEN);
  if (e.SORTIE_S3_BUCKET) {
    // One client (and its connection pool) per process, not one per request.
    return (s3Cached ??= s3Store({
      bucket: e.SORTIE_S3_BUCKET,
      region: e.SORTIE_S3_REGION,
      endpoint: e.SORTIE_S3_ENDPOINT,
      accessKeyId: e.SORTIE_S3_ACCESS_KEY_ID,
      secretAccessKey: e.SORTIE_S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.SORTIE_S3_FORCE_PATH_STYLE,
    }));
  }
  return localStore(e.uploadDir);
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A file checked and staged on disk, ready to be stored: its hash and kind come from its bytes. */
export interface PreparedFile {
  name: string;
  /** The staged copy (a temporary file; see ./staging.ts). */
  path: string;
  size: number;
  contentType: string;
  kind: string;
  sha256: string;
}

export interface PersistedFile extends PreparedFile {
  storageKey: string;
}

/**
 * Writes every file before any database row exists. If one write fails, the files written so far
 * are removed and the error is rethrown. `discard()` removes what this call created: the caller
 * runs it when the transaction inserting the rows fails, so no file outlives a missing row.
 */
export async function persistEvidence(files: PreparedFile[], store: EvidenceStore = evidenceStore()) {
  const created: string[] = [];
  const out: PersistedFile[] = [];
  const discard = async () => {
    await Promise.all(created.map((k) => store.remove(k).catch((e) => logFailure("removing a stored file", e))));
  };
  try {
    for (const f of files) {
      const r = await store.put({ sha256: f.sha256, path: f.path, size: f.size, name: f.name, contentType: f.contentType });
      if (r.created) created.push(r.storageKey);
      out.push({ ...f, storageKey: r.storageKey });
    }
  } catch (e) {
    await discard();
    throw e;
  }
  return { files: out, discard };
}
