import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/db/schema/enums";
import { sessionUser } from "@/lib/db/queries/sessions";
import { userForToken } from "./tokens";
import { errors } from "@/lib/errors";
import { HOME } from "./permissions";
import { sessionFromCookie } from "./session-cookie";
import type { Viewer } from "@/lib/db/queries/access";

/** The signed-in user as every use case sees them; the data layer takes the `Viewer` part. */
export interface Caller extends Viewer {
  email: string;
  name: string;
}

function toCaller(u: { id: string; role: string; email: string; name: string; organisationId: string | null }): Caller {
  return { id: u.id, role: u.role as Role, email: u.email, name: u.name, organisationId: u.organisationId };
}

/** The signed-in user of this request (cookie session), re-read from the database, or null. */
export const currentUser = cache(async (): Promise<Caller | null> => {
  // The cookie is decoded here rather than through next-auth's auth(), which would also re-encode a
  // cookie nobody sets (see ./session-cookie.ts).
  let token;
  try {
    token = await sessionFromCookie((await headers()).get("cookie"));
  } catch {
    return null; // outside a request (a script, a job): nobody is signed in
  }
  const { id, sid, sv } = token ?? {};
  // A cookie from before sessions could be ended carries no sid: it counts as ended.
  if (typeof id !== "string" || !id || typeof sid !== "string" || typeof sv !== "number") return null;
  const u = await sessionUser({ id, sid, version: sv });
  return u ? toCaller(u) : null;
});

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a cookie-authenticated write comes from one of our own pages. A browser sends Origin
 * with every cross-site write, and a page elsewhere cannot forge it (nor X-Forwarded-Host), so
 * this is the check server actions make; a request without Origin is not a browser's.
 */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null": a sandboxed frame or a redirect chain; never one of our pages
  }
  const ours = [req.headers.get("x-forwarded-host")?.split(",")[0]?.trim(), req.headers.get("host"), new URL(req.url).host];
  return ours.includes(host);
}

/** For route handlers: a Bearer personal access token first, else the session cookie (same-origin writes only). */
export async function callerFromRequest(req: Request): Promise<Caller | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw errors.unauthorized("Malformed Authorization header.");
    const u = await userForToken({ token: m[1] });
    if (!u) throw errors.unauthorized("The access token is not valid or was revoked.");
    return toCaller(u);
  }
  if (WRITES.has(req.method.toUpperCase()) && !sameOrigin(req)) throw errors.forbidden("Cross-site request refused: send it from Sortie's own pages, or with a Bearer token.");
  return currentUser();
}

/** For pages: the caller, or a redirect to sign-in. */
export async function requireUser(): Promise<Caller> {
  const u = await currentUser();
  if (!u) redirect("/login");
  return u;
}

/** For pages: the caller with one of the roles, else a redirect to their own home with a notice. */
export async function requireRole(...roles: Role[]): Promise<Caller> {
  const u = await requireUser();
  if (!roles.includes(u.role)) redirect(`${HOME[u.role]}?denied=1`);
  return u;
}
