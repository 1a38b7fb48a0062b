import { getToken, type JWT } from "next-auth/jwt";
import { authSecret } from "./secret";

// Reading the session cookie, for the proxy and for every page, action and handler (currentUser).
//
// A session cookie is a JWE: decoding it derives a key (HKDF) and decrypts, which cost about a fifth
// of the server's CPU on a signed-in page when it ran three times per request (proxy, next-auth's
// auth(), and auth() re-encoding a cookie it could not even set). It now runs once per distinct
// cookie: what a cookie decodes to never changes, so decoded tokens are kept by their cookie value,
// bounded, until they expire. Keeping them changes no decision: whether the session is still open
// (sign-out, sign out everywhere, deactivation) is read from the database on every request
// (currentUser → sessionUser), and a cookie that does not decode is never kept.

const SECURE_COOKIE = /(?:^|;\s*)__Secure-authjs\.session-token(?:\.\d+)?=/;
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;
const MAX_KEPT = 10_000;

let keptFor: string | null = null;
const kept = new Map<string, JWT>();

/** The session cookie's value(s) in the header (chunked cookies joined in order), or "" without one. */
function sessionCookieValue(cookie: string): string {
  return cookie
    .split(";")
    .map((c) => c.trim())
    .filter((c) => SESSION_COOKIE.test(c.slice(0, c.indexOf("="))))
    .sort()
    .join(";");
}

function keptToken(key: string, secret: string): JWT | null {
  if (keptFor !== secret) {
    kept.clear();
    keptFor = secret;
  }
  const t = kept.get(key);
  if (!t) return null;
  if (typeof t.exp === "number" && t.exp * 1000 <= Date.now()) {
    kept.delete(key);
    return null;
  }
  return t;
}

function keep(key: string, t: JWT) {
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!); // the oldest first
  kept.set(key, t);
}

/**
 * The verified JWT of a Cookie header's session cookie (chunked cookies included), or null when there
 * is none, it does not decrypt with our secret, or it has expired. Only the cookie is read: a Bearer
 * header is an API token, not a session.
 */
export async function sessionFromCookie(cookie: string | null): Promise<JWT | null> {
  const key = cookie ? sessionCookieValue(cookie) : "";
  if (!key) return null;
  const secret = authSecret();
  const hit = keptToken(key, secret);
  if (hit) return hit;
  // next-auth names the cookie __Secure-… when it signed the user in over https; a browser only
  // keeps a __Secure- cookie that came over https, so its presence tells which name to read.
  const secureCookie = SECURE_COOKIE.test(cookie!);
  try {
    const token = await getToken({ req: { headers: new Headers({ cookie: cookie! }) }, secret, secureCookie });
    if (!token || typeof token.id !== "string") return null;
    keep(key, token);
    return token;
  } catch {
    return null;
  }
}
