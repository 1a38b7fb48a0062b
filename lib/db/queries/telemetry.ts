import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows, sqlTextArray, sqlUuidArray } from "@/lib/db/sql";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IngestRow {
  eventId: string;
  type: string;
  userId: string;
  /** A Date, or an ISO date-time with an offset as the client sent it (Postgres parses it). */
  occurredAt: Date | string;
  missionId: string | null;
  progressId: string | null;
  stageKey: string | null;
  recipeId: string | null;
  payload: Record<string, unknown>;
}

/** Mission ids by uuid or code, for the references a batch makes (one query). */
export async function resolveMissionRefs({ refs, tx = db }: { refs: string[]; tx?: Tx }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (refs.length === 0) return out;
  const ids = refs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase());
  const codes = refs.filter((r) => !UUID.test(r)).map((r) => r.toUpperCase());
  const found = await rows<{ id: string; code: string }>(
    tx,
    sql`select id::text as id, code from missions
        where id = any(${sqlUuidArray(ids)}) or code = any(${sqlTextArray(codes)})`,
  );
  for (const r of refs) {
    const hit = found.find((f) => f.id === r.toLowerCase() || f.code === r.toUpperCase());
    if (hit) out.set(r, hit.id);
  }
  return out;
}

/** Recipe ids by uuid or slug (one query). */
export async function resolveRecipeRefs({ refs, tx = db }: { refs: string[]; tx?: Tx }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (refs.length === 0) return out;
  const ids = refs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase());
  const slugs = refs.filter((r) => !UUID.test(r));
  const found = await rows<{ id: string; slug: string }>(
    tx,
    sql`select id::text as id, slug from recipes where id = any(${sqlUuidArray(ids)}) or slug = any(${sqlTextArray(slugs)})`,
  );
  for (const r of refs) {
    const hit = found.find((f) => f.id === r.toLowerCase() || f.slug === r);
    if (hit) out.set(r, hit.id);
  }
  return out;
}

/** Owner and mission of each progress id the batch mentions (one query). */
export async function progressOwners({ ids, tx = db }: { ids: string[]; tx?: Tx }) {
  const out = new Map<string, { userId: string; missionId: string }>();
  if (ids.length === 0) return out;
  const found = await rows<{ id: string; user_id: string; mission_id: string }>(
    tx,
    sql`select id::text as id, user_id::text as user_id, mission_id::text as mission_id from mission_progress where id = any(${sqlUuidArray(ids)})`,
  );
  for (const f of found) out.set(f.id, { userId: f.user_id, missionId: f.mission_id });
  return out;
}

/**
 * The idempotent insert of telemetry events, as SQL: `source` is a relation with the columns of
 * telemetry_events but id (and received_at, optional via `received`). The event ids go into
 * telemetry_event_ids first (ON CONFLICT DO NOTHING, in key order so overlapping concurrent batches
 * lock alike and cannot deadlock); only the events whose id this statement inserted are stored, in the
 * same statement. A re-sent event, or one a parallel retry stored first (its id insert waits for that
 * transaction, then conflicts), is not stored twice. `returning` is what the caller reads back.
 */
export function insertEventsSql(source: SQL, { received = false, returning }: { received?: boolean; returning: SQL }): SQL {
  const cols = sql.raw(`event_id, type, user_id, occurred_at, ${received ? "received_at, " : ""}mission_id, progress_id, stage_key, recipe_id, payload`);
  return sql`src as (select distinct on (event_id) * from (${source}) s order by event_id),
    ids as (insert into telemetry_event_ids (event_id) select event_id from src order by event_id on conflict do nothing returning event_id),
    ins as (insert into telemetry_events (${cols}) select ${cols} from src where src.event_id in (select event_id from ids) returning ${returning})`;
}

/**
 * One idempotent multi-row insert for the whole batch (insertEventsSql). Returns how many events were
 * actually stored; the rest were already there (sent before, or by a parallel retry).
 */
export async function insertEvents({ events, tx = db }: { events: IngestRow[]; tx?: Tx }): Promise<number> {
  if (events.length === 0) return 0;
  // The batch travels as one JSON parameter and is unpacked by jsonb_to_recordset: one statement,
  // one round trip, and no per-row parameter building in JavaScript (500 rows × 9 columns). Its keys
  // are one letter, absent values are left out and the user is sent once when every row has the same
  // one (an ingest batch always does): the JSON is 40% smaller, which is less to stringify, to write to
  // the socket and for Postgres to parse (a 500-event batch 156 → 90 kB, −10% per statement).
  const user = events[0].userId;
  const batch = JSON.stringify(
    events.map((e) => ({
      i: e.eventId,
      t: e.type,
      u: e.userId === user ? undefined : e.userId,
      o: typeof e.occurredAt === "string" ? e.occurredAt : e.occurredAt.toISOString(),
      m: e.missionId ?? undefined,
      p: e.progressId ?? undefined,
      s: e.stageKey ?? undefined,
      r: e.recipeId ?? undefined,
      d: e.payload,
    })),
  );
  // The stage_time rollup is fed from RETURNING, i.e. only the rows this statement really inserted:
  // an event sent again (or by a parallel retry) conflicts, is not returned, and is not added twice.
  const source = sql`select i as event_id, t as type, coalesce(u, ${user}::uuid) as user_id, o as occurred_at, m as mission_id, p as progress_id,
      s as stage_key, r as recipe_id, coalesce(d, '{}'::jsonb) as payload
    from jsonb_to_recordset(${batch}::jsonb) as x(i uuid, t text, u uuid, o timestamptz, m uuid, p uuid, s text, r uuid, d jsonb)`;
  const [r] = await rows<{ n: number }>(
    tx,
    sql`with ${insertEventsSql(source, { returning: sql`type, user_id, occurred_at, progress_id, mission_id, stage_key, payload` })},
        roll as (${stageTimeUpsert(sql`ins`)}),
        ${lastEventsUpsert(sql`ins`)}
        select count(*)::int as n from ins`,
  );
  return Number(r?.n ?? 0);
}

