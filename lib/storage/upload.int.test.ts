import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { evidence } from "@/lib/db/schema";
import { env } from "@/lib/env";
import * as upload from "@/app/api/v1/missions/[id]/evidence/route";
import { completeFoundations, loadFixtures, makeUser, type TestUser } from "@/test/helpers";
import { startMission } from "@/lib/attempts/start";
import { evidenceStore, type EvidenceStore } from "./index";
import { MAX_FILE_BYTES, withStagedUpload } from "./upload";

// Uploads stream to disk while they are hashed and sniffed (issue 19 item 7: three concurrent
// 10 × 24 MB uploads took the server from 149 MB to 1.8 GB). Bodies here are generated piece by
// piece as the handler reads them, as a browser sends them; none is ever whole in memory.

const BOUNDARY = "----sortie-test-boundary-7MA4YWxkTrZu0gW";
const MB = 1024 * 1024;
type Part = { field: string; value: string } | { field: "files"; name: string; size: number; fill: (i: number) => Buffer };

/** A multipart body produced lazily, 1 MB at a time; `produced()` tells how much the reader has pulled. */
function streamedForm(parts: Part[]) {
  let produced = 0;
  const hashes: string[] = [];
  async function* pieces() {
    for (const p of parts) {
      if (!("size" in p)) {
        yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.field}"\r\n\r\n${p.value}\r\n`);
        continue;
      }
      yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${p.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
      const hash = createHash("sha256");
      for (let at = 0, i = 0; at < p.size; at += MB, i++) {
        const piece = p.fill(i).subarray(0, Math.min(MB, p.size - at));
        hash.update(piece);
        yield piece;
      }
      hashes.push(hash.digest("hex"));
      yield Buffer.from("\r\n");
    }
    yield Buffer.from(`--${BOUNDARY}--\r\n`);
  }
  const it = pieces();
  const body = new ReadableStream<Uint8Array>({
    async pull(c) {
      const r = await it.next();
      if (r.done) return c.close();
      produced += r.value.byteLength;
      c.enqueue(new Uint8Array(r.value));
    },
  });
  return { body, hashes, produced: () => produced };
}

function request(token: string, body: ReadableStream<Uint8Array>) {
  return new Request("http://localhost/api/v1/missions/TEST-01/evidence", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: "half",
  } as RequestInit);
}

async function post(u: TestUser, body: ReadableStream<Uint8Array>) {
  const res = await upload.POST(request(u.token, body), { params: Promise.resolve({ id: "TEST-01" }) });
  return { status: res.status, json: await res.json() };
}

const logLines = (i: number) => Buffer.alloc(MB, `2026-03-14T02:13:${String(i % 60).padStart(2, "0")} sshd[4242]: Failed password for root from 203.0.113.47 port 5${i}\n`);
const staging = () => evidenceStore().staging;
const stagedLeft = () => (fs.existsSync(staging()) ? fs.readdirSync(staging()) : []);
const storedPath = (sha: string) => path.join(env().uploadDir, "sha256", sha.slice(0, 2), sha);
const rowsOf = async (u: TestUser) => db.select().from(evidence).where(eq(evidence.userId, u.id));

async function player() {
  const u = await makeUser("learner");
  await completeFoundations(u.id);
  await startMission({ caller: u, idOrCode: "TEST-01" });
  return u;
}

beforeAll(async () => {
  await loadFixtures();
});

