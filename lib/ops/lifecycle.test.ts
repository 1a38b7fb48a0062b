import { afterEach, describe, expect, it } from "vitest";
import http from "node:http";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { drainKeepAlive, queuedConnections } from "./lifecycle";

// What a load balancer's keep-alive connection sees when the instance behind it gets SIGTERM
// (issue 15: a POST sent on an idle keep-alive connection at that instant was reset).
const g = globalThis as unknown as { __sortieDraining?: boolean; __sortieListenerClosed?: boolean };
afterEach(() => {
  g.__sortieDraining = false;
  g.__sortieListenerClosed = false;
});

/** A raw keep-alive connection, so the test sees exactly what happens to the socket. */
function connection(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let buf = "";
  let closed = false;
  socket.on("data", (d) => (buf += d));
  socket.on("close", () => (closed = true));
  socket.on("error", () => {});
  const post = async () => {
    buf = "";
    socket.write("POST /events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}");
    for (let i = 0; i < 100 && !/\r\n\r\n[\s\S]*ok$/.test(buf) && !closed; i++) await new Promise((r) => setTimeout(r, 10));
    return buf;
  };
  return { socket, post, closed: () => closed };
}

describe("SIGTERM and keep-alive", () => {
  it("keeps idle keep-alive connections open for a request on its way, answers it with Connection: close, then closes", async () => {
    drainKeepAlive();
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as net.AddressInfo).port;
    const idle = connection(port);
    const first = await idle.post();
    expect(first).toMatch(/^HTTP\/1\.1 200/);
    expect(first.toLowerCase()).toContain("connection: keep-alive");

    // SIGTERM: the drain starts, then the server closes (as Next's handler does).
    g.__sortieDraining = true;
    const closedAll = new Promise<void>((r) => server.close(() => r()));
    await new Promise((r) => setTimeout(r, 100));
    expect(idle.closed()).toBe(false); // not destroyed at once: a request may already be on its way
    const during = await idle.post();
    expect(during).toMatch(/^HTTP\/1\.1 200/);
    expect(during.toLowerCase()).toContain("connection: close");
    await closedAll; // the server then closes the connection itself, after the answer
    expect(idle.closed()).toBe(true);
  });

  it("outside a drain, closing idle connections is immediate as before", async () => {
    drainKeepAlive();
    const server = http.createServer((req, res) => res.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const idle = connection((server.address() as net.AddressInfo).port);
    await idle.post();
    server.closeIdleConnections();
    await new Promise((r) => setTimeout(r, 100));
    expect(idle.closed()).toBe(true);
    server.close();
  });
});

/**
 * Another process sends `n` POSTs on fresh connections while this process's event loop is blocked
 * (a busy instance rendering pages): the kernel completes the handshakes and queues the connections,
 * Node has not taken them yet. Once they are all written, `onQueued` runs, still inside the block, as
 * a SIGTERM handler would on a busy instance. Resolves with each request's status or error code.
 */
async function requestsQueuedAt(port: number, n: number, onQueued: () => void): Promise<string[]> {
  const flag = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sortie-drain-")), "sent");
  const client = `
    const net = require("node:net"), fs = require("node:fs");
    const one = () => new Promise((resolve) => {
      const s = net.connect(${port}, "127.0.0.1");
      let buf = "";
      s.on("connect", () => { s.write("POST /events HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 2\\r\\n\\r\\n{}"); sent++; if (sent === ${n}) fs.writeFileSync(${JSON.stringify(flag)}, ""); });
      s.on("data", (d) => (buf += d));
      s.on("error", (e) => resolve(e.code));
      s.on("close", () => resolve(buf.split(" ")[1] || "closed"));
    });
    let sent = 0;
    Promise.all(Array.from({ length: ${n} }, one)).then((r) => console.log(JSON.stringify(r)));`;
  const child = spawn(process.execPath, ["-e", client], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const done = new Promise<string[]>((resolve) => child.on("exit", () => resolve(JSON.parse(out || "[]"))));
  // Block the event loop until every request is written (at most 10 s).
  const until = Date.now() + 10_000;
  while (!fs.existsSync(flag) && Date.now() < until);
  onQueued();
  return done;
}

describe("SIGTERM on a busy instance", () => {
  const serve = async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return { server, port: (server.address() as net.AddressInfo).port };
  };

  it("answers requests that reached the instance before the signal but were still queued in the kernel", async () => {
    drainKeepAlive();
    const { server, port } = await serve();
    let queued = -1;
    const statuses = await requestsQueuedAt(port, 5, () => {
      queued = queuedConnections(port); // what the drain reads before closing: all 5 still in the kernel
      g.__sortieDraining = true;
      server.close(); // Next's SIGTERM handler
    });
    expect(statuses).toEqual(["200", "200", "200", "200", "200"]);
    if (process.platform === "linux") expect(queued).toBe(5);
    // And after that the listener is closed: a new connection is refused (a balancer retries it elsewhere).
    const refused = await new Promise((r) => net.connect(port, "127.0.0.1").on("error", (e: NodeJS.ErrnoException) => r(e.code)).on("connect", () => r("connected")));
    expect(refused).toBe("ECONNREFUSED");
  }, 20_000);

  it("(why) closing the listener at once resets those queued requests", async () => {
    drainKeepAlive();
    const { server, port } = await serve();
    const statuses = await requestsQueuedAt(port, 5, () => server.close()); // not draining: the plain close
    expect(statuses.filter((s) => s !== "200").length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === "ECONNRESET" || s === "200" || s === "closed")).toBe(true);
  }, 20_000);
});
