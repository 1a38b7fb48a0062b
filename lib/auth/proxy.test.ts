import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { proxy } from "./proxy";

const SECRET = "unit-test-secret-for-the-proxy-0123456789";
const COOKIE = "authjs.session-token";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});

async function sessionCookie({ name = COOKIE, secret = SECRET, maxAge = 3600 }: { name?: string; secret?: string; maxAge?: number } = {}) {
  const jwt = await encode({ token: { sub: "u1", id: "u1", role: "learner", name: "Dana" }, secret, salt: name, maxAge });
  return `${name}=${jwt}`;
}

function request(path: string, cookie?: string, extra: Record<string, string> = {}) {
  // The headers next start passes on: with them, next-auth's own proxy re-issues the session cookie.
  return new NextRequest(`http://localhost:3000${path}`, { headers: { host: "localhost:3000", "x-forwarded-proto": "http", ...(cookie ? { cookie } : {}), ...extra } });
}

describe("proxy", () => {
  it("lets a signed-in request through and sets no cookie (a late response cannot revive a session)", async () => {
    const res = await proxy(request("/dashboard", await sessionCookie()));
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("does the same for a prefetch (RSC request) of a protected page", async () => {
    const res = await proxy(request("/portfolio", await sessionCookie(), { rsc: "1", "next-router-prefetch": "1" }));
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("reads the __Secure- cookie that next-auth names over https", async () => {
    const res = await proxy(request("/dashboard", await sessionCookie({ name: `__Secure-${COOKIE}` })));
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("sends a signed-out visitor to /login with the page as callbackUrl", async () => {
    const res = await proxy(request("/settings?tab=tokens"));
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!);
    expect(to.pathname).toBe("/login");
    expect(to.searchParams.get("callbackUrl")).toBe("http://localhost:3000/settings?tab=tokens");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it.each([
    ["an expired session", () => sessionCookie({ maxAge: -60 })],
    ["a cookie signed with another secret", () => sessionCookie({ secret: "some-other-secret-0123456789abcdef" })],
    ["a garbled cookie", async () => `${COOKIE}=not-a-jwt`],
    ["the right token under the wrong cookie name", async () => (await sessionCookie()).replace(COOKIE, "other-cookie")],
  ])("treats %s as signed out", async (_, cookie) => {
    const res = await proxy(request("/review", await cookie()));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("location")!).pathname).toBe("/login");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("does not take a Bearer header for a session", async () => {
    const jwt = (await sessionCookie()).split("=")[1];
    const res = await proxy(request("/dashboard", undefined, { authorization: `Bearer ${jwt}` }));
    expect(res.status).toBe(307);
  });

  it("leaves public pages and the API to themselves (no redirect, no cookie read)", async () => {
    for (const path of ["/", "/login", "/recipes?q=x", "/api/v1/missions"]) {
      const res = await proxy(request(path));
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it.each(["/api/v1/missions/%ZZ", "/api/v1/missions/%E0%A4%A", "/api/v1/missions?q=%00", "/api/v1/recipes?skill=a%00b", "/api/v1/missions/%00"])(
    "answers %s with 400 in the JSON error shape before the router sees it",
    async (path) => {
      const res = await proxy(request(path));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("bad_request");
      expect(typeof body.error.message).toBe("string");
    },
  );

  it.each(["/missions/%ZZ", "/recipes?q=%00", "/dashboard/%C0"])("shows the not-found page for %s", async (path) => {
    const res = await proxy(request(path));
    expect(res.status).toBe(404);
    expect(res.headers.get("x-middleware-rewrite")).toContain("/_not-found-url");
  });
});
