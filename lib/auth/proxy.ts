import { NextResponse, type NextRequest } from "next/server";
import type { JWT } from "next-auth/jwt";
import { sessionFromCookie } from "./session-cookie";
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

/** The verified JWT of the request's session cookie, or null (see ./session-cookie.ts). */
export function sessionToken(req: Request): Promise<JWT | null> {
  return sessionFromCookie(req.headers.get("cookie"));
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
