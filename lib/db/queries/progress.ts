import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { decisionsMade, evidence, hintsUnlocked, missionProgress, stageCompletions, toolsUsed, type MissionProgress } from "@/lib/db/schema";
import type { ProgressState } from "@/lib/db/schema/enums";
import { END } from "@/lib/content/schemas";
import type { Caller } from "@/lib/auth/session";
import { errors, isUniqueViolation } from "@/lib/errors";
import { recordEvents } from "@/lib/telemetry/record";
import { decisionAfter } from "@/lib/missions/graph";
import { computeDeadline } from "@/lib/missions/deadlines";
import { checkUnlock, hintViews, nextHintLevel } from "@/lib/missions/hints";
import { missingFields, stageCompletionProblems, submitChecklist } from "@/lib/missions/checklist";
import { allowsNewAttempt, isActive, transition } from "@/lib/missions/state";
import { toProgress } from "@/lib/missions/serialize";
import { missionLock, missionView, stageRecipes } from "./catalogue";
import { contentOf, emptyFacts, enforceDeadline, latestAttempt, loadFacts, pathOf, prescoreFor, stageOf, touch, visibleMission, withWritableProgress, type WriteCtx } from "./progress-core";

export { sweepDeadlines, expireIfDue } from "./progress-core";

// The learner's side of an attempt (SPEC §3 "Mission progress"). Every write runs in one
// transaction with the attempt row locked, records its telemetry event in that transaction,
// and bumps version and last_activity_at (progress-core `touch`).

const json = (ctx: Pick<WriteCtx, "mission" | "content">, p: MissionProgress, facts: WriteCtx["facts"]) => toProgress(p, ctx.mission, ctx.content, facts);

/**
 * Starts the mission or returns the current attempt (idempotent, also under concurrent calls:
 * the partial unique index allows one live attempt, and the loser of a race reads the winner's).
 * A new attempt (attempt + 1) follows a failed or expired one. Locked missions are refused (403).
 */
