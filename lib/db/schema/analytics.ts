import { bigint, bigserial, date, doublePrecision, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The ordered change log of the analytics aggregates (lib/analytics/aggregates.ts). Append-only:
 * statement triggers (drizzle/0008_incremental_aggregates.sql) add, in the writer's transaction, the
 * attempt a write touched (attempts and their child rows, untimed stage.left events, reviews and rubric
 * scores), the learner whose cohort membership changed, or the mission whose content changed.
 * applyChanges() (the analytics-maintenance job, once per cluster) consumes the rows its snapshot
 * sees, in id order, and deletes them; a write committed meanwhile leaves its row for the next run.
 */
export const analyticsChanges = pgTable("analytics_changes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  progressId: uuid("progress_id"),
  userId: uuid("user_id"),
  missionId: uuid("mission_id"),
  loggedAt: timestamp("logged_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What each attempt last contributed to the aggregates: its mission, learner, UTC start day and the
 * scopes it was counted in ("" = everyone, "cohort:<id>", "org:<id>"). Applying a change subtracts
 * exactly this (with the attempt's analytics_facts) before adding the attempt's current figures.
 */
export const analyticsAttempts = pgTable(
  "analytics_attempts",
  {
    progressId: uuid("progress_id").primaryKey(),
    missionId: uuid("mission_id").notNull(),
    userId: uuid("user_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    scopes: text("scopes").array().notNull(),
  },
  (t) => [index("analytics_attempts_user_idx").on(t.userId), index("analytics_attempts_mission_idx").on(t.missionId)],
);

/**
 * The columns of an additive item (kind, key, sub, value → n, n2, n3, total), shared by an attempt's facts
 * and the aggregates that sum them; a function, so each table gets its own column builders.
 */
const itemColumns = () => ({
  kind: text("kind").notNull(),
  key: text("key").notNull().default(""),
  sub: text("sub").notNull().default(""),
  value: doublePrecision("value").notNull().default(0),
  n: integer("n").notNull().default(0),
  n2: integer("n2").notNull().default(0),
  n3: integer("n3").notNull().default(0),
  // numeric: sums of scores and milliseconds added and subtracted stay exact (a rebuild gives the same).
  total: numeric("total").notNull().default("0"),
});

/**
 * One attempt's figures as additive items (kind, key, sub, value → n, n2, n3, total; see ITEM_KINDS in
 * lib/analytics/items.ts), computed from the raw tables by factBody (lib/analytics/facts.ts).
 */
export const analyticsFacts = pgTable(
  "analytics_facts",
  {
    progressId: uuid("progress_id").notNull(),
    ...itemColumns(),
  },
  (t) => [primaryKey({ columns: [t.progressId, t.kind, t.key, t.sub, t.value] })],
);

/**
 * The aggregates the dashboards read: the facts of every attempt summed per (scope, mission, UTC start
 * day, kind, key, sub, value). A date range of whole days sums its days. Rows whose figures are all
 * zero are deleted, so the incremental state and a rebuild hold the same rows.
 */
export const analyticsDaily = pgTable(
  "analytics_daily",
  {
    scope: text("scope").notNull(),
    missionId: uuid("mission_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    ...itemColumns(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.kind, t.missionId, t.day, t.key, t.sub, t.value] })],
);

/**
 * analytics_daily summed over every day: one all-time bucket per (scope, kind, mission, key, sub,
 * value), which undated reads (the admin's and an organisation's default views) sum instead of a
 * scope's every day. Kept by the same delta application and rebuild as analytics_daily; rows whose
 * figures are all zero are deleted there too.
 */
export const analyticsTotals = pgTable(
  "analytics_totals",
  {
    scope: text("scope").notNull(),
    missionId: uuid("mission_id").notNull(),
    ...itemColumns(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.kind, t.missionId, t.key, t.sub, t.value] })],
);

/**
 * Distinct learners, which do not add up across days or missions: how many attempts each learner
 * started per (scope, mission, day). A count of distinct user_id over a scope's days answers it.
 */
export const analyticsLearnerDays = pgTable(
  "analytics_learner_days",
  {
    scope: text("scope").notNull(),
    missionId: uuid("mission_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    userId: uuid("user_id").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.missionId, t.day, t.userId] })],
);

/**
 * Distinct learners of a whole scope, all time: how many attempts each learner has in it
 * (analytics_learner_days summed over missions and days). The undated, unfiltered views (the admin's,
 * an organisation's, a cohort's) count its rows instead of distinct user_id over every learner-day
 * of the scope (a million rows at 1M attempts).
 */
export const analyticsScopeLearners = pgTable(
  "analytics_scope_learners",
  {
    scope: text("scope").notNull(),
    userId: uuid("user_id").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.userId] })],
);

/**
 * The aggregates' version, one row: `generation` goes up in every transaction that changes them
 * (applyChanges, a rebuild), so an answer computed from them stays exact while it is unchanged
 * (lib/analytics/memo.ts). `epoch` is drawn when the row is created: a database built anew never
 * repeats an old version. `applied_at`: when the last applyChanges finished.
 */
export const analyticsGeneration = pgTable("analytics_generation", {
  id: integer("id").primaryKey().default(1),
  epoch: uuid("epoch").notNull().defaultRandom(),
  generation: bigint("generation", { mode: "number" }).notNull().default(0),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Per scope, the generation at which its data last changed (an attempt counted in it, a review of one,
 * a member joining or leaving): the cohort dashboard keeps its answer under its cohort's entry.
 */
export const analyticsScopeVersions = pgTable("analytics_scope_versions", {
  scope: text("scope").primaryKey(),
  generation: bigint("generation", { mode: "number" }).notNull().default(0),
});