describe("streamed evidence uploads", () => {
  it("stores a large upload streamed from disk with the right SHA-256, and leaves no staged file", async () => {
    const u = await player();
    const salt = randomBytes(4).toString("hex");
    const form = streamedForm([
      { field: "stage", value: "triage" },
      { field: "files", name: "auth.log", size: 24 * MB, fill: (i) => Buffer.concat([Buffer.from(`${salt}\n`), logLines(i)]) },
      { field: "files", name: "second.log", size: 12 * MB + 5, fill: (i) => logLines(i + 100) },
    ]);
    const r = await post(u, form.body);
    expect(r.status).toBe(201);
    expect(r.json.evidence.map((e: { file_name: string; size: number; sha256: string }) => [e.file_name, e.size, e.sha256])).toEqual([
      ["auth.log", 24 * MB, form.hashes[0]],
      ["second.log", 12 * MB + 5, form.hashes[1]],
    ]);
    // The stored bytes hash to what was recorded.
    for (const sha of form.hashes) expect(createHash("sha256").update(fs.readFileSync(storedPath(sha))).digest("hex")).toBe(sha);
    expect(stagedLeft()).toEqual([]);
  }, 120_000);

  it("hands the store a staged file on disk (a path and a size), never bytes, and removes it afterwards", async () => {
    const u = await player();
    const real = evidenceStore();
    const seen: { keys: string[]; existed: boolean; size: number; onDisk: number }[] = [];
    const spy: EvidenceStore = {
      ...real,
      async put(file) {
        seen.push({ keys: Object.keys(file).sort(), existed: fs.existsSync(file.path), size: file.size, onDisk: fs.statSync(file.path).size });
        return real.put(file);
      },
    };
    const form = streamedForm([
      { field: "stage", value: "triage" },
      { field: "files", name: "big.log", size: 8 * MB, fill: (i) => logLines(i + 7) },
    ]);
    const paths: string[] = [];
    const out = await withStagedUpload(
      request(u.token, form.body),
      async (up) => {
        paths.push(...up.files.map((f) => f.path));
        return up.files.map((f) => f.sha256);
      },
      spy,
    );
    expect(out).toEqual(form.hashes);
    expect(paths.every((p) => !fs.existsSync(p))).toBe(true);
    // withStagedUpload does not store by itself: through the route, the store gets the staged path.
    const form2 = streamedForm([
      { field: "stage", value: "triage" },
      { field: "files", name: "big.log", size: 8 * MB, fill: (i) => logLines(i + 9) },
    ]);
    await withStagedUpload(request(u.token, form2.body), async (up, store) => {
      for (const f of up.files) await store.put(f);
    }, spy);
    expect(seen).toEqual([{ keys: ["contentType", "kind", "name", "path", "sha256", "size"], existed: true, size: 8 * MB, onDisk: 8 * MB }]);
  }, 60_000);

  it("refuses a file past 25 MB as its bytes arrive: 413 naming it, no staged file, no row, nothing stored", async () => {
    const u = await player();
    const form = streamedForm([
      { field: "stage", value: "triage" },
      { field: "files", name: "fine.log", size: MB, fill: (i) => logLines(i + 1) },
      { field: "files", name: "huge.log", size: 40 * MB, fill: (i) => logLines(i + 2) },
    ]);
    const r = await post(u, form.body);
    expect(r.status).toBe(413);
    expect(r.json.error.message).toContain('"huge.log"');
    expect(r.json.error.fields).toEqual({ "files[1]": `larger than ${(MAX_FILE_BYTES / MB).toFixed(1)} MB` });
    expect(stagedLeft()).toEqual([]);
    expect(await rowsOf(u)).toEqual([]);
    expect(fs.existsSync(storedPath(form.hashes[0]))).toBe(false);
  }, 60_000);

  it("refuses an executable from its first bytes, whatever its name: 415 naming it, nothing left", async () => {
    const u = await player();
    const elf = Buffer.alloc(MB);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    const form = streamedForm([
      { field: "stage", value: "triage" },
      { field: "files", name: "screenshot.png", size: 20 * MB, fill: (i) => (i === 0 ? elf : Buffer.alloc(MB, i)) },
    ]);
    const r = await post(u, form.body);
    expect(r.status).toBe(415);
    expect(r.json.error.message).toContain('"screenshot.png"');
    expect(Object.keys(r.json.error.fields)).toEqual(["files[0]"]);
    expect(stagedLeft()).toEqual([]);
    expect(await rowsOf(u)).toEqual([]);
  }, 60_000);

  it("a client that goes away mid-upload leaves no staged file", async () => {
    const u = await player();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        if (pulled === 1) return c.enqueue(new TextEncoder().encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="stage"\r\n\r\ntriage\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="a.log"\r\n\r\n`));
        if (pulled < 5) return c.enqueue(new Uint8Array(logLines(pulled)));
        c.error(new Error("connection reset"));
      },
    });
    const r = await post(u, body);
    expect(r.status).toBe(400);
    expect(stagedLeft()).toEqual([]);
    expect(await rowsOf(u)).toEqual([]);
  }, 60_000);
});