export async function startMission({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const mission = await visibleMission({ caller, idOrCode });
  const existing = await enforceDeadline({ userId: caller.id, missionId: mission.id });
  const reuse = async (p: MissionProgress) => {
    const content = await contentOf({ missionId: mission.id, version: p.missionVersion });
    return { created: false, progress: toProgress(p, mission, content, await loadFacts(db, p.id)) };
  };
  if (existing && isActive(existing.state as ProgressState)) return reuse(existing);
  if (existing?.state === "approved") throw errors.conflict("You already passed this mission.", { state: "approved" });
  if (mission.status !== "published" && caller.role !== "admin") throw errors.conflict("This mission is archived and cannot be started.");
  const lock = await missionLock({ caller, mission });
  if (lock.locked) throw errors.forbidden(lock.reason ?? "This mission is locked.");

  const content = await contentOf({ missionId: mission.id, version: mission.version });
  try {
    const row = await db.transaction(async (tx) => {
      const latest = await latestAttempt({ userId: caller.id, missionId: mission.id, tx });
      if (latest && !allowsNewAttempt(latest.state as ProgressState)) return { reused: true as const, p: latest };
      const startedAt = new Date();
      const first = content.stages[0].key;
      const [p] = await tx
        .insert(missionProgress)
        .values({
          userId: caller.id,
          missionId: mission.id,
          missionVersion: mission.version,
          attempt: (latest?.attempt ?? 0) + 1,
          state: transition("not_started", "start"),
          currentStage: first,
          path: [first],
          startedAt,
          lastActivityAt: startedAt,
          deadlineAt: computeDeadline(startedAt, content.time_constraint_hours),
        })
        .returning();
      await recordEvents(tx, [{ type: "mission.started", userId: caller.id, missionId: mission.id, progressId: p.id, stageKey: first, payload: { attempt: p.attempt, version: p.missionVersion } }]);
      return { reused: false as const, p };
    });
    if (row.reused) return reuse(row.p);
    return { created: true, progress: toProgress(row.p, mission, content, emptyFacts()) };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Another request started it a moment ago: return that attempt.
    const winner = await latestAttempt({ userId: caller.id, missionId: mission.id });
    if (!winner) throw e;
    return reuse(winner);
  }
}

/** The caller's current attempt (404 when they never started), after applying its deadline. */
export async function getProgress({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const mission = await visibleMission({ caller, idOrCode });
  const p = await enforceDeadline({ userId: caller.id, missionId: mission.id });
  if (!p) throw errors.notFound("Progress");
  const content = await contentOf({ missionId: mission.id, version: p.missionVersion });
  return toProgress(p, mission, content, await loadFacts(db, p.id));
}

function requireStage(ctx: WriteCtx, key: string) {
  const stage = stageOf(ctx.content, key);
  if (!stage) throw errors.notFound("Stage");
  return stage;
}

/** A stage the learner has reached: on their path (the current one or one already completed). */
function requireReached(ctx: WriteCtx, key: string) {
  const { path, current } = pathOf(ctx.content, ctx.facts);
  if (!path.includes(key)) {
    const cur = current ? stageOf(ctx.content, current)?.title : null;
    throw errors.rule(`Stage "${stageOf(ctx.content, key)?.title ?? key}" is not on your path yet${cur ? `: finish "${cur}" first` : ""}.`, { stage: "not on your path yet" });
  }
}

export interface CompleteStageInput {
  notes: string;
  answer?: string | null;
  links?: string[];
}

/** Completes (or updates) a stage on the learner's path: notes, answer, links; checks notes length and evidence. */
export async function completeStage({ caller, idOrCode, stage: key, input }: { caller: Caller; idOrCode: string; stage: string; input: CompleteStageInput }) {
  return withWritableProgress(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, facts } = ctx;
    const stage = requireStage(ctx, key);
    requireReached(ctx, key);
    const links = input.links ?? [];
    const existingLinks = facts.evidence.filter((e) => e.stageKey === key && e.kind === "link").map((e) => e.url!);
    const newLinks = [...new Set(links)].filter((l) => !existingLinks.includes(l));
    const files = facts.evidence.filter((e) => e.stageKey === key && e.kind === "file").length;
    const problems = stageCompletionProblems(stage, { notes: input.notes, files, links: existingLinks.length + newLinks.length });
    if (Object.keys(problems).length) throw errors.rule(`Stage "${stage.title}" cannot be completed yet.`, problems);

    const first = !facts.completions.some((c) => c.stageKey === key);
    const values = { notes: input.notes, answer: input.answer ?? null, links, completedAt: new Date() };
    await tx.insert(stageCompletions).values({ progressId: progress.id, stageKey: key, ...values }).onConflictDoUpdate({ target: [stageCompletions.progressId, stageCompletions.stageKey], set: values });
    if (newLinks.length) {
      const rows = await tx.insert(evidence).values(newLinks.map((url) => ({ progressId: progress.id, userId: caller.id, stageKey: key, kind: "link", url }))).returning();
      facts.evidence.push(...rows);
    }
    facts.completions = [...facts.completions.filter((c) => c.stageKey !== key), { stageKey: key, ...values }];
    const updated = await touch(tx, progress, ctx.content, facts);
    const route = pathOf(ctx.content, facts);
    await recordEvents(tx, [
      {
        type: "stage.completed",
        userId: caller.id,
        missionId: mission.id,
        progressId: progress.id,
        stageKey: key,
        payload: { first, notes_chars: input.notes.trim().length, answered: Boolean(input.answer), links: links.length },
      },
    ]);
    const decision = decisionAfter(ctx.content, key);
    return {
      stage: key,
      completed: true,
      decision: decision && !facts.decisions.some((d) => d.decisionKey === decision.key) ? decision.key : null,
      next_stage: route.pendingDecision ? null : (route.current ?? END),
      progress: json(ctx, updated, facts),
    };
  });
}

