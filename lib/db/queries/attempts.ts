import "server-only";
import { and, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows, sqlTextArray } from "@/lib/db/sql";
import { decisionsMade, evidence, hintsUnlocked, missionProgress, stageCompletions, toolsUsed, type MissionProgress } from "@/lib/db/schema";
import type { ProgressState } from "@/lib/db/schema/enums";

// Data access for one attempt (a mission_progress row) and the rows that hang off it. Rows in,
// rows out: who may do what, and what a change means, is decided in lib/attempts and lib/reviews.

export type EvidenceRow = typeof evidence.$inferSelect;
export type ProgressPatch = Partial<Omit<typeof missionProgress.$inferInsert, "id" | "version">>;

/** What the learner did in an attempt: every row the path, the pre-score and the views derive from. */
export interface Facts {
  completions: { stageKey: string; notes: string; answer: string | null; links: string[]; completedAt: Date }[];
  decisions: { decisionKey: string; choiceKey: string; scoreDelta: number; createdAt: Date }[];
  hints: { stageKey: string; level: number; penalty: number; createdAt: Date }[];
  tools: { stageKey: string; tool: string }[];
  evidence: EvidenceRow[];
}

export const emptyFacts = (): Facts => ({ completions: [], decisions: [], hints: [], tools: [], evidence: [] });

export async function findAttempt({ progressId, tx = db, lock = false }: { progressId: string; tx?: Tx; lock?: boolean }): Promise<MissionProgress | undefined> {
  const q = tx.select().from(missionProgress).where(eq(missionProgress.id, progressId)).limit(1);
  const [p] = lock ? await q.for("update") : await q;
  return p;
}

