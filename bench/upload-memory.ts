// Server memory under large evidence uploads (issue 19 item 7: three concurrent requests of
// 10 × 24 MB took the server from 149 MB to 1.8 GB when uploads were read whole into memory).
//
//   flock /tmp/sortie-build.lock env DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/upload-memory.ts
//
// Builds once into UPLOAD_BENCH_DIST (default .next-bench-upload) unless a build is there, starts
// `next start` on a fresh database with the demo, imports a one-mission pack whose first stage takes
// ten files, signs three learners in, warms the route with one small upload each, then sends the
// three big uploads at once (one per learner: a learner gets two upload slots). The server's
// resident memory (its process tree, from /proc) is sampled every 25 ms. Prints the baseline, the
// peak, the growth and every answer; exits non-zero when an upload is not stored or the growth is
// over UPLOAD_BENCH_MAX_GROWTH_MB (default 300). UPLOAD_BENCH_APP_DIR runs another checkout (e.g.
// an export of an older commit, to measure the code before a change) with this script.
// UPLOAD_BENCH_S3=1 stores in an S3-compatible bucket instead of the local directory: moto's server
// on localhost (`pip install "moto[server]"`), as the storage contract tests use.
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { fixtureMission, fixturePack } from "../test/fixtures";

const MB = 1024 * 1024;
const FILES = Number(process.env.UPLOAD_BENCH_FILES ?? 10);
const FILE_MB = Number(process.env.UPLOAD_BENCH_FILE_MB ?? 24);
const REQUESTS = Number(process.env.UPLOAD_BENCH_REQUESTS ?? 3);
const MAX_GROWTH_MB = Number(process.env.UPLOAD_BENCH_MAX_GROWTH_MB ?? 300);
const appDir = path.resolve(process.env.UPLOAD_BENCH_APP_DIR ?? process.cwd());
const distDir = process.env.UPLOAD_BENCH_DIST ?? ".next-bench-upload";
const base = process.env.DATABASE_URL;
if (!base) throw new Error("DATABASE_URL must point at a Postgres server (a fresh database is created beside it)");
const dbName = `sortie_upload_bench_${process.pid}`;
const dbUrl = Object.assign(new URL(base), { pathname: `/${dbName}` }).toString();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "sortie-upload-bench-"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      total += m ? Number(m[1]) * 1024 : 0;
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

