import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { errors } from "@/lib/errors";
import { env } from "@/lib/env";

/**
 * Fixed-window counter in Postgres, so the limit holds across app instances and restarts.
 * One upsert per hit; old windows are pruned now and then.
 */
export async function hit(key: string, limit: number, windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const [row] = await rows<{ count: number }>(db, sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count`);
  const count = Number(row?.count ?? 1);
  if (Math.random() < 0.01) await db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
  return { allowed: count <= limit, count, resetAt: new Date(windowStart.getTime() + windowMs) };
}

export async function enforce(key: string, limit: number, windowSeconds: number) {
  const r = await hit(key, limit, windowSeconds);
  if (!r.allowed) throw errors.rateLimited();
  return r;
}

export const LIMITS = {
  // Per email and client address. The e2e suite signs the demo accounts in more often than this
  // and raises it with SORTIE_SIGNIN_LIMIT.
  signIn: { get limit() { return env().SORTIE_SIGNIN_LIMIT; }, windowSeconds: 300 },
  register: { get limit() { return env().SORTIE_SIGNUP_LIMIT; }, windowSeconds: 3600 },
  upload: { limit: 60, windowSeconds: 600 },
} as const;
