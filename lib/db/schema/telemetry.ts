import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
  ],
);

export type TelemetryEventRow = typeof telemetryEvents.$inferSelect;

/**
 * Dashboard answers computed from the raw tables, kept for a short time (SORTIE_ANALYTICS_CACHE_SECONDS)
 * per scope and filters, so repeated loads at 1M events stay fast on every app instance.
 */
export const analyticsCache = pgTable(
  "analytics_cache",
  {
    key: text("key").primaryKey(),
    body: jsonb("body").$type<unknown>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("analytics_cache_time_idx").on(t.computedAt)],
);
