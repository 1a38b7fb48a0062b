import "server-only";
import { insertApiToken, revokeApiToken as revokeTokenRow, userForTokenHash } from "@/lib/db/queries/users";
import { newToken, sha256 } from "./password";

// Personal access tokens (SPEC §4 "Authentication"): only a token's SHA-256 and its prefix are
// stored, so the token is shown once, at creation, and looked up by hash.

/** A new token for the user; `token` is the only time the secret leaves the server. */
export async function createApiToken({ userId, name, expiresInDays }: { userId: string; name: string; expiresInDays?: number }) {
  const t = newToken();
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const row = await insertApiToken({ userId, name, tokenHash: t.hash, prefix: t.prefix, expiresAt });
  return { ...row, token: t.token };
}

/** Revokes one of the user's tokens, by id or by prefix. False when it is not theirs. */
export async function revokeApiToken({ userId, token }: { userId: string; token: string }) {
  return revokeTokenRow({ userId, token });
}

/** The owner of a live token, or undefined. */
export async function userForToken({ token }: { token: string }) {
  return userForTokenHash({ tokenHash: sha256(token) });
}
