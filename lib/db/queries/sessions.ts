import "server-only";
import { and, eq, isNull, lt, notExists, sql } from "drizzle-orm";
import { builtOnce, db, type Tx } from "@/lib/db";
import { endedSessions, users } from "@/lib/db/schema";
import { publicUserColumns } from "./users";

// Session cookies are JWTs; what ends one before it expires lives here: the user's session
// version (all their sessions) and the ended session ids (one session, at sign-out).

/** The user of a session, or undefined when the session was ended or the user's version moved on. */
export async function sessionUser({ id, sid, version, tx = db }: { id: string; sid: string; version: number; tx?: Tx }) {
  const [u] = await (tx === db ? keptSessionUser() : sessionUserQuery(tx)).execute({ id, sid, version });
  return u;
}

// Every signed-in request asks it: built once (see builtOnce).
const sessionUserQuery = (tx: Tx) =>
  tx
    .select(publicUserColumns)
    .from(users)
    .where(and(eq(users.id, sql.placeholder("id")), eq(users.sessionVersion, sql.placeholder("version")), isNull(users.deactivatedAt), notExists(tx.select({ one: sql`1` }).from(endedSessions).where(eq(endedSessions.sid, sql.placeholder("sid"))))))
    .limit(1)
    .prepare("session_user");
const keptSessionUser = builtOnce(sessionUserQuery);

export async function sessionVersionOf({ id, tx = db }: { id: string; tx?: Tx }): Promise<number | undefined> {
  const [u] = await tx.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)).limit(1);
  return u?.v;
}

/** Records one session as ended until its cookie would have expired anyway. */
export async function endSession({ sid, userId, expiresAt, tx = db }: { sid: string; userId: string; expiresAt: Date; tx?: Tx }) {
  await tx.insert(endedSessions).values({ sid, userId, expiresAt }).onConflictDoNothing();
  await tx.delete(endedSessions).where(lt(endedSessions.expiresAt, new Date()));
}

/** Ends every session of the user. */
export async function bumpSessionVersion({ userId, tx = db }: { userId: string; tx?: Tx }) {
  await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}

/** Deactivates (ending every session) or reactivates an account; false when there is no such user. */
export async function setUserDeactivated({ userId, deactivated, tx = db }: { userId: string; deactivated: boolean; tx?: Tx }) {
  const r = await tx
    .update(users)
    .set(deactivated ? { deactivatedAt: sql`coalesce(${users.deactivatedAt}, now())`, sessionVersion: sql`${users.sessionVersion} + 1` } : { deactivatedAt: null })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return r.length > 0;
}
