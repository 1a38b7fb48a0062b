import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { analyticsCache } from "@/lib/db/schema";
import { env } from "@/lib/env";
import type { Caller } from "@/lib/auth/session";

/** Who an answer is for: everything for admins, a mentor's learners, an organisation's cohorts. */
export function audience(caller: Caller): string {
  if (caller.role === "admin") return "all";
  if (caller.role === "enterprise") return `org:${caller.organisationId ?? "none"}`;
  return `${caller.role}:${caller.id}`;
}

/**
 * Reuses a dashboard answer computed less than SORTIE_ANALYTICS_CACHE_SECONDS ago for the same
 * audience and filters (stored in Postgres, so every app instance shares it); computes and stores
 * it otherwise. The raw SQL stays the source of truth; this only bounds how often it runs.
 */
export async function cachedAnswer<T>({ name, audience: who, params, compute, tx = db }: { name: string; audience: string; params: unknown; compute: () => Promise<T>; tx?: Tx }): Promise<T> {
  const ttl = env().SORTIE_ANALYTICS_CACHE_SECONDS;
  if (ttl <= 0) return compute();
  const key = `${name}:${createHash("sha256").update(JSON.stringify([who, params])).digest("base64url")}`;
  const [hit] = await rows<{ body: T }>(tx, sql`select body from analytics_cache where key = ${key} and computed_at > now() - make_interval(secs => ${ttl})`);
  if (hit) return hit.body;
  const body = await compute();
  await tx
    .insert(analyticsCache)
    .values({ key, body, computedAt: new Date() })
    .onConflictDoUpdate({ target: analyticsCache.key, set: { body, computedAt: new Date() } });
  // Old entries go away now and then (1 in 50 writes), so the table stays small.
  if (Math.random() < 0.02) await tx.execute(sql`delete from analytics_cache where computed_at < now() - interval '1 day'`);
  return body;
}