/** A learner's latest attempt at a mission (the "current" one), optionally locked for update. */
export async function latestAttempt({ userId, missionId, tx = db, lock = false }: { userId: string; missionId: string; tx?: Tx; lock?: boolean }) {
  const q = tx
    .select()
    .from(missionProgress)
    .where(and(eq(missionProgress.userId, userId), eq(missionProgress.missionId, missionId)))
    .orderBy(desc(missionProgress.attempt))
    .limit(1);
  const [p] = lock ? await q.for("update") : await q;
  return p as MissionProgress | undefined;
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

// One JSON array per child table, in the order the views show them.
const factColumns = (progressId: string) => sql`
      (select coalesce(json_agg(json_build_object('stageKey', stage_key, 'notes', notes, 'answer', answer, 'links', links, 'completedAt', completed_at) order by completed_at, id), '[]')
         from stage_completions where progress_id = ${progressId}) as completions,
      (select coalesce(json_agg(json_build_object('decisionKey', decision_key, 'choiceKey', choice_key, 'scoreDelta', score_delta, 'createdAt', created_at) order by created_at, id), '[]')
         from decisions_made where progress_id = ${progressId}) as decisions,
      (select coalesce(json_agg(json_build_object('stageKey', stage_key, 'level', level, 'penalty', penalty, 'createdAt', created_at) order by stage_key, level), '[]')
         from hints_unlocked where progress_id = ${progressId}) as hints,
      (select coalesce(json_agg(json_build_object('stageKey', stage_key, 'tool', tool) order by created_at, id), '[]')
         from tools_used where progress_id = ${progressId}) as tools,
      (select coalesce(json_agg(json_build_object('id', id, 'progressId', progress_id, 'userId', user_id, 'stageKey', stage_key, 'kind', kind, 'fileName', file_name,
                'contentType', content_type, 'size', size, 'sha256', sha256, 'storageKey', storage_key, 'url', url, 'createdAt', created_at) order by created_at, id), '[]')
         from evidence where progress_id = ${progressId}) as evidence`;

type FactsJson = { [K in keyof Facts]: Json<Facts[K][number]>[] };

function factsOf(r: FactsJson): Facts {
  const at = <T extends { completedAt?: string; createdAt?: string }>(x: T) => ({
    ...x,
    ...(x.completedAt !== undefined ? { completedAt: new Date(x.completedAt) } : {}),
    ...(x.createdAt !== undefined ? { createdAt: new Date(x.createdAt) } : {}),
  });
  return {
    completions: r.completions.map(at) as unknown as Facts["completions"],
    decisions: r.decisions.map(at) as unknown as Facts["decisions"],
    hints: r.hints.map(at) as unknown as Facts["hints"],
    tools: r.tools,
    evidence: r.evidence.map((e) => ({ ...at(e), size: e.size === null ? null : Number(e.size) })) as unknown as Facts["evidence"],
  };
}

/**
 * Everything the learner did in an attempt, in one statement (it runs on every learner write and
 * every attempt page).
 */
export async function attemptFacts({ progressId, tx = db }: { progressId: string; tx?: Tx }): Promise<Facts> {
  const [r] = await rows<FactsJson>(tx, sql`select ${factColumns(progressId)}`);
  return factsOf(r);
}

/** A recipe linked from a mission's stages, as the stage pages show it. */
export interface LinkedRecipe {
  slug: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
}

/**
 * An attempt's facts and the published recipes among `slugs` (the ones its mission's stages link),
 * in one statement: the stage page needs both on every view. Without an attempt, the recipes only.
 */
export async function attemptFactsAndRecipes({ progressId, slugs, tx = db }: { progressId: string | null; slugs: string[]; tx?: Tx }): Promise<{ facts: Facts; recipes: LinkedRecipe[] }> {
  const linked = slugs.length
    ? sql`(select coalesce(json_agg(json_build_object('slug', slug, 'title', title, 'summary', summary, 'estimatedMinutes', estimated_minutes)), '[]')
         from recipes where slug = any(${sqlTextArray(slugs)}) and status <> 'draft')`
    : sql`'[]'::json`;
  const [r] = await rows<FactsJson & { recipes: LinkedRecipe[] }>(tx, progressId ? sql`select ${factColumns(progressId)}, ${linked} as recipes` : sql`select ${linked} as recipes`);
  return { facts: progressId ? factsOf(r) : emptyFacts(), recipes: r.recipes };
}

export async function insertAttempt(tx: Tx, values: typeof missionProgress.$inferInsert): Promise<MissionProgress> {
  const [p] = await tx.insert(missionProgress).values(values).returning();
  return p;
}

/**
 * Writes an attempt and bumps its version (the optimistic-concurrency counter reviews carry). With
 * `expect`, only while the row still has that version and one of those states: undefined otherwise,
 * so a concurrent writer that lost the race changes nothing.
 */
export async function updateAttempt(
  tx: Tx,
  { id, set, expect }: { id: string; set: ProgressPatch; expect?: { version: number; states: readonly ProgressState[] } },
): Promise<MissionProgress | undefined> {
  const where = expect ? and(eq(missionProgress.id, id), eq(missionProgress.version, expect.version), inArray(missionProgress.state, [...expect.states])) : eq(missionProgress.id, id);
  const [row] = await tx
    .update(missionProgress)
    .set({ ...set, version: sql`${missionProgress.version} + 1` })
    .where(where)
    .returning();
  return row;
}

/** Moves a state without bumping the version (a mentor opening a submission changes nothing a review could overwrite). */
export async function claimAttempt(tx: Tx, { id, from, to, version }: { id: string; from: ProgressState; to: ProgressState; version: number }) {
  const [row] = await tx
    .update(missionProgress)
    .set({ state: to })
    .where(and(eq(missionProgress.id, id), eq(missionProgress.state, from), eq(missionProgress.version, version)))
    .returning();
  return row as MissionProgress | undefined;
}

export async function upsertCompletion(tx: Tx, v: { progressId: string; stageKey: string; notes: string; answer: string | null; links: string[]; completedAt: Date }) {
  const { progressId, stageKey, ...set } = v;
  await tx.insert(stageCompletions).values(v).onConflictDoUpdate({ target: [stageCompletions.progressId, stageCompletions.stageKey], set });
  return { progressId, stageKey };
}

export async function insertEvidence(tx: Tx, values: (typeof evidence.$inferInsert)[]): Promise<EvidenceRow[]> {
  return values.length ? tx.insert(evidence).values(values).returning() : [];
}

export async function deleteEvidence(tx: Tx, { id }: { id: string }) {
  await tx.delete(evidence).where(eq(evidence.id, id));
}

/** Whether an evidence row (other than exceptId) points at stored content (files are shared by content hash). */
export async function storageKeyInUse({ storageKey, exceptId, tx = db }: { storageKey: string; exceptId?: string; tx?: Tx }): Promise<boolean> {
  const where = exceptId ? and(eq(evidence.storageKey, storageKey), ne(evidence.id, exceptId)) : eq(evidence.storageKey, storageKey);
  const [other] = await tx.select({ id: evidence.id }).from(evidence).where(where).limit(1);
  return Boolean(other);
}

/**
 * Takes, until the transaction ends, the lock of each content hash: whoever writes a stored file
 * and its row, or deletes a file nobody references, holds it, so neither can interleave with the
 * other. Sorted, so two transactions locking several hashes cannot deadlock.
 */
export async function lockEvidenceContent(tx: Tx, { sha256s }: { sha256s: string[] }) {
  for (const h of [...new Set(sha256s)].sort()) await rows(tx, sql`select pg_advisory_xact_lock(hashtextextended(${`evidence:${h}`}, 0))`);
}

/** One evidence file of an attempt at a mission, with its owner (the caller's access is checked by the use case). */
export async function evidenceFile({ evidenceId, missionId, tx = db }: { evidenceId: string; missionId: string; tx?: Tx }) {
  const [row] = await tx
    .select({ id: evidence.id, userId: evidence.userId, kind: evidence.kind, fileName: evidence.fileName, contentType: evidence.contentType, size: evidence.size, sha256: evidence.sha256, storageKey: evidence.storageKey })
    .from(evidence)
    .innerJoin(missionProgress, eq(missionProgress.id, evidence.progressId))
    .where(and(eq(evidence.id, evidenceId), eq(missionProgress.missionId, missionId), sql`${evidence.kind} = 'file'`));
  return row;
}

/** Inserts a decision once per (attempt, decision): [] when one is already there. */
export async function insertDecision(tx: Tx, v: { progressId: string; decisionKey: string; choiceKey: string; scoreDelta: number }) {
  return tx.insert(decisionsMade).values(v).onConflictDoNothing().returning();
}

export async function findDecision({ progressId, decisionKey, tx = db }: { progressId: string; decisionKey: string; tx?: Tx }) {
  const [d] = await tx.select().from(decisionsMade).where(and(eq(decisionsMade.progressId, progressId), eq(decisionsMade.decisionKey, decisionKey)));
  return d;
}

export async function insertHint(tx: Tx, v: { progressId: string; stageKey: string; level: number; penalty: number }) {
  await tx.insert(hintsUnlocked).values(v);
}

export async function stageHintRows({ progressId, stageKey, tx = db }: { progressId: string; stageKey: string; tx?: Tx }) {
  return tx.select({ level: hintsUnlocked.level, penalty: hintsUnlocked.penalty }).from(hintsUnlocked).where(and(eq(hintsUnlocked.progressId, progressId), eq(hintsUnlocked.stageKey, stageKey)));
}

/** Records a tool once per (attempt, stage, tool): false when it was already there. */
export async function insertTool(tx: Tx, v: { progressId: string; stageKey: string; tool: string }): Promise<boolean> {
  return (await tx.insert(toolsUsed).values(v).onConflictDoNothing().returning({ id: toolsUsed.id })).length > 0;
}

/** In-progress, never-submitted attempts whose deadline is at or before `now`. */
export async function overdueAttemptIds({ now, limit, tx = db }: { now: Date; limit: number; tx?: Tx }) {
  const due = await tx
    .select({ id: missionProgress.id })
    .from(missionProgress)
    .where(and(eq(missionProgress.state, "in_progress"), isNull(missionProgress.submittedAt), sql`${missionProgress.deadlineAt} <= ${now.toISOString()}`))
    .limit(limit);
  return due.map((d) => d.id);
}

/** Stores the AI second opinion beside the deterministic pre-score, without touching version. */
export async function setSecondOpinion({ progressId, opinion, tx = db }: { progressId: string; opinion: unknown; tx?: Tx }) {
  await tx.execute(sql`update ${missionProgress} set prescore = coalesce(prescore, '{}'::jsonb) || jsonb_build_object('second_opinion', ${JSON.stringify(opinion)}::jsonb) where id = ${progressId}`);
}

export interface AttemptEventRow {
  id: number;
  event_id: string;
  type: string;
  occurred_at: Date;
  stage_key: string | null;
  payload: Record<string, unknown>;
  recipe_slug: string | null;
  recipe_title: string | null;
}

/**
 * The events of one attempt in the order they happened, plus the recipes its learner opened while
 * it was open (the library's events carry no attempt): the raw material of the timeline and nudges.
 */
export async function attemptEvents({ progressId, userId, from, to, tx = db }: { progressId: string; userId: string; from: Date; to: Date; tx?: Tx }): Promise<AttemptEventRow[]> {
  const list = await rows<AttemptEventRow & { occurred_at: Date | string }>(
    tx,
    sql`select e.id, e.event_id, e.type, e.occurred_at, e.stage_key, e.payload, r.slug as recipe_slug, r.title as recipe_title
      from telemetry_events e left join recipes r on r.id = e.recipe_id
      where e.progress_id = ${progressId}
         or (e.user_id = ${userId} and e.type = 'recipe.viewed' and e.progress_id is null
             and e.occurred_at between ${from.toISOString()} and ${to.toISOString()})
      order by e.occurred_at, e.id
      limit 2000`,
  );
  return list.map((r) => ({ ...r, id: Number(r.id), occurred_at: new Date(r.occurred_at) }));
}
