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
