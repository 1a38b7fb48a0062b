import "server-only";
import { bumpSessionVersion, endSession } from "@/lib/db/queries/sessions";
import { sessionToken } from "./proxy";

// Ending sessions before their cookie expires (issue 19): sign-out ends the one session, and
// "sign out everywhere" (like a password change or a deactivation would) ends all of a user's,
// on every instance, since each request's caller is resolved against the database.

/** Ends the session whose cookie the request carries (if any); the caller still expires the cookie. */
export async function endRequestSession(req: Request) {
  const t = await sessionToken(req);
  if (!t || typeof t.sid !== "string" || typeof t.id !== "string") return;
  const expiresAt = new Date(typeof t.exp === "number" ? t.exp * 1000 : Date.now() + 14 * 86_400_000);
  await endSession({ sid: t.sid, userId: t.id, expiresAt });
}

/** Ends every session of the user, this one included. */
export async function endAllSessions(userId: string) {
  await bumpSessionVersion({ userId });
}

/** Set-Cookie values expiring every session cookie the request carries (chunked ones too). */
export function expiredSessionCookies(cookieHeader: string | null): string[] {
  const names = (cookieHeader ?? "")
    .split(";")
    .map((c) => c.trim().split("=")[0])
    .filter((n) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(n));
  return [...new Set([...names, "authjs.session-token"])].map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
}
