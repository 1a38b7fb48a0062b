import { sql } from "drizzle-orm";
import { bigserial, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Append-only, partitioned by month of occurred_at (drizzle/0010: declarative RANGE partitions
 * `telemetry_events_yYYYYmMM` plus a default partition for months without one; partitions are made
 * ahead by the retention job and on demand by ensureTelemetryPartitions). occurred_at is the column
 * every date-bounded reader filters on (recipe usage ranges, a learner's recipe views while an attempt
 * is open, the xAPI export's since/until), so those prune partitions; retention drops a month by it.
 * Drizzle-kit cannot express partitioning: the table is created by hand in 0010, this is its shape.
 *
 * event_id is the client's idempotency key. A unique index on a partitioned table must contain the
 * partition key, so exactly-once lives in telemetry_event_ids (written by the same statement).
 * Indexes: only those a reader uses (see RAW_EVENT_READERS in lib/telemetry/retention-policy.ts).
 */
export const telemetryEvents = pgTable(
  "telemetry_events",
  {
    id: bigserial("id", { mode: "number" }).notNull(),
    eventId: uuid("event_id").notNull(),
    type: text("type").notNull(),
    userId: uuid("user_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    missionId: uuid("mission_id"),
    progressId: uuid("progress_id"),
    stageKey: text("stage_key"),
    recipeId: uuid("recipe_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    // The partition key must be part of the primary key. id alone: the export's legacy cursors.
    primaryKey({ columns: [t.id, t.occurredAt] }),
    // No foreign keys here on purpose: ingest must stay one cheap multi-row insert; ownership is checked before.
    // An attempt's events (timeline, nudge lift, untimed stage pairs, retention's open attempts).
    index("telemetry_progress_idx").on(t.progressId, t.occurredAt),
    // A learner's events by time (recipe views while an attempt is open).
    index("telemetry_user_idx").on(t.userId, t.occurredAt),
    // recipe.* events only (recipe usage and effectiveness): small, unlike an index over every event.
    index("telemetry_recipe_idx")
      .on(t.recipeId, t.type, t.occurredAt)
      .where(sql`${t.recipeId} is not null`),
    // Nudge events of attempts (learning analytics' nudge lift reads them by type for every attempt in scope).
    index("telemetry_nudge_idx")
      .on(t.progressId, t.stageKey)
      .where(sql`${t.type} in ('nudge.shown', 'nudge.opened')`),
    // The xAPI export pages by (received_at, id): see eventsPage.
    index("telemetry_received_idx").on(t.receivedAt, t.id),
    // stage.left events without a reported visible_ms (rare: only non-tracker senders). Time per stage
    // pairs these with their stage.entered at read time; everything else comes from stage_time.
    index("telemetry_stage_left_untimed_idx")
      .on(t.progressId)
      .where(sql`${t.type} = 'stage.left' and jsonb_typeof(${t.payload} -> 'visible_ms') is distinct from 'number'`),
  ],
);

/**
 * Every event_id stored in telemetry_events, once: the idempotency key across partitions. The ingest
 * statement inserts here first (ON CONFLICT DO NOTHING) and stores only the events whose id it
 * inserted, in the same statement, so a re-sent or concurrently retried event is stored once.
 * Retention deletes the ids of the events it drops (a copy of a dropped event sent again later would
 * be stored again, and dropped again by the next run: exactly-once holds within the retention window).
 */
export const telemetryEventIds = pgTable("telemetry_event_ids", {
  eventId: uuid("event_id").primaryKey(),
});

/**
 * When each user's latest event happened (the cohort dashboard's "last activity", with their attempts'
 * last_activity_at). Kept by insertEvents, in the same statement, from the rows it inserted, and only
 * when it moves by more than a minute (LAST_EVENT_SLACK): a learner's steady stream of batches then
 * updates the row once a minute, and the batches in between neither write nor lock it. Events the
 * abandonment sweep records (mission.abandoned, insertEventsSql) are not activity and do not move it.
 * Survives telemetry retention, so the figure needs no raw event kept.
 */
export const userLastEvents = pgTable("user_last_events", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  lastEventAt: timestamp("last_event_at", { withTimezone: true }).notNull(),
});

/**
 * Rollup of visible time per attempt and stage: the sum of stage.left payload.visible_ms (a number)
 * and how many such stage.left events there were. Maintained by the same statement that inserts
 * the events (insertEvents, recordEvents), fed only by the rows that INSERT … ON CONFLICT DO NOTHING
 * actually inserted, so a re-sent event is never counted twice. Time per stage reads this instead of
 * scanning events. No foreign key, like telemetry_events (ingest stays one cheap statement).
 */
export const stageTime = pgTable(
  "stage_time",
  {
    progressId: uuid("progress_id").notNull(),
    stageKey: text("stage_key").notNull(),
    /** The events' mission (the attempt's): lets a one-mission view read only its rows. */
    missionId: uuid("mission_id").notNull(),
    visibleMs: doublePrecision("visible_ms").notNull().default(0),
    visits: integer("visits").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.progressId, t.stageKey] }),
    // Covers a one-mission read (index-only: mission, stage, the value, and the attempt for scoping).
    index("stage_time_mission_idx").on(t.missionId, t.stageKey, t.visibleMs, t.progressId),
  ],
);

export type TelemetryEventRow = typeof telemetryEvents.$inferSelect;
