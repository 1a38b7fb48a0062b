import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { apiTokens, users } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";
import { hashPassword, newToken, sha256 } from "@/lib/auth/password";
import { errors, isUniqueViolation } from "@/lib/errors";

export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  organisationId: users.organisationId,
  createdAt: users.createdAt,
};

export async function findUserForSignIn({ email }: { email: string }) {
  const [u] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return u;
}

export async function getUser({ id, tx = db }: { id: string; tx?: Tx }) {
  const [u] = await tx.select(publicUserColumns).from(users).where(eq(users.id, id)).limit(1);
  return u;
}

export async function createUser({
  email,
  password,
  name,
  role = "learner",
  organisationId = null,
  passwordHash,
  tx = db,
}: {
  email: string;
  password?: string;
  name: string;
  role?: Role;
  organisationId?: string | null;
  passwordHash?: string;
  tx?: Tx;
}) {
  try {
    const [u] = await tx
      .insert(users)
      .values({ email: email.toLowerCase(), name, role, organisationId, passwordHash: passwordHash ?? (await hashPassword(password!)) })
      .returning(publicUserColumns);
    return u;
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.conflict("An account with this email already exists.", { fields: { email: "already registered" } });
    throw e;
  }
}

export async function createApiToken({ userId, name }: { userId: string; name: string }) {
  const t = newToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: t.hash, prefix: t.prefix })
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
  return { ...row, token: t.token };
}

export async function listApiTokens({ userId }: { userId: string }) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt);
}

/** Revokes one of the caller's tokens, by id or by prefix. False when it is not theirs. */
export async function revokeApiToken({ userId, token }: { userId: string; token: string }) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(token);
  const r = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), isUuid ? eq(apiTokens.id, token) : eq(apiTokens.prefix, token)))
    .returning({ id: apiTokens.id });
  return r.length > 0;
}

export async function userForToken({ token }: { token: string }) {
  const [row] = await db
    .select({ ...publicUserColumns, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (row) await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return row;
}
