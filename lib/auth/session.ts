import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/db/schema/enums";
import { sessionUser } from "@/lib/db/queries/sessions";
import { userForToken } from "./tokens";
import { errors } from "@/lib/errors";
import { HOME } from "./permissions";
import { auth } from "./index";
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
  let session;
  try {
    session = await auth();
  } catch {
    return null;
  }
  const { id, sid, sv } = session?.user ?? {};
  // A cookie from before sessions could be ended carries no sid: it counts as ended.
  if (!id || typeof sid !== "string" || typeof sv !== "number") return null;
  const u = await sessionUser({ id, sid, version: sv });
  return u ? toCaller(u) : null;
});

/** For route handlers: a Bearer personal access token first, else the session cookie. */
export async function callerFromRequest(req: Request): Promise<Caller | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw errors.unauthorized("Malformed Authorization header.");
    const u = await userForToken({ token: m[1] });
    if (!u) throw errors.unauthorized("The access token is not valid or was revoked.");
    return toCaller(u);
  }
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
