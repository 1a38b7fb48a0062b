import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import type { EvidenceStore } from "./index";

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** Files under <dir>/sha256/ab/<hash>: the key is derived from content only, never from a name. */
export function localStore(dir: string): EvidenceStore {
  const root = path.resolve(dir);
  const fullPath = (key: string) => {
    if (!KEY.test(key)) throw new Error("invalid storage key");
    return path.join(root, key);
  };
  return {
    name: "local",
    async put({ sha256, bytes }) {
      const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256}`;
      const target = fullPath(storageKey);
      try {
        await fs.promises.access(target);
        return { storageKey, created: false };
      } catch {
        // not there yet
      }
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // Write then rename: a crash never leaves a half-written file under the final name.
      const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      await fs.promises.writeFile(tmp, bytes, { flag: "wx" });
      await fs.promises.rename(tmp, target);
      return { storageKey, created: true };
    },
    async get(storageKey) {
      const p = fullPath(storageKey);
      try {
        await fs.promises.access(p);
      } catch {
        return null;
      }
      return Readable.toWeb(fs.createReadStream(p)) as ReadableStream<Uint8Array>;
    },
    async remove(storageKey) {
      await fs.promises.rm(fullPath(storageKey), { force: true });
    },
  };
}
