import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { PROGRESS_STATES } from "@/lib/db/schema/enums";
import { isActive } from "@/lib/missions/state";

/**
 * Every reader of raw telemetry_events, in one place, with what it needs kept. Retention
 * (lib/telemetry/retention.ts) drops a raw event only when no reader's `keep` holds for it, so a
 * figure computed from raw events gives the same answer after retention as before, and
 * `telemetry-readers.test.ts` fails when a source file reads telemetry_events without being listed
 * here. A new reader: add it with the rows it needs, or with `keep: () => sql\`true\`` if it needs the full
 * history (retention then keeps everything).
 *
 * `keep` is a condition on `e`, a row of the partition (or default partition) being trimmed; it may
 * read other tables and telemetry_events itself. The conditions are OR-ed: a row any reader needs stays.
 */
export interface RawEventReader {
  /** The function or figure that reads raw events. */
  reader: string;
  /** Where it lives (the registry test checks that every file reading telemetry_events is listed). */
  files: string[];
  /** What it needs, in words (the retention job's policy, shown in its output and in CONTRIBUTING). */
  needs: string;
  /** The condition on `e`, a row of relation `rel` (the partition being trimmed), under which it is kept. */
  keep: (rel: SQL) => SQL;
}

/** Attempts that may still change: their events are the live timeline, the stage page and the nudge. */
export const OPEN_ATTEMPT_STATES = PROGRESS_STATES.filter(isActive);
const openStates = sql.raw(OPEN_ATTEMPT_STATES.map((s) => `'${s}'`).join(", "));

export const RAW_EVENT_READERS: RawEventReader[] = [
  {
    reader: "attemptEvents (timeline, stage page, nudges)",
    files: ["lib/db/queries/attempts.ts"],
    needs: "the events of attempts still open (in progress, submitted, in review, changes requested); recipe views are kept below",
    keep: () => sql`e.progress_id in (select id from mission_progress where state in (${openStates}))`,
  },
  {
    reader: "visibleStageMs (stage time in the dashboards' items, the review screen, nudges)",
    files: ["lib/db/queries/stage-time.ts", "lib/analytics/items.ts"],
    needs: "stage.entered / stage.left of attempts with a stage.left without visible_ms (paired at read time; rare)",
    keep: () => sql`e.type in ('stage.entered', 'stage.left') and e.progress_id in (
      select u.progress_id from telemetry_events u
      where u.type = 'stage.left' and jsonb_typeof(u.payload->'visible_ms') is distinct from 'number')`,
  },
  {
    reader: "nudge lift (learning analytics)",
    files: ["lib/analytics/learning.ts"],
    needs: "nudge.shown and nudge.opened of every attempt (the figure covers all attempts in scope)",
    keep: () => sql`e.type in ('nudge.shown', 'nudge.opened')`,
  },
  {
    reader: "recipe effectiveness and recipe usage (all-time views, time spent, marked used)",
    files: ["lib/db/queries/recipe-analytics.ts"],
    needs: "every recipe.viewed, recipe.completed and recipe.marked_used (the usage page has an all-time view)",
    keep: () => sql`e.type in ('recipe.viewed', 'recipe.completed', 'recipe.marked_used')`,
  },
  {
    reader: "xAPI export (eventsPage)",
    files: ["lib/db/queries/telemetry.ts"],
    needs: "nothing kept for it: it exports what retention keeps (its cursor is (received_at, id), unchanged by trimming)",
    keep: () => sql`false`,
  },
];

/**
 * Files that name telemetry_events without reading it for a figure: writers and the schema, and
 * partition upkeep itself (the registry test allows these).
 */
export const RAW_EVENT_WRITERS = [
  "lib/db/schema/telemetry.ts",
  "lib/db/queries/telemetry.ts",
  "lib/db/queries/abandoned.ts",
  "lib/db/queries/telemetry-readers.ts",
  "lib/db/queries/telemetry-partitions.ts",
  "lib/telemetry/record.ts",
  "lib/telemetry/retention.ts",
  "lib/demo/history.ts",
];

/** Whether row `e` of relation `rel` (a partition being trimmed) is needed by some reader: true or false, never null. */
export function keptCondition(rel: SQL): SQL {
  return sql.join(
    RAW_EVENT_READERS.map((r) => sql`coalesce((${r.keep(rel)}), false)`),
    sql` or `,
  );
}
