import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { hit, LIMITS } from "./rate-limit";

describe("sign-in rate limit", () => {
  it("allows the configured number of attempts per key and window, then refuses, without touching other keys", async () => {
    expect(LIMITS.signIn.limit).toBe(10);
    const key = `signin:${randomUUID()}@x.test:203.0.113.7`;
    const results = [];
    for (let i = 0; i < LIMITS.signIn.limit + 2; i++) results.push(await hit(key, LIMITS.signIn.limit, LIMITS.signIn.windowSeconds));
    expect(results.map((r) => r.allowed)).toEqual([...Array(10).fill(true), false, false]);
    expect(results[10].resetAt.getTime()).toBeGreaterThan(Date.now());
    // Another address for the same email, or another email, starts its own count.
    expect((await hit(`${key}-other`, LIMITS.signIn.limit, LIMITS.signIn.windowSeconds)).allowed).toBe(true);
  });
});

describe("sign-up rate limit and forged X-Forwarded-For (issue 19)", () => {
  const body = () => ({ email: `r-${randomUUID()}@test.sortie.dev`, password: "correct horse battery", name: "R" });

  it("with no trusted proxy, rotating a forged X-Forwarded-For does not open new buckets", async () => {
    const { POST } = await import("@/app/api/v1/auth/register/route");
    const { call } = await import("@/test/helpers");
    process.env.SORTIE_SIGNUP_LIMIT = "2";
    process.env.SORTIE_TRUSTED_PROXIES = "0";
    try {
      const statuses = [];
      // Ten times the per-address limit is the shared ceiling when the address is unknown.
      for (let i = 0; i < 22; i++) statuses.push((await call(POST, { body: body(), headers: { "x-forwarded-for": `198.51.100.${i}` } })).status);
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
      expect(statuses.slice(20)).toEqual([429, 429]);
    } finally {
      delete process.env.SORTIE_SIGNUP_LIMIT;
      delete process.env.SORTIE_TRUSTED_PROXIES;
    }
  });

  it("behind one trusted proxy, the key is the address the proxy saw, not what the client prepended", async () => {
    const { POST } = await import("@/app/api/v1/auth/register/route");
    const { call } = await import("@/test/helpers");
    process.env.SORTIE_SIGNUP_LIMIT = "2";
    process.env.SORTIE_TRUSTED_PROXIES = "1";
    try {
      const seen = "203.0.113.77";
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(POST, { body: body(), headers: { "x-forwarded-for": `10.9.9.${i}, ${seen}` } })).status);
      expect(statuses).toEqual([201, 201, 429, 429]);
      const r = await call(POST, { body: body(), headers: { "x-forwarded-for": "203.0.113.78" } });
      expect(r.status).toBe(201);
      expect(r.headers.get("retry-after")).toBeNull();
    } finally {
      delete process.env.SORTIE_SIGNUP_LIMIT;
      delete process.env.SORTIE_TRUSTED_PROXIES;
    }
  });
});
