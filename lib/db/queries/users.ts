import "server-only";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { apiTokens, users } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";

export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  organisationId: users.organisationId,
  createdAt: users.createdAt,
};

export async function findUserForSignIn({ email, tx = db }: { email: string; tx?: Tx }) {
  const [u] = await tx
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return u;
}

export async function getUser({ id, tx = db }: { id: string; tx?: Tx }) {
  const [u] = await tx.select(publicUserColumns).from(users).where(eq(users.id, id)).limit(1);
  return u;
}

/** Inserts an account; a taken email fails with the database's unique violation (users_email_lower_uq). */
export async function insertUser({
  email,
  name,
  role = "learner",
  organisationId = null,
  passwordHash,
  tx = db,
}: {
  email: string;
  name: string;
  role?: Role;
  organisationId?: string | null;
  passwordHash: string;
  tx?: Tx;
}) {
  const [u] = await tx.insert(users).values({ email: email.toLowerCase(), name, role, organisationId, passwordHash }).returning(publicUserColumns);
  return u;
}

/** Stores a personal access token by its hash and prefix; the token itself is never stored. */
export async function insertApiToken({
  userId,
  name,
  tokenHash,
  prefix,
  expiresAt = null,
  tx = db,
}: {
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  expiresAt?: Date | null;
  tx?: Tx;
}) {
  const [row] = await tx
    .insert(apiTokens)
    .values({ userId, name, tokenHash, prefix, expiresAt })
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt });
  return row;
}

export async function listApiTokens({ userId, tx = db }: { userId: string; tx?: Tx }) {
  return tx
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt);
}

/** Revokes one of the caller's tokens, by id or by prefix. False when it is not theirs. */
export async function revokeApiToken({ userId, token, tx = db }: { userId: string; token: string; tx?: Tx }) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(token);
  const r = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), isUuid ? eq(apiTokens.id, token) : eq(apiTokens.prefix, token)))
    .returning({ id: apiTokens.id });
  return r.length > 0;
}

/** How stale a token's last_used_at may be before a request notes it again. */
const TOKEN_USE_SLACK_MS = 60_000;

/**
 * The owner of a live token, by the token's SHA-256; notes when it was last used, at most once a
 * minute: writing the row on every request made a client's concurrent requests queue on its lock and
 * cost each one a commit (bench:ingest, 10 connections of one token). The UPDATE's own condition keeps
 * concurrent requests that all saw a stale time from writing it more than once.
 */
export async function userForTokenHash({ tokenHash, tx = db }: { tokenHash: string; tx?: Tx }) {
  const [found] = await tx
    .select({ ...publicUserColumns, tokenId: apiTokens.id, tokenUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(users.deactivatedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`))))
    .limit(1);
  if (!found) return undefined;
  const { tokenUsedAt, ...row } = found;
  if (!tokenUsedAt || Date.now() - tokenUsedAt.getTime() > TOKEN_USE_SLACK_MS)
    await tx
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - make_interval(secs => ${TOKEN_USE_SLACK_MS / 1000})`))));
  return row;
}

/** Swaps a password hash only if it is still `from` (compare-and-set). */
export async function replacePasswordHash({ id, from, to, tx = db }: { id: string; from: string; to: string; tx?: Tx }) {
  await tx.update(users).set({ passwordHash: to }).where(and(eq(users.id, id), eq(users.passwordHash, from)));
}