/** How far behind user_last_events may lag a user's latest event (see userLastEvents). */
const LAST_EVENT_SLACK = "1 minute";

/**
 * CTEs keeping user_last_events from a relation of just-inserted events (columns user_id, occurred_at):
 * an UPDATE only where the latest event is more than LAST_EVENT_SLACK newer (a row the WHERE skips is
 * neither written nor locked, so concurrent batches of one user do not queue on it), and an insert for
 * a user the statement's snapshot has no row for. Not one upsert for both: ON CONFLICT DO UPDATE locks
 * the row even when its WHERE says no. The insert's own conflict (a concurrent first batch committed
 * the row meanwhile) keeps the later time.
 */
function lastEventsUpsert(source: SQL): SQL {
  return sql`seen as (select user_id, max(occurred_at) as at from ${source} group by user_id),
    seen_moved as (update user_last_events l set last_event_at = seen.at from seen
      where l.user_id = seen.user_id and l.last_event_at < seen.at - interval '${sql.raw(LAST_EVENT_SLACK)}'),
    seen_first as (insert into user_last_events (user_id, last_event_at)
      select user_id, at from seen where not exists (select 1 from user_last_events l where l.user_id = seen.user_id)
      order by user_id on conflict (user_id) do update set last_event_at = greatest(user_last_events.last_event_at, excluded.last_event_at))`;
}

/**
 * INSERT … ON CONFLICT DO UPDATE into stage_time from a relation of just-inserted events
 * (columns type, progress_id, mission_id, stage_key, payload): the visible_ms of each stage.left with a numeric
 * visible_ms, summed per attempt and stage. Rows in key order, so concurrent batches lock alike.
 */
export function stageTimeUpsert(source: SQL): SQL {
  return sql`insert into stage_time as st (progress_id, stage_key, mission_id, visible_ms, visits)
    select progress_id, stage_key, min(mission_id::text)::uuid, sum((payload->>'visible_ms')::float8), count(*)::int
    from ${source}
    where type = 'stage.left' and progress_id is not null and stage_key is not null and mission_id is not null
      and jsonb_typeof(payload->'visible_ms') = 'number'
    group by progress_id, stage_key
    order by progress_id, stage_key
    on conflict (progress_id, stage_key) do update
      set visible_ms = st.visible_ms + excluded.visible_ms, visits = st.visits + excluded.visits`;
}

/** A stored event with the names of what it refers to (for exports such as xAPI). */
export interface NamedEventRow {
  /** The bigserial id, as text: with received_us, the export cursor. */
  id: string;
  /** received_at in whole microseconds since the epoch (exact, unlike a JavaScript Date). */
  received_us: string;
  event_id: string;
  type: string;
  user_id: string;
  user_name: string | null;
  occurred_at: string | Date;
  received_at: string | Date;
  mission_id: string | null;
  mission_code: string | null;
  mission_title: string | null;
  progress_id: string | null;
  stage_key: string | null;
  stage_title: string | null;
  recipe_id: string | null;
  recipe_slug: string | null;
  recipe_title: string | null;
  payload: Record<string, unknown>;
}

/** Where an export page resumes: after (received_at, id), or after a bare id (cursors of old). */
export type EventsAfter = { receivedUs: string; id: number } | { id: number };

/**
 * Events after a cursor, in (received_at, id) order, with the names of what they refer to. Only
 * events no transaction can still precede are returned: received_at is its inserting
 * transaction's start (now()), so every event that may yet commit has received_at at or after the
 * start of the oldest transaction still open, and the page stops before it. Ordering by the
 * bigserial id alone let a consumer page past a row whose transaction committed late.
 */
export async function eventsPage({ after, limit, since, until, type, tx = db }: { after: EventsAfter; limit: number; since?: Date; until?: Date; type?: string; tx?: Tx }) {
  const start =
    "receivedUs" in after
      ? sql`(timestamptz 'epoch' + ${after.receivedUs}::bigint * interval '1 microsecond')`
      : sql`coalesce((select received_at from telemetry_events where id = ${after.id}), '-infinity'::timestamptz)`;
  return rows<NamedEventRow>(
    tx,
    sql`with horizon as (
          select least(now(), coalesce(min(xact_start), now())) as h from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null)
        select e.id::text as id, (extract(epoch from e.received_at) * 1000000)::bigint::text as received_us, e.event_id::text as event_id, e.type, e.user_id::text as user_id, u.name as user_name,
          e.occurred_at, e.received_at, e.mission_id::text as mission_id, m.code as mission_code, m.title as mission_title,
          e.progress_id::text as progress_id, e.stage_key, s.title as stage_title,
          e.recipe_id::text as recipe_id, r.slug as recipe_slug, r.title as recipe_title, e.payload
        from telemetry_events e
        left join users u on u.id = e.user_id
        left join missions m on m.id = e.mission_id
        left join mission_stages s on s.mission_id = e.mission_id and s.key = e.stage_key
        left join recipes r on r.id = e.recipe_id
        where (e.received_at, e.id) > (${start}, ${after.id})
          and e.received_at < (select h from horizon)
          ${since ? sql`and e.occurred_at >= ${since.toISOString()}` : sql``}
          ${until ? sql`and e.occurred_at < ${until.toISOString()}` : sql``}
          ${type ? sql`and e.type = ${type}` : sql``}
        order by e.received_at, e.id
        limit ${limit}`,
  );
}

