import { afterEach, describe, expect, it } from "vitest";
import http from "node:http";
import net from "node:net";
import { drainKeepAlive } from "./lifecycle";

// What a load balancer's keep-alive connection sees when the instance behind it gets SIGTERM
// (issue 15: a POST sent on an idle keep-alive connection at that instant was reset).
const g = globalThis as unknown as { __sortieDraining?: boolean };
afterEach(() => {
  g.__sortieDraining = false;
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
