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
    // Beside the files, on the same file system, so that a put is a hard link, not a copy.
    staging: path.join(root, ".staging"),
    async put({ sha256, path: staged }) {
      const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256}`;
      const target = fullPath(storageKey);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // A hard link appears whole under its final name in one step (no half-written file after a
      // crash), copies nothing, and leaves the staged file to the request that staged it.
      // EEXIST: identical content is already stored.
      try {
        await fs.promises.link(staged, target);
        return { storageKey, created: true };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") return { storageKey, created: false };
        if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") throw e;
      }
      // Staged on another file system (or links not allowed): copy, then rename into place.
      try {
        await fs.promises.access(target);
        return { storageKey, created: false };
      } catch {
        // not there yet
      }
      const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await fs.promises.copyFile(staged, tmp, fs.constants.COPYFILE_EXCL);
        await fs.promises.rename(tmp, target);
      } catch (e) {
        await fs.promises.rm(tmp, { force: true });
        throw e;
      }
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
