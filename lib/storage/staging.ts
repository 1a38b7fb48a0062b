import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sha256Hex, type PreparedFile } from "./index";

// Uploads stream to a staged file (hashed and sniffed on the way) before any store sees them, so no
// request holds a file in memory. Staged files are temporary: the request that staged them removes
// them whatever happens; a process killed mid-upload leaves some behind, removed by the next process's
// first upload once they are an hour old (sweepStaging).

// One directory per user (mode 0700): on a machine where several accounts run Sortie, a directory
// another account created first would refuse our files, or let that account read them.
export const systemStaging = () => path.join(os.tmpdir(), `sortie-staging-${process.getuid?.() ?? "user"}`);

/** A new, unused path in `dir` (created if needed). */
export async function stagePath(dir: string): Promise<string> {
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, `${Date.now().toString(36)}-${randomBytes(8).toString("hex")}.part`);
}

/** Removes staged files (missing ones are fine: a store may have moved them). Never throws. */
export async function removeStaged(paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => fs.promises.rm(p, { force: true }).catch(() => {})));
}

/**
 * Stages small content made in this process (the demo history, tests) as an upload would be staged.
 * Uploads themselves never go through here: they are streamed by ./upload.ts.
 */
export function stageBytes(file: { name: string; bytes: Uint8Array; contentType: string; kind: string }, dir = systemStaging()): PreparedFile {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const p = path.join(dir, `${Date.now().toString(36)}-${randomBytes(8).toString("hex")}.part`);
  fs.writeFileSync(p, file.bytes, { flag: "wx" });
  return { name: file.name, path: p, size: file.bytes.byteLength, contentType: file.contentType, kind: file.kind, sha256: sha256Hex(file.bytes) };
}

const swept = new Set<string>();

/** Once per process and directory: removes staged files older than `maxAgeMs` (left by a killed process). */
export async function sweepStaging(dir: string, maxAgeMs = 60 * 60 * 1000): Promise<number> {
  if (swept.has(dir)) return 0;
  swept.add(dir);
  let removed = 0;
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const n of names) {
    if (!n.endsWith(".part")) continue;
    const p = path.join(dir, n);
    const st = await fs.promises.stat(p).catch(() => null);
    if (st && Date.now() - st.mtimeMs > maxAgeMs && (await fs.promises.rm(p, { force: true }).then(() => true, () => false))) removed++;
  }
  return removed;
}
