// Processes and HTTP plumbing for the cluster test (scripts/cluster-test.mjs): two production
// instances, nginx in front, a fake AI endpoint, a cookie-keeping client.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

export async function waitFor(check, ms, what) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(200);
  }
}

/** Starts `next start` for one instance; its output goes to <logDir>/<name>.log. */
export function startInstance({ name, port, env, logDir }) {
  const log = fs.openSync(path.join(logDir, `${name}.log`), "a");
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, ...env, SORTIE_INSTANCE: name, PORT: String(port) },
    stdio: ["ignore", log, log],
  });
  return { name, port, child, url: `http://127.0.0.1:${port}` };
}

export async function waitReady(url, ms = 120_000) {
  await waitFor(async () => (await fetch(`${url}/api/ready`)).status === 200, ms, `${url}/api/ready`);
}

/** nginx as the load balancer: round robin, a refused or reset connection is retried on the other instance. */
export async function startNginx({ port, upstreams, dir }) {
  const conf = `
worker_processes 1;
error_log ${dir}/nginx-error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 256; }
http {
  access_log ${dir}/nginx-access.log;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  client_max_body_size 300m;
  upstream sortie {
${upstreams.map((u) => `    server 127.0.0.1:${u} max_fails=1 fail_timeout=10s;`).join("\n")}
    keepalive 16;
    # Idle upstream connections are closed by nginx before the app would close them (Node's 5 s
    # keepAliveTimeout; the drain after SIGTERM in lib/ops/lifecycle.ts): nginx never sends a
    # request on a connection the app is closing (deploy/nginx.conf does the same).
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://sortie;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 1s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      add_header X-Upstream $upstream_addr always;
    }
  }
}`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const url = `http://localhost:${port}`;
  await waitFor(async () => (await fetch(`${url}/api/health`)).ok, 60_000, `nginx on ${port} (${err.trim()})`);
  return { child, url };
}

/**
 * An OpenAI-compatible endpoint that counts what it is asked for: the whole-submission second opinion,
 * or the per-criterion suggestions (their prompt lists the rubric criteria).
 */
export async function startFakeAi() {
  const calls = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      calls.push({ at: Date.now(), bytes: body.length, kind: body.includes("Rubric criteria:") ? "suggestions" : "second-opinion" });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ choices: [{ message: { content: '{"score": 70, "summary": "Evidence matches the notes.", "concerns": []}' } }] }));
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/v1`, calls, close: () => new Promise((r) => server.close(() => r())) };
}

/** A client with a cookie jar, recording which instance answered each request (nginx's X-Upstream). */
export function client(base, ports) {
  const jar = new Map();
  const served = [];
  const name = (up) => ports[String(up ?? "").split(",").pop()?.trim().split(":").pop()] ?? up;
  async function request(method, p, { json, form, body, headers = {}, redirect = "manual" } = {}) {
    const h = { ...headers };
    if (jar.size) h.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      h["content-type"] = "application/json";
    } else if (form) {
      payload = new URLSearchParams(form).toString();
      h["content-type"] = "application/x-www-form-urlencoded";
    }
    const res = await fetch(base + p, { method, headers: h, body: payload, redirect });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const v = pair.slice(i + 1);
      if (v === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(pair.slice(0, i));
      else jar.set(pair.slice(0, i), v);
    }
    const text = await res.text();
    let data;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = text;
    }
    const instance = name(res.headers.get("x-upstream"));
    served.push({ method, path: p, status: res.status, instance });
    return { status: res.status, data, instance, headers: res.headers };
  }
  return { request, jar, served };
}