/** Decision points on the caller's path with their choices and what was chosen (consequence only once chosen). */
export async function listDecisions({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const mission = await visibleMission({ caller, idOrCode });
  const p = await enforceDeadline({ userId: caller.id, missionId: mission.id });
  const content = await contentOf({ missionId: mission.id, version: p?.missionVersion ?? mission.version });
  const facts = p ? await loadFacts(db, p.id) : emptyFacts();
  return { decisions: decisionViews(content, facts) };
}

function decisionViews(content: WriteCtx["content"], facts: WriteCtx["facts"]) {
  const { path } = pathOf(content, facts);
  const completed = new Set(facts.completions.map((c) => c.stageKey));
  return content.decisions
    .filter((d) => path.includes(d.after_stage))
    .map((d) => {
      const made = facts.decisions.find((x) => x.decisionKey === d.key);
      const choice = made ? d.choices.find((c) => c.id === made.choiceKey) : undefined;
      return {
        key: d.key,
        after_stage: d.after_stage,
        prompt: d.prompt,
        available: completed.has(d.after_stage) && !made,
        choices: d.choices.map((c) => ({ id: c.id, label: c.label })),
        chosen: choice ? { choice_id: choice.id, label: choice.label, consequence: choice.consequence, next_stage: choice.next_stage, made_at: made!.createdAt.toISOString() } : null,
      };
    });
}

/**
 * Everything the stage player page renders, from one load of the mission, the caller's current
 * attempt (after its deadline is applied) and its facts: the mission view (`missionDetail` without
 * lock state, which the player does not show) and the decisions on the path (`listDecisions`).
 * Same visibility rules as both: 404 for a mission the caller may not see.
 */
export async function stageView({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const mission = await visibleMission({ caller, idOrCode });
  const p = await enforceDeadline({ userId: caller.id, missionId: mission.id });
  const [content, facts] = await Promise.all([
    contentOf({ missionId: mission.id, version: p?.missionVersion ?? mission.version }),
    p ? loadFacts(db, p.id) : emptyFacts(),
  ]);
  const recipeBySlug = await stageRecipes({ content });
  return { detail: missionView({ mission, content, progress: p, facts, recipeBySlug }), decisions: decisionViews(content, facts) };
}

/**
 * Records a decision once per attempt: the same choice again is a no-op (recorded: false), a
 * different one is a 409. The attempt row lock serialises concurrent calls; the unique index on
 * (progress, decision) is the backstop.
 */
export async function chooseDecision({ caller, idOrCode, decision: key, choiceId }: { caller: Caller; idOrCode: string; decision: string; choiceId: string }) {
  return withWritableProgress(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, content, facts } = ctx;
    const decision = content.decisions.find((d) => d.key === key);
    if (!decision) throw errors.notFound("Decision");
    const choice = decision.choices.find((c) => c.id === choiceId);
    if (!choice) throw errors.validation({ choice_id: `not a choice of this decision (one of: ${decision.choices.map((c) => c.id).join(", ")})` });
    const result = (recorded: boolean, p: MissionProgress) => ({
      decision: key,
      choice_id: choice.id,
      label: choice.label,
      consequence: choice.consequence,
      next_stage: choice.next_stage,
      recorded,
      progress: json(ctx, p, facts),
    });
    const made = facts.decisions.find((d) => d.decisionKey === key);
    if (made) {
      if (made.choiceKey === choiceId) return result(false, progress);
      throw errors.conflict(`This decision was already made ("${decision.choices.find((c) => c.id === made.choiceKey)?.label ?? made.choiceKey}"); a decision is final.`, { choice_id: made.choiceKey });
    }
    const { path } = pathOf(content, facts);
    if (!path.includes(decision.after_stage) || !facts.completions.some((c) => c.stageKey === decision.after_stage)) {
      throw errors.rule(`Complete the stage "${stageOf(content, decision.after_stage)?.title ?? decision.after_stage}" before making this decision.`, { decision: "its stage is not complete" });
    }
    const inserted = await tx
      .insert(decisionsMade)
      .values({ progressId: progress.id, decisionKey: key, choiceKey: choice.id, scoreDelta: choice.score_delta })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) {
      const [other] = await tx.select().from(decisionsMade).where(and(eq(decisionsMade.progressId, progress.id), eq(decisionsMade.decisionKey, key)));
      if (other?.choiceKey === choiceId) return result(false, progress);
      throw errors.conflict("This decision was already made; a decision is final.", { choice_id: other?.choiceKey });
    }
    facts.decisions.push({ decisionKey: key, choiceKey: choice.id, scoreDelta: choice.score_delta, createdAt: inserted[0].createdAt });
    const updated = await touch(tx, progress, content, facts, { decisionDelta: progress.decisionDelta + choice.score_delta });
    await recordEvents(tx, [
      { type: "decision.made", userId: caller.id, missionId: mission.id, progressId: progress.id, stageKey: decision.after_stage, payload: { decision: key, choice: choice.id, next_stage: choice.next_stage } },
    ]);
    return result(true, updated);
  });
}

/** Hints of a stage: unlocked ones with text, locked ones as level and penalty only. */
export async function stageHints({ caller, idOrCode, stage: key }: { caller: Caller; idOrCode: string; stage: string }) {
  const mission = await visibleMission({ caller, idOrCode });
  const p = await enforceDeadline({ userId: caller.id, missionId: mission.id });
  const content = await contentOf({ missionId: mission.id, version: p?.missionVersion ?? mission.version });
  const stage = stageOf(content, key);
  if (!stage) throw errors.notFound("Stage");
  const unlocked = p ? await db.select({ level: hintsUnlocked.level, penalty: hintsUnlocked.penalty }).from(hintsUnlocked).where(and(eq(hintsUnlocked.progressId, p.id), eq(hintsUnlocked.stageKey, key))) : [];
  const levels = unlocked.map((h) => h.level);
  const next = nextHintLevel(stage.hints, levels);
  return {
    stage: key,
    hints: hintViews(stage.hints, levels),
    next: next ? { level: next, penalty: stage.hints[next - 1].penalty } : null,
    stage_penalty_total: unlocked.reduce((s, h) => s + h.penalty, 0),
    penalty_total: p?.hintPenalty ?? 0,
  };
}

