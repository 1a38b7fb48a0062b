import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import fs from "node:fs";
import { createHash } from "node:crypto";
import { persistEvidence, type EvidenceStore, type PreparedFile } from "./index";
import { localStore } from "./local";
import { s3Store } from "./s3";
import { stageBytes, stagePath } from "./staging";

// One contract for every evidence store. The S3 store runs against a real S3-compatible HTTP server
// on localhost (moto's server, from PyPI: `pip install "moto[server]"`, installed by .ci/run).

const file = (text: string): PreparedFile => stageBytes({ name: "notes.txt", bytes: new TextEncoder().encode(text), contentType: "text/plain", kind: "text" });
const read = async (s: ReadableStream<Uint8Array> | null) => (s ? Buffer.from(await new Response(s).arrayBuffer()).toString("utf8") : null);

/** A staged file of `mb` MiB written in 1 MiB pieces (never whole in memory), with its SHA-256. */
async function bigStaged(dir: string, mb: number): Promise<PreparedFile> {
  const p = await stagePath(dir);
  const hash = createHash("sha256");
  const out = fs.createWriteStream(p);
  for (let i = 0; i < mb; i++) {
    const piece = Buffer.alloc(1024 * 1024, `line ${i} of a large log ${randomBytes(4).toString("hex")}\n`);
    hash.update(piece);
    if (!out.write(piece)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r, j) => {
    out.on("error", j);
    out.end(() => r());
  });
  return { name: "big.log", path: p, size: mb * 1024 * 1024, contentType: "text/plain", kind: "text", sha256: hash.digest("hex") };
}

/** The SHA-256 and length of a stream, read piece by piece. */
async function digest(s: ReadableStream<Uint8Array> | null) {
  if (!s) return null;
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of s as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: hash.digest("hex"), size };
}

function contract(name: string, make: () => EvidenceStore) {
  describe(`${name} evidence store`, () => {
    it("stores bytes under their SHA-256 key and gives the same bytes back", async () => {
      const store = make();
      const f = file(`evidence ${randomBytes(8).toString("hex")}`);
      const r = await store.put(f);
      expect(r).toEqual({ storageKey: `sha256/${f.sha256.slice(0, 2)}/${f.sha256}`, created: true });
      expect(await read(await store.get(r.storageKey))).toBe(fs.readFileSync(f.path, "utf8"));
    });

    it("streams a large staged file from disk under its SHA-256 and leaves the staged file to its owner", async () => {
      const store = make();
      const big = await bigStaged(store.staging, 40);
      const r = await store.put(big);
      expect(r).toEqual({ storageKey: `sha256/${big.sha256.slice(0, 2)}/${big.sha256}`, created: true });
      expect(fs.existsSync(big.path)).toBe(true);
      expect(await digest(await store.get(r.storageKey))).toEqual({ sha256: big.sha256, size: big.size });
      fs.rmSync(big.path);
      await store.remove(r.storageKey);
    }, 60_000);

    it("stores identical content once: the second put creates nothing to clean up", async () => {
      const store = make();
      const f = file(`twice ${randomBytes(8).toString("hex")}`);
      expect((await store.put(f)).created).toBe(true);
      expect(await store.put({ ...f, name: "other-name.txt" })).toEqual({ storageKey: `sha256/${f.sha256.slice(0, 2)}/${f.sha256}`, created: false });
    });

    it("answers null for a missing file and after removal", async () => {
      const store = make();
      const f = file(`gone ${randomBytes(8).toString("hex")}`);
      expect(await store.get(`sha256/${f.sha256.slice(0, 2)}/${f.sha256}`)).toBeNull();
      const { storageKey } = await store.put(f);
      await store.remove(storageKey);
      expect(await store.get(storageKey)).toBeNull();
    });

    it("refuses keys that are not content hashes (no path tricks)", async () => {
      const store = make();
      await expect(store.get("../../etc/passwd")).rejects.toThrow(/invalid storage key/);
      await expect(store.remove("sha256/zz/not-a-hash")).rejects.toThrow(/invalid storage key/);
    });

    it("leaves no file behind when a later file of the same upload fails", async () => {
      const store = make();
      const ok = file(`first ${randomBytes(8).toString("hex")}`);
      let calls = 0;
      const failing: EvidenceStore = { ...store, name: store.name, put: (f) => (++calls === 2 ? Promise.reject(new Error("disk full")) : store.put(f)) };
      await expect(persistEvidence([ok, file(`second ${randomBytes(8).toString("hex")}`)], failing)).rejects.toThrow("disk full");
      expect(await store.get(`sha256/${ok.sha256.slice(0, 2)}/${ok.sha256}`)).toBeNull();
    });
  });
}

contract("local", () => localStore(path.join(os.tmpdir(), `sortie-store-${process.pid}`)));

const moto = spawnSync("sh", ["-c", "command -v moto_server"], { encoding: "utf8" }).stdout.trim();
if (!moto) console.warn("[stores] moto_server not found: the S3 store's contract tests did not run (pip install 'moto[server]')");
if (moto) {
  let server: ChildProcess;
  let endpoint = "";
  const bucket = "sortie-evidence";
  const settings = () => ({ bucket, region: "us-east-1", endpoint, accessKeyId: "test", secretAccessKey: "test", forcePathStyle: true });

  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    endpoint = `http://127.0.0.1:${port}`;
    server = spawn(moto, ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
    const client = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    for (let i = 0; ; i++) {
      try {
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
        break;
      } catch (e) {
        if (i > 100) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }, 60_000);
  afterAll(() => {
    server?.kill("SIGTERM");
  });

  contract("S3-compatible (moto server)", () => s3Store(settings()));
}