class Client {
  jar = new Map<string, string>();
  constructor(readonly url: string) {}
  cookie = () => [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  async req(p: string, init: RequestInit = {}) {
    const res = await fetch(this.url + p, { redirect: "manual", ...init, headers: { cookie: this.cookie(), ...(init.headers as Record<string, string>) } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
  async signIn(email: string, password: string) {
    const { csrfToken } = (await (await this.req("/api/auth/csrf")).json()) as { csrfToken: string };
    const s = await this.req("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${this.url}/dashboard` }),
    });
    if (![...this.jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in of ${email} failed: ${s.status}`);
  }
}

/** A multipart body of `files` log files of `size` bytes each, generated 1 MB at a time, with its exact length. */
function multipart(stage: string, files: number, size: number, salt: string) {
  const boundary = `----sortie-bench-${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="stage"\r\n\r\n${stage}\r\n`);
  const fileHead = (i: number) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="capture-${i}.log"\r\nContent-Type: text/plain\r\n\r\n`);
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length = head.length + Array.from({ length: files }, (_, i) => fileHead(i).length + size + 2).reduce((a, b) => a + b, 0) + tail.length;
  async function* body() {
    yield head;
    for (let i = 0; i < files; i++) {
      yield fileHead(i);
      for (let at = 0; at < size; at += MB) {
        const line = `2026-03-14T02:13:07Z ${salt} file ${i} block ${at / MB} sshd[4242]: Failed password for root from 203.0.113.47\n`;
        yield Buffer.alloc(Math.min(MB, size - at), line);
      }
      yield Buffer.from("\r\n");
    }
    yield tail;
  }
  return { boundary, length, body };
}

/** POSTs a generated multipart body with its Content-Length, as a browser does, writing it as the server takes it. */
function upload(url: string, cookie: string, code: string, files: number, size: number): Promise<{ status: number; body: string; ms: number }> {
  const form = multipart("triage", files, size, randomBytes(6).toString("hex"));
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/v1/missions/${code}/evidence`, {
      method: "POST",
      headers: { cookie, origin: url, "content-type": `multipart/form-data; boundary=${form.boundary}`, "content-length": String(form.length) },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: Math.round(performance.now() - t0) }));
    });
    req.on("error", reject);
    (async () => {
      for await (const piece of form.body()) if (!req.write(piece)) await new Promise((r) => req.once("drain", r));
      req.end();
    })().catch(reject);
  });
}

async function main() {
  const admin = postgres(base!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "c29ydGllLWJlbmNoLWFjdGlvbnMta2V5LW5vdC1wcm9kIQ==" };
  if (!fs.existsSync(path.join(appDir, distDir, "BUILD_ID"))) {
    console.log(`==> building ${appDir} into ${distDir} (run this under flock /tmp/sortie-build.lock)`);
    execFileSync("npx", ["next", "build"], { cwd: appDir, stdio: "inherit", env });
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The server's own temporary directory, so that staged files left behind can be counted.
  fs.mkdirSync(path.join(work, "tmp"));
  const store: Record<string, string> = { SORTIE_UPLOAD_DIR: path.join(work, "uploads"), TMPDIR: path.join(work, "tmp") };
  const stagingDir = () => (process.env.UPLOAD_BENCH_S3 === "1" ? path.join(work, "tmp", `sortie-staging-${process.getuid?.() ?? "user"}`) : path.join(work, "uploads", ".staging"));
  let moto: ReturnType<typeof spawn> | undefined;
  if (process.env.UPLOAD_BENCH_S3 === "1") {
    const motoPort = await freePort();
    moto = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(motoPort)], { stdio: "ignore" });
    process.on("exit", () => moto?.kill("SIGKILL"));
    const { S3Client, CreateBucketCommand } = await import("@aws-sdk/client-s3");
    const endpoint = `http://127.0.0.1:${motoPort}`;
    const s3 = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: { accessKeyId: "bench", secretAccessKey: "bench" } });
    for (let i = 0; ; i++) {
      try {
        await s3.send(new CreateBucketCommand({ Bucket: "sortie-bench" }));
        break;
      } catch (e) {
        if (i > 100) throw e;
        await sleep(200);
      }
    }
    Object.assign(store, { SORTIE_UPLOAD_DIR: "", SORTIE_S3_BUCKET: "sortie-bench", SORTIE_S3_ENDPOINT: endpoint, SORTIE_S3_ACCESS_KEY_ID: "bench", SORTIE_S3_SECRET_ACCESS_KEY: "bench", SORTIE_S3_FORCE_PATH_STYLE: "true" });
  }
  const log = fs.openSync(path.join(work, "server.log"), "a");
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: appDir,
    env: { ...env, DATABASE_URL: dbUrl, SORTIE_DEMO: "1", AUTH_SECRET: "upload-bench-auth-secret-of-enough-length", AUTH_TRUST_HOST: "true", SORTIE_SIGNIN_LIMIT: "100", ...store },
    stdio: ["ignore", log, log],
  });
  const stop = () => server.exitCode === null && server.kill("SIGKILL");
  process.on("exit", stop);
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${url}/api/ready`).then((r) => r.status, () => 0)) === 200) break;
      if (i > 600) throw new Error(`the server did not get ready (log: ${work}/server.log)`);
      await sleep(500);
    }
    // A mission whose first stage takes ten text files: the demo's stages take at most three.
    const adm = new Client(url);
    await adm.signIn("admin@demo.sortie.dev", "sortie-demo");
    const pack = fixturePack({ missions: [{ ...fixtureMission, stages: fixtureMission.stages.map((s) => (s.key === "triage" ? { ...s, evidence: { ...s.evidence!, max_files: 10 } } : s)) }] });
    const imp = await adm.req("/api/v1/admin/content/import", { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify(pack) });
    if (imp.status >= 300) throw new Error(`import: ${imp.status} ${await imp.text()}`);
    const learners: Client[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const c = new Client(url);
      const email = `upload-bench-${i}-${process.pid}@bench.sortie.dev`;
      const r = await c.req("/api/v1/auth/register", { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ email, password: "bench-password-123", name: `Bench ${i}` }) });
      if (r.status !== 201) throw new Error(`register: ${r.status} ${await r.text()}`);
      await c.signIn(email, "bench-password-123");
      const f = (await (await c.req("/api/v1/foundations")).json()) as { modules: { slug: string }[] };
      for (const m of f.modules) await c.req(`/api/v1/foundations/${m.slug}/complete`, { method: "POST", headers: { origin: url } });
      const st = await c.req(`/api/v1/missions/TEST-01/start`, { method: "POST", headers: { origin: url } });
      if (st.status >= 300) throw new Error(`start: ${st.status} ${await st.text()}`);
      learners.push(c);
    }
    // Warm-up: one small upload each (loads the route's code), removed again so the stage has room for ten.
    for (const c of learners) {
      const w = await upload(url, c.cookie(), "TEST-01", 1, 64 * 1024);
      if (w.status !== 201) throw new Error(`warm-up upload: ${w.status} ${w.body.slice(0, 300)}`);
      for (const e of JSON.parse(w.body).evidence as { id: string }[]) await c.req(`/api/v1/missions/TEST-01/evidence/${e.id}`, { method: "DELETE", headers: { origin: url } });
    }
    await sleep(2000);
    const baseline = treeRss(server.pid!);
    let peak = baseline;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, treeRss(server.pid!));
        await sleep(25);
      }
    })();
    const t0 = performance.now();
    const answers = await Promise.all(learners.map((c) => upload(url, c.cookie(), "TEST-01", FILES, FILE_MB * MB)));
    const seconds = (performance.now() - t0) / 1000;
    await sleep(500);
    sampling = false;
    await sampler;
    const after = treeRss(server.pid!);
    const stored = answers.filter((a) => a.status === 201).map((a) => JSON.parse(a.body).evidence.length as number);
    const sent = REQUESTS * FILES * FILE_MB;
    const result = {
      app: appDir,
      store: moto ? "s3 (moto server)" : "local directory",
      requests: `${REQUESTS} concurrent × ${FILES} files × ${FILE_MB} MB (${sent} MB)`,
      answers: answers.map((a) => `${a.status} in ${a.ms} ms${a.status === 201 ? "" : `: ${a.body.slice(0, 160)}`}`),
      files_stored: stored.reduce((a, b) => a + b, 0),
      seconds: Math.round(seconds * 10) / 10,
      mb_per_second: Math.round(sent / seconds),
      rss_baseline_mb: Math.round(baseline / MB),
      rss_peak_mb: Math.round(peak / MB),
      rss_growth_mb: Math.round((peak - baseline) / MB),
      rss_after_mb: Math.round(after / MB),
      staged_left: fs.existsSync(stagingDir()) ? fs.readdirSync(stagingDir()).length : 0,
    };
    console.log(JSON.stringify(result, null, 2));
    // Spot-check one stored file's hash against what was recorded.
    if (stored.length && !moto) {
      const ev = JSON.parse(answers.find((a) => a.status === 201)!.body).evidence[0] as { sha256: string };
      const onDisk = createHash("sha256").update(fs.readFileSync(path.join(work, "uploads", "sha256", ev.sha256.slice(0, 2), ev.sha256))).digest("hex");
      console.log(`stored file hash ${onDisk === ev.sha256 ? "matches" : "DOES NOT MATCH"} the recorded SHA-256`);
    }
    const ok = result.files_stored === REQUESTS * FILES && result.rss_growth_mb <= MAX_GROWTH_MB && result.staged_left === 0;
    console.log(ok ? `upload memory: ok (growth ${result.rss_growth_mb} MB ≤ ${MAX_GROWTH_MB} MB)` : "upload memory: FAILED");
    process.exitCode = ok ? 0 : 1;
  } finally {
    stop();
    moto?.kill("SIGKILL");
    await sleep(300);
    const cleanup = postgres(base!, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await cleanup.end();
    for (const d of ["uploads", "tmp"]) fs.rmSync(path.join(work, d), { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
