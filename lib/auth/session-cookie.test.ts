import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionFromCookie } from "./session-cookie";

const COOKIE = "authjs.session-token";
const SECRET = "unit-test-secret-for-session-cookies-0123456789";

async function cookie({ secret = SECRET, maxAge = 3600, name = COOKIE, role = "learner" } = {}) {
  const jwt = await encode({ token: { sub: "u1", id: "u1", role, sid: "s1", sv: 0 }, secret, salt: name, maxAge });
  return `theme=dark; ${name}=${jwt}`;
}

beforeEach(() => {
  process.env.AUTH_SECRET = SECRET;
});
afterEach(() => {
  vi.useRealTimers();
});

describe("sessionFromCookie", () => {
  it("decodes the session cookie among others, and the same cookie again from what it kept", async () => {
    const c = await cookie();
    expect(await sessionFromCookie(c)).toMatchObject({ id: "u1", role: "learner", sid: "s1", sv: 0 });
    expect(await sessionFromCookie(c)).toMatchObject({ id: "u1", sid: "s1" });
    expect(await sessionFromCookie(`${COOKIE}.0=nonsense`)).toBeNull();
    expect(await sessionFromCookie("theme=dark")).toBeNull();
    expect(await sessionFromCookie(null)).toBeNull();
  });

  it("refuses a cookie encrypted with another secret, even one that was kept under the old secret", async () => {
    expect(await sessionFromCookie(await cookie({ secret: "someone-else's-secret-0123456789abcdef" }))).toBeNull();
    const c = await cookie();
    expect(await sessionFromCookie(c)).not.toBeNull();
    process.env.AUTH_SECRET = "a-rotated-secret-0123456789abcdefghijkl";
    expect(await sessionFromCookie(c)).toBeNull();
  });

  it("stops answering for a kept cookie once it has expired", async () => {
    const c = await cookie({ maxAge: 60, role: "mentor" });
    expect(await sessionFromCookie(c)).toMatchObject({ role: "mentor" });
    // Past its expiry and next-auth's 15 s clock tolerance.
    vi.useFakeTimers({ now: Date.now() + 80_000, toFake: ["Date"] });
    expect(await sessionFromCookie(c)).toBeNull();
  });

  it("reads the __Secure- cookie that next-auth names over https", async () => {
    expect(await sessionFromCookie(await cookie({ name: `__Secure-${COOKIE}` }))).toMatchObject({ id: "u1" });
  });
});
