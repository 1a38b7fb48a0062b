import { beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { makeUser, type TestUser } from "@/test/helpers";
import { authSecret } from "./secret";

// Sign-out and "sign out everywhere" end sessions on the server (issue 19: after POST /logout the
// old cookie kept working for 14 days). A session is resolved through currentUser(), which every
// page, action and cookie-authenticated API call goes through; the request's headers are stubbed
// with the cookie a browser would send, and the cookie is decoded for real.
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));

const { currentUser } = await import("./session");
const { endAllSessions } = await import("./sessions");
const { POST: logout } = await import("@/app/logout/route");
const { bumpSessionVersion, sessionVersionOf } = await import("@/lib/db/queries/sessions");

const COOKIE = "authjs.session-token";

async function cookieFor(token: Record<string, unknown>) {
  return `${COOKIE}=${await encode({ token, secret: authSecret(), salt: COOKIE, maxAge: 3600 })}`;
}

async function signIn(u: TestUser) {
  const sv = (await sessionVersionOf({ id: u.id })) ?? 0;
  return { cookie: await cookieFor({ sub: u.id, id: u.id, role: u.role, sid: randomUUID(), sv }) };
}

async function as(s: { cookie: string }) {
  request.cookie = s.cookie;
  return currentUser();
}

let u: TestUser;
beforeEach(async () => {
  u = await makeUser("learner");
});

describe("ending sessions", () => {
  it("sign-out ends that session everywhere its cookie is replayed, and only that one", async () => {
    const laptop = await signIn(u);
    const phone = await signIn(u);
    expect((await as(laptop))?.id).toBe(u.id);
    const res = await logout(new Request("http://localhost/logout", { method: "POST", headers: { cookie: laptop.cookie } }));
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${COOKIE}=;`) && c.includes("Max-Age=0"))).toBe(true);
    // The copied cookie decodes as before, but its session is over.
    expect(await as(laptop)).toBeNull();
    expect((await as(phone))?.id).toBe(u.id);
  });

  it("sign out everywhere (a password change or deactivation would do the same) ends every session", async () => {
    const a = await signIn(u);
    const b = await signIn(u);
    await endAllSessions(u.id);
    expect(await as(a)).toBeNull();
    expect(await as(b)).toBeNull();
    const fresh = await signIn(u);
    expect((await as(fresh))?.id).toBe(u.id);
    await bumpSessionVersion({ userId: u.id });
    expect(await as(fresh)).toBeNull();
  });

  it("a cookie issued before sessions could be ended counts as ended", async () => {
    expect(await as({ cookie: await cookieFor({ sub: u.id, id: u.id, role: u.role }) })).toBeNull();
  });

  it("a cookie that does not decode with our secret, or none, is nobody", async () => {
    const forged = `${COOKIE}=${await encode({ token: { sub: u.id, id: u.id, role: "admin", sid: randomUUID(), sv: 0 }, secret: "someone-else's-secret-0123456789abcdef", salt: COOKIE, maxAge: 3600 })}`;
    expect(await as({ cookie: forged })).toBeNull();
    expect(await as({ cookie: "" })).toBeNull();
  });

  it("another user's session is untouched", async () => {
    const other = await makeUser("learner");
    const theirs = await signIn(other);
    await endAllSessions(u.id);
    expect((await as(theirs))?.id).toBe(other.id);
  });
});

describe("an admin deactivating an account", () => {
  it("ends its sessions, refuses its sign-in and tokens until reactivated; an admin cannot deactivate themselves", async () => {
    const { setAccountActive } = await import("./deactivate");
    const { checkCredentials } = await import("./credentials");
    const { userForToken } = await import("./tokens");
    const { TEST_PASSWORD } = await import("@/test/helpers");
    const admin = await makeUser("admin");
    const s = await signIn(u);
    expect((await as(s))?.id).toBe(u.id);
    await setAccountActive({ caller: admin, userId: u.id, active: false });
    expect(await as(s)).toBeNull();
    expect(await userForToken({ token: u.token })).toBeUndefined();
    expect(await checkCredentials({ email: u.email, password: TEST_PASSWORD })).toBe("deactivated");
    expect(await checkCredentials({ email: u.email, password: "wrong password" })).toBeNull();
    expect(await as(await signIn(u))).toBeNull();

    await setAccountActive({ caller: admin, userId: u.id, active: true });
    expect(await as(s)).toBeNull(); // sessions ended by the deactivation stay ended
    expect((await as(await signIn(u)))?.id).toBe(u.id);
    expect(await userForToken({ token: u.token })).toMatchObject({ id: u.id });
    expect(await checkCredentials({ email: u.email, password: TEST_PASSWORD })).toMatchObject({ id: u.id });

    await expect(setAccountActive({ caller: admin, userId: admin.id, active: false })).rejects.toMatchObject({ code: "rule_not_met" });
    await expect(setAccountActive({ caller: u, userId: admin.id, active: false })).rejects.toMatchObject({ code: "forbidden" });
  });
});
