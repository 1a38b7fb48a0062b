// API JSON is snake_case (SPEC §4 names fields that way); these map rows to it.
export function toMe(u: { id: string; email: string; name: string; role: string; organisationId: string | null }) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, organisation_id: u.organisationId };
}

export function toToken(t: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt?: Date | null; expiresAt?: Date | null }) {
  return { id: t.id, name: t.name, prefix: t.prefix, created_at: t.createdAt.toISOString(), last_used_at: t.lastUsedAt?.toISOString() ?? null, expires_at: t.expiresAt?.toISOString() ?? null };
}
