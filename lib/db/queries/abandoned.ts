import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { insertEventsSql } from "./telemetry";

/**
 * Records `mission.abandoned` for every open attempt (in progress or changes requested) idle for
 * `days` — the dashboards' definition of abandoned (idleAttempts, isAbandoned) — in one statement.
 * The event happens when the attempt became abandoned (last activity + days), at its current stage
 * (the drop-off stage). Its event_id is derived from the attempt and its last activity, so a second
 * sweep, a retried job or two instances racing record it once per idle spell; a learner who comes
 * back and goes quiet again gets a new one. The id is a name-based (version 3, MD5) UUID, so it is a
 * valid UUID wherever event ids are checked (a timeline moment is quoted by it).
 */
export async function recordAbandonedAttempts({ days, now = new Date(), limit = 5000, tx = db }: { days: number; now?: Date; limit?: number; tx?: Tx }) {
  const inserted = await rows<{ progress_id: string }>(
    tx,
    sql`with ${insertEventsSql(
      sql`select (substr(k.h, 1, 12) || '3' || substr(k.h, 14, 3) || substr('89ab', 1 + (('x' || substr(k.h, 17, 1))::bit(4)::int & 3), 1) || substr(k.h, 18))::uuid as event_id,
          'mission.abandoned' as type,
          p.user_id, p.last_activity_at + make_interval(days => ${days}) as occurred_at, ${now.toISOString()}::timestamptz as received_at,
          p.mission_id, p.id as progress_id, p.current_stage as stage_key, null::uuid as recipe_id,
          jsonb_build_object('idle_days', ${days}::int, 'last_activity_at', p.last_activity_at, 'state', p.state, 'attempt', p.attempt) as payload
        from mission_progress p
        cross join lateral (select md5('mission.abandoned:' || p.id::text || ':' || p.last_activity_at::text) as h) k
        where p.state in ('in_progress', 'changes_requested')
          and p.last_activity_at < ${now.toISOString()}::timestamptz - make_interval(days => ${days})
        order by p.last_activity_at
        limit ${limit}`,
      { received: true, returning: sql`progress_id::text as progress_id` },
    )}
      select progress_id from ins`,
  );
  return inserted.length;
}
