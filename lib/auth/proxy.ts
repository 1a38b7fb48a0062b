import { NextResponse, type NextRequest } from "next/server";
import { getToken, type JWT } from "next-auth/jwt";
import { authSecret } from "./secret";
import { urlProblem } from "@/lib/api/url-guard";

/** The pages that need a session; the proxy redirects signed-out visitors of these to /login. */
const PROTECTED = [/^\/dashboard(\/|$)/, /^\/foundations(\/|$)/, /^\/portfolio$/, /^\/settings(\/|$)/, /^\/review(\/|$)/, /^\/admin(\/|$)/, /^\/enterprise(\/|$)/, /^\/missions\/.+\/play(\/|$)/];

// The proxy (proxy.ts) only redirects signed-out visitors early; every page, action and handler
// still checks the role itself.
//
// It reads the session cookie and never writes it. next-auth's own `auth` proxy re-issues the
// session cookie on every matched request, so a response that was in flight when the user signed
// out (a prefetch, a second tab's navigation) could land after /logout had expired the cookie and
// set it again, signing the user back in. A read-only proxy cannot do that.

const SECURE_COOKIE = /(?:^|;\s*)__Secure-authjs\.session-token(?:\.\d+)?=/;

/**
 * The verified JWT of the request's session cookie (chunked cookies included), or null when there is
 * none, it does not decrypt with our secret, or it has expired. Only the cookie is read: a Bearer
 * header is an API token, not a session.
 */
export async function sessionToken(req: Request): Promise<JWT | null> {
  const cookie = req.headers.get("cookie") ?? "";
  if (!cookie) return null;
  // next-auth names the cookie __Secure-… when it signed the user in over https; a browser only
  // keeps a __Secure- cookie that came over https, so its presence tells which name to read.
  const secureCookie = SECURE_COOKIE.test(cookie);
  try {
    const token = await getToken({ req: { headers: new Headers({ cookie }) }, secret: authSecret(), secureCookie });
    return token && typeof token.id === "string" ? token : null;
  } catch {
    return null;
  }
}

/** Signed in: pass through untouched (no Set-Cookie). Signed out: 307 to /login?callbackUrl=<this page>. */
export async function proxy(req: NextRequest): Promise<NextResponse> {
  const url = new URL(req.url);
  const problem = urlProblem(url);
  if (problem) {
    if (url.pathname.startsWith("/api/")) return NextResponse.json({ error: { code: "bad_request", message: problem } }, { status: 400 });
    // A page: the not-found page, as for any other address that names nothing.
    return NextResponse.rewrite(new URL("/_not-found-url", url.origin), { status: 404 });
  }
  if (!PROTECTED.some((p) => p.test(url.pathname))) return NextResponse.next();
  if (await sessionToken(req)) return NextResponse.next();
  const login = new URL("/login", req.nextUrl);
  login.searchParams.set("callbackUrl", req.nextUrl.href);
  return NextResponse.redirect(login);
}
