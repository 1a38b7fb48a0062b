import { endRequestSession, expiredSessionCookies } from "@/lib/auth/sessions";
import { logFailure } from "@/lib/log";

/**
 * Sign-out as a plain form POST: works before the page is hydrated, and the 303 makes the browser
 * load /login as a new request. The session is ended on the server (a copy of the cookie no longer
 * works anywhere), then every session-token cookie is expired, next-auth's chunked ones included.
 */
export async function POST(req: Request) {
  try {
    await endRequestSession(req);
  } catch (e) {
    // The cookie still goes: the user asked to leave, and the page must not fail on them.
    logFailure("recording a sign-out", e);
  }
  const headers = new Headers({ location: "/login" });
  for (const c of expiredSessionCookies(req.headers.get("cookie"))) headers.append("set-cookie", c);
  return new Response(null, { status: 303, headers });
}