/** Unlocks the next hint level of a stage (strictly in order); returns its text and the new penalty total. */
export async function unlockHint({ caller, idOrCode, stage: key, level }: { caller: Caller; idOrCode: string; stage: string; level?: number }) {
  return withWritableProgress(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, content, facts } = ctx;
    const stage = requireStage(ctx, key);
    requireReached(ctx, key);
    const levels = facts.hints.filter((h) => h.stageKey === key).map((h) => h.level);
    const check = checkUnlock(stage.hints, levels, level);
    if (!check.ok) throw errors.conflict(check.message, { reason: check.reason });
    await tx.insert(hintsUnlocked).values({ progressId: progress.id, stageKey: key, level: check.level, penalty: check.penalty });
    facts.hints.push({ stageKey: key, level: check.level, penalty: check.penalty, createdAt: new Date() });
    const updated = await touch(tx, progress, content, facts, { hintPenalty: progress.hintPenalty + check.penalty });
    await recordEvents(tx, [{ type: "hint.unlocked", userId: caller.id, missionId: mission.id, progressId: progress.id, stageKey: key, payload: { level: check.level, penalty: check.penalty } }]);
    const next = nextHintLevel(stage.hints, [...levels, check.level]);
    return {
      stage: key,
      level: check.level,
      text: check.text,
      penalty: check.penalty,
      penalty_total: updated.hintPenalty,
      stage_penalty_total: facts.hints.filter((h) => h.stageKey === key).reduce((s, h) => s + h.penalty, 0),
      next: next ? { level: next, penalty: stage.hints[next - 1].penalty } : null,
    };
  });
}

/** Records a tool used at a stage (once per stage and tool). */
export async function recordTool({ caller, idOrCode, stage: key, tool }: { caller: Caller; idOrCode: string; stage: string; tool: string }) {
  return withWritableProgress(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, content, facts } = ctx;
    if (!stageOf(content, key)) throw errors.validation({ stage: `unknown stage "${key}"` });
    const inserted = await tx.insert(toolsUsed).values({ progressId: progress.id, stageKey: key, tool }).onConflictDoNothing().returning();
    if (inserted.length) {
      facts.tools.push({ stageKey: key, tool });
      await touch(tx, progress, content, facts);
      await recordEvents(tx, [{ type: "tool.used", userId: caller.id, missionId: mission.id, progressId: progress.id, stageKey: key, payload: { tool } }]);
    }
    return { stage: key, tool, recorded: inserted.length > 0, tools: facts.tools.filter((t) => t.stageKey === key).map((t) => t.tool) };
  });
}

export async function saveReflection({ caller, idOrCode, reflection }: { caller: Caller; idOrCode: string; reflection: string }) {
  return withWritableProgress(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, content, facts } = ctx;
    const updated = await touch(tx, progress, content, facts, { reflection });
    await recordEvents(tx, [{ type: "reflection.saved", userId: caller.id, missionId: mission.id, progressId: progress.id, payload: { chars: reflection.trim().length } }]);
    return { reflection: updated.reflection, chars: reflection.trim().length, saved_at: updated.lastActivityAt.toISOString(), progress: json(ctx, updated, facts) };
  });
}

/** What is still missing before the caller can submit (the submit page's checklist). */
export async function submitChecklistFor({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const mission = await visibleMission({ caller, idOrCode });
  const p = await enforceDeadline({ userId: caller.id, missionId: mission.id });
  if (!p) return null;
  const content = await contentOf({ missionId: mission.id, version: p.missionVersion });
  const facts = await loadFacts(db, p.id);
  return checklistOf(content, facts, p.reflection);
}

function checklistOf(content: WriteCtx["content"], facts: WriteCtx["facts"], reflection: string | null) {
  return submitChecklist({
    mission: content,
    completed: new Set(facts.completions.map((c) => c.stageKey)),
    choices: new Map(facts.decisions.map((d) => [d.decisionKey, d.choiceKey])),
    evidence: facts.evidence.map((e) => ({ stageKey: e.stageKey, kind: e.kind as "file" | "link" })),
    reflection,
  });
}

/** Submits for review: 422 naming every missing item; stores the automated pre-score. */
export async function submitMission({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  return withWritableProgress(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, content, facts } = ctx;
    const missing = checklistOf(content, facts, progress.reflection);
    if (missing.length) {
      throw errors.rule(`${missing.length} item${missing.length === 1 ? " is" : "s are"} missing before you can submit.`, missingFields(missing), {
        missing: missing.map((m) => ({ item: m.item, field: m.field, stage: m.stage ?? null, decision: m.decision ?? null, message: m.message })),
      });
    }
    const { path } = pathOf(content, facts);
    const now = new Date();
    const updated = await touch(tx, progress, content, facts, {
      state: transition(progress.state as ProgressState, "submit"),
      submittedAt: now,
      prescore: prescoreFor(content, path, facts, progress.reflection),
    });
    await recordEvents(tx, [{ type: "mission.submitted", userId: caller.id, missionId: mission.id, progressId: progress.id, payload: { auto: false, attempt: progress.attempt, path } }]);
    return json(ctx, updated, facts);
  });
}
