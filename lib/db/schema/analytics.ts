import { bigint, bigserial, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { missions } from "./missions";
import { users } from "./users";

/**
 * Missions whose dashboard figures changed since the rollup was last refreshed. Append-only: the
 * statement triggers in drizzle/0001_analytics_rollups.sql add a row per changed mission and
 * statement (attempts, stage completions, decisions, hints, tools, stage time, untimed stage.left
 * events); refreshRollups() deletes the rows it has seen and recomputes those missions. Appending
 * (never upserting) is what makes a write that lands during a refresh leave its mark for the next one.
 */
export const analyticsDirty = pgTable("analytics_dirty", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  missionId: uuid("mission_id").notNull(),
  markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Per-scope, per-mission rollup of every additive figure behind the performance dashboard and heatmaps, as
 * generic rows (kind, key, sub, value) → counts and sums. What each kind means is documented in
 * lib/analytics/items.ts (ITEM_KINDS), which also holds the one query that computes them: the admin
 * dashboards read these rows; scoped or date-filtered views run the same query live.
 */
export const missionRollupItems = pgTable(
  "mission_rollup_items",
  {
    /** "" = every learner; "cohort:<id>" and "org:<id>" = that cohort's or organisation's learners. */
    scope: text("scope").notNull().default(""),
    missionId: uuid("mission_id")
      .notNull()
      .references(() => missions.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    key: text("key").notNull().default(""),
    sub: text("sub").notNull().default(""),
    value: doublePrecision("value").notNull().default(0),
    n: integer("n").notNull().default(0),
    n2: integer("n2").notNull().default(0),
    n3: integer("n3").notNull().default(0),
    total: doublePrecision("total").notNull().default(0),
    max: integer("max").notNull().default(0),
  },
  // Scope and kind first: a section reads one kind of one scope, optionally for some missions.
  // Migration 0002 adds INCLUDE (n, n2, n3, total, max) to this key by hand, for index-only reads.
  (t) => [primaryKey({ columns: [t.scope, t.kind, t.missionId, t.key, t.sub, t.value] }), index("mission_rollup_items_mission_idx").on(t.missionId)],
);

/**
 * Which track × tier cells each learner has attempted, per rollup scope they count in (as
 * mission_rollup_items.scope), as a bit set (bit = track index × 4 + tier index): "distinct learners"
 * for any track/tier filter is then a count over one scope's rows instead of a distinct over every
 * attempt. A refresh adds the bits of the learners it touches and drops their rows for scopes they
 * have left; bits are not removed otherwise (attempts are not deleted; a deleted user takes their rows
 * along). rebuildRollups() recomputes it from scratch.
 */
export const learnerCells = pgTable(
  "learner_cells",
  {
    scope: text("scope").notNull().default(""),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cells: integer("cells").notNull().default(0),
  },
  // Migration 0002 adds INCLUDE (cells) to the key by hand: a learner count is an index-only scan.
  (t) => [primaryKey({ columns: [t.scope, t.userId] }), index("learner_cells_user_idx").on(t.userId)],
);

/**
 * Date ranges kept in the rollup: a dashboard asked for attempts started in [from_at, to_at) of a base
 * scope ("" / cohort / organisation) gets its own rollup scope (see rangeScope in
 * lib/analytics/filters.ts), computed on first use and then refreshed with the others. Only
 * day-aligned ranges are kept, the SORTIE_ROLLUP_RANGES most recently used ones.
 */
export const analyticsRanges = pgTable("analytics_ranges", {
  scope: text("scope").primaryKey(),
  base: text("base").notNull(),
  fromAt: timestamp("from_at", { withTimezone: true }),
  toAt: timestamp("to_at", { withTimezone: true }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The rollup's version, one row: `generation` goes up in every transaction that changes what the
 * rollup holds (a refresh that recomputed missions, a date range computed), so an answer computed
 * from the rollup stays exact for as long as the version is unchanged (lib/analytics/memo.ts).
 * `epoch` is drawn when the row is created: a database built anew never repeats an old version.
 */
export const analyticsGeneration = pgTable("analytics_generation", {
  id: integer("id").primaryKey().default(1),
  epoch: uuid("epoch").notNull().defaultRandom(),
  generation: bigint("generation", { mode: "number" }).notNull().default(0),
});
