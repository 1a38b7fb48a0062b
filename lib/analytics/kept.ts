import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { memoised, rolledKey } from "./memo";
import { scopeVersion } from "./aggregates";
import type { Source } from "./source";

/**
 * Figures the server keeps between requests (memo.ts) instead of computing them on every read. A
 * kept figure follows writes only while every write to a table it reads appends to analytics_changes
 * (the triggers of drizzle/0008_incremental_aggregates.sql), so each one names those tables in `reads`,
 * beside its query. kept.int.test.ts computes every kept figure, fails if Postgres saw it read a table
 * it did not name, and fails if a named table has no trigger that logs (and is neither one of the
 * aggregates' own tables nor MARKED_THROUGH another's trigger).
 */
export interface KeptFigure<A, T> {
  /** Unique among kept figures: the memo key starts with it. */
  name: string;
  reads: readonly string[];
  compute: (arg: A, tx: Tx) => Promise<T>;
}

const figures: KeptFigure<never, unknown>[] = [];

/** Declares a kept figure (what it is, what it reads, how it is computed); use it through keepRolled or keepUntilChange. */
export function keptFigure<A, T>(figure: KeptFigure<A, T>): KeptFigure<A, T> {
  figures.push(figure as KeptFigure<never, unknown>);
  return figure;
}

/** Every kept figure declared by the modules loaded so far (the test loads all of lib/analytics). */
export function keptFigures(): readonly KeptFigure<never, unknown>[] {
  return figures;
}

/**
 * Tables kept figures read that have no trigger of their own, and the table whose trigger covers a
 * write to them:
 * - a content import rewrites a mission's stages, decisions, rubric and versions only together with
 *   an update of its mission row (new version and content hash), which marks the mission;
 * - a cohort counts only through its members: a new one has none, deleting one cascades to
 *   cohort_members, and nothing moves a cohort to another organisation.
 */
export const MARKED_THROUGH: Readonly<Record<string, string>> = {
  mission_stages: "missions",
  mission_versions: "missions",
  decision_points: "missions",
  decision_choices: "missions",
  rubric_criteria: "missions",
  cohorts: "cohort_members",
};

/** A kept answer and how fresh it is: the time up to which it counts writes (aggregatesState). */
export interface Kept<T> {
  value: T;
  asOf: Date;
}

/**
 * How long a read waits for an answer being computed for a newer version before it is given the kept
 * answer of the version before (with that answer's own as_of): under steady writes the version moves
 * on every second or so, and no reader should pay for the computation, not even the one that starts it
 * (SORTIE_ANALYTICS_STALE_MS, default 0).
 */
const staleAfterMs = () => env().SORTIE_ANALYTICS_STALE_MS;

/**
 * A figure computed from a source's items (performance, heatmap): on a rolled-up source, kept per
 * aggregates version under its name and everything of the source it depends on (the one place that
 * key is built; `variant` adds what else the answer depends on, such as a day), served stale (with its
 * as_of) rather than waited for; on a live source, computed every time.
 */
export async function keepRolled<T, S extends Source = Source>(figure: KeptFigure<S, T>, src: S, tx: Tx, variant = ""): Promise<Kept<T>> {
  if (src.kind === "live") return { value: await figure.compute(src, tx), asOf: src.asOf };
  const scope = src.fromDay || src.toDay ? `${src.scope}|${src.fromDay ?? ""}..${src.toDay ?? ""}` : src.scope;
  return memoised(rolledKey(figure.name, variant ? `${scope}|${variant}` : scope, src.filters), src.version, async () => ({ value: await figure.compute(src, tx), asOf: src.asOf }), {
    staleAfterMs: staleAfterMs(),
  });
}

/**
 * A figure computed from the raw tables about one scope (the cohort dashboard's attempt figures, scope
 * `cohort:<id>`): kept under its name and `id` while that scope's version (scopeVersion) is unchanged,
 * so writes about other cohorts leave it kept. It follows the scope's writes once the change consumer
 * has applied them; `asOf` is the freshness read with that version.
 */
export async function keepForScope<T>(figure: KeptFigure<string, T>, id: string, scope: string, asOf: Date, tx: Tx): Promise<Kept<T>> {
  const token = await scopeVersion(scope, tx);
  return memoised(`${figure.name}|${id}`, token, async () => ({ value: await figure.compute(id, tx), asOf }), { staleAfterMs: staleAfterMs() });
}
