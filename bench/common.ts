import { allowServerOnlyImports, requireDatabaseUrl } from "./server-modules";
import { quantile } from "../lib/analytics/math";

export const BASE = process.env.BENCH_URL ?? "http://localhost:3400";

/** A user of the given role with a fresh personal access token (created in the bench database). */
export async function benchUser(role: "learner" | "admin" | "enterprise", email: string, organisationSlug?: string) {
  requireDatabaseUrl();
  allowServerOnlyImports();
  const { db } = await import("@/lib/db");
  const { users } = await import("@/lib/db/schema");
  const { createApiToken } = await import("@/lib/auth/tokens");
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

/**
 * Waits (up to `maxSeconds`) until no rollup refresh is pending: the server's background refresher
 * recomputes what an earlier run marked (~25 s after an ingest run marks every mission), and
 * measuring while it runs compares two runs under different loads.
 */
export async function settle(url: string, maxSeconds = 120) {
  // The consumer deletes the changes it applies in its own transaction: they stay visible until it commits.
  const { default: postgres } = await import("postgres");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const t0 = performance.now();
  try {
    for (;;) {
      const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from analytics_changes`;
      if (n === 0 || performance.now() - t0 > maxSeconds * 1000) {
        if (n > 0) console.log(`(still ${n} analytics changes waiting after ${maxSeconds} s: is the server's analytics-maintenance job off?)`);
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await sql.end();
  }
  const waited = (performance.now() - t0) / 1000;
  if (waited > 2) console.log(`waited ${waited.toFixed(0)} s for a pending rollup refresh to finish`);
}
