import { allowServerOnlyImports, requireDatabaseUrl } from "./server-modules";
import { quantile } from "../lib/analytics/math";

export const BASE = process.env.BENCH_URL ?? "http://localhost:3400";

/** A user of the given role with a fresh personal access token (created in the bench database). */
export async function benchUser(role: "learner" | "admin" | "enterprise", email: string, organisationSlug?: string) {
  requireDatabaseUrl();
  allowServerOnlyImports();
  const { db } = await import("@/lib/db");
  const { users } = await import("@/lib/db/schema");
  const { createApiToken } = await import("@/lib/db/queries/users");
  const { sql } = await import("drizzle-orm");
  const { organisations } = await import("@/lib/db/schema");
  const [org] = organisationSlug ? await db.select({ id: organisations.id }).from(organisations).where(sql`${organisations.slug} = ${organisationSlug}`) : [];
  await db
    .insert(users)
    .values({ email, name: `Bench ${role}`, role, organisationId: org?.id ?? null, passwordHash: "$2b$04$0nW8w3ZkE2Wq8b5e5yq7kOQ0a0zN2b4O5sYH0G5tFJ3f7o2C6y4yS" })
    .onConflictDoNothing();
  const [u] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
  const t = await createApiToken({ userId: u.id, name: "bench" });
  return { id: u.id, token: t.token };
}

export function summarise(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  const r = (q: number) => Math.round((quantile(s, q) ?? NaN) * 10) / 10;
  return { n: s.length, p50: r(0.5), p95: r(0.95), p99: r(0.99), max: s.length ? Math.round(s[s.length - 1] * 10) / 10 : NaN };
}
