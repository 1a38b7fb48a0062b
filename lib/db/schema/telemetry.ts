import { sql } from "drizzle-orm";
import { bigserial, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only. event_id is the client's idempotency key; duplicates are dropped on insert. */
export const telemetryEvents = pgTable(
  "telemetry_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: uuid("event_id").notNull().unique(),
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
    // No foreign keys here on purpose: ingest must stay one cheap multi-row insert; ownership is checked before.
    index("telemetry_progress_idx").on(t.progressId, t.occurredAt),
    index("telemetry_mission_type_idx").on(t.missionId, t.type, t.occurredAt),
    index("telemetry_user_idx").on(t.userId, t.occurredAt),
    index("telemetry_recipe_idx").on(t.recipeId, t.type),
    index("telemetry_type_time_idx").on(t.type, t.occurredAt),
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
