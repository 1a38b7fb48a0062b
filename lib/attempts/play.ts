import "server-only";
import type { MissionProgress } from "@/lib/db/schema";
import { END } from "@/lib/content/schemas";
import { findDecision, insertDecision, insertEvidence, insertHint, insertTool, upsertCompletion } from "@/lib/db/queries/attempts";
import { decisionAfter } from "@/lib/missions/graph";
import { checkUnlock, nextHintLevel } from "@/lib/missions/hints";
import { stageCompletionProblems } from "@/lib/missions/checklist";
import { checkAnswer } from "@/lib/missions/prescore";
import { toProgress } from "@/lib/missions/serialize";
import { recordEvents } from "@/lib/telemetry/record";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { stageOf, type Route } from "./load";
import { saveAttempt } from "./save";
import { withWritableAttempt, type WriteCtx } from "./write";

// The learner's writes while playing (SPEC §3 "Mission progress"). Each runs in one transaction
// with the attempt row locked, records its telemetry event in that transaction and ends in
// saveAttempt (route, version, last activity).

const json = (ctx: WriteCtx, p: MissionProgress, route: Route) => toProgress(p, ctx.mission, ctx.content, ctx.facts, { route });

function requireStage(ctx: WriteCtx, key: string) {
  const stage = stageOf(ctx.content, key);
  if (!stage) throw errors.notFound("Stage");
  return stage;
}

/** A stage the learner has reached: on their route (the current one or one already completed). */
function requireReached(ctx: WriteCtx, key: string) {
  if (ctx.route.path.includes(key)) return;
  const cur = ctx.route.current ? stageOf(ctx.content, ctx.route.current)?.title : null;
  throw errors.rule(`Stage "${stageOf(ctx.content, key)?.title ?? key}" is not on your path yet${cur ? `: finish "${cur}" first` : ""}.`, { stage: "not on your path yet" });
}

export interface CompleteStageInput {
  notes: string;
  answer?: string | null;
  links?: string[];
}

/** Completes (or updates) a stage on the route: notes, answer, links; checks notes length and evidence. */
export async function completeStage({ caller, idOrCode, stage: key, input }: { caller: Caller; idOrCode: string; stage: string; input: CompleteStageInput }) {
  return withWritableAttempt(caller, idOrCode, async (ctx) => {
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
    await upsertCompletion(tx, { progressId: progress.id, stageKey: key, ...values });
    facts.evidence.push(...(await insertEvidence(tx, newLinks.map((url) => ({ progressId: progress.id, userId: caller.id, stageKey: key, kind: "link", url })))));
    facts.completions = [...facts.completions.filter((c) => c.stageKey !== key), { stageKey: key, ...values }];
    const saved = await saveAttempt(ctx);
    await recordEvents(tx, [
      {
        type: "stage.completed",
        userId: caller.id,
        missionId: mission.id,
        progressId: progress.id,
        stageKey: key,
        // The verdict lets the timeline show wrong answers and the nudge rules count them in a row.
        payload: { first, notes_chars: input.notes.trim().length, answered: Boolean(input.answer), answer_verdict: stage.answer && input.answer ? checkAnswer(stage.answer, input.answer).verdict : null, links: links.length },
      },
    ]);
    const decision = decisionAfter(ctx.content, key);
    return {
      stage: key,
      completed: true,
      decision: decision && !facts.decisions.some((d) => d.decisionKey === decision.key) ? decision.key : null,
      next_stage: saved.route.pendingDecision ? null : (saved.route.current ?? END),
      progress: json(ctx, saved.progress, saved.route),
    };
  });
}

/**
 * Records a decision once per attempt: the same choice again is a no-op (recorded: false), a
 * different one is a 409. The attempt row lock serialises concurrent calls; the unique index on
 * (progress, decision) is the backstop.
 */
export async function chooseDecision({ caller, idOrCode, decision: key, choiceId }: { caller: Caller; idOrCode: string; decision: string; choiceId: string }) {
  return withWritableAttempt(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, content, facts } = ctx;
    const decision = content.decisions.find((d) => d.key === key);
    if (!decision) throw errors.notFound("Decision");
    const choice = decision.choices.find((c) => c.id === choiceId);
    if (!choice) throw errors.validation({ choice_id: `not a choice of this decision (one of: ${decision.choices.map((c) => c.id).join(", ")})` });
    const result = (recorded: boolean, p: MissionProgress, route: Route) => ({
      decision: key,
      choice_id: choice.id,
      label: choice.label,
      consequence: choice.consequence,
      next_stage: choice.next_stage,
      recorded,
      progress: json(ctx, p, route),
    });
    const made = facts.decisions.find((d) => d.decisionKey === key);
    if (made) {
      if (made.choiceKey === choiceId) return result(false, progress, ctx.route);
      throw errors.conflict(`This decision was already made ("${decision.choices.find((c) => c.id === made.choiceKey)?.label ?? made.choiceKey}"); a decision is final.`, { choice_id: made.choiceKey });
    }
    if (!ctx.route.path.includes(decision.after_stage) || !facts.completions.some((c) => c.stageKey === decision.after_stage)) {
      throw errors.rule(`Complete the stage "${stageOf(content, decision.after_stage)?.title ?? decision.after_stage}" before making this decision.`, { decision: "its stage is not complete" });
    }
    const inserted = await insertDecision(tx, { progressId: progress.id, decisionKey: key, choiceKey: choice.id, scoreDelta: choice.score_delta });
    if (inserted.length === 0) {
      const other = await findDecision({ progressId: progress.id, decisionKey: key, tx });
      if (other?.choiceKey === choiceId) return result(false, progress, ctx.route);
      throw errors.conflict("This decision was already made; a decision is final.", { choice_id: other?.choiceKey });
    }
    facts.decisions.push({ decisionKey: key, choiceKey: choice.id, scoreDelta: choice.score_delta, createdAt: inserted[0].createdAt });
    const saved = await saveAttempt(ctx, { decisionDelta: progress.decisionDelta + choice.score_delta });
    await recordEvents(tx, [
      { type: "decision.made", userId: caller.id, missionId: mission.id, progressId: progress.id, stageKey: decision.after_stage, payload: { decision: key, choice: choice.id, next_stage: choice.next_stage } },
    ]);
    return result(true, saved.progress, saved.route);
  });
}

/** Unlocks the next hint level of a stage (strictly in order); returns its text and the new penalty total. */
export async function unlockHint({ caller, idOrCode, stage: key, level }: { caller: Caller; idOrCode: string; stage: string; level?: number }) {
  return withWritableAttempt(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, facts } = ctx;
    const stage = requireStage(ctx, key);
    requireReached(ctx, key);
    const levels = facts.hints.filter((h) => h.stageKey === key).map((h) => h.level);
    const check = checkUnlock(stage.hints, levels, level);
    if (!check.ok) throw errors.conflict(check.message, { reason: check.reason });
    await insertHint(tx, { progressId: progress.id, stageKey: key, level: check.level, penalty: check.penalty });
    facts.hints.push({ stageKey: key, level: check.level, penalty: check.penalty, createdAt: new Date() });
    const saved = await saveAttempt(ctx, { hintPenalty: progress.hintPenalty + check.penalty });
    await recordEvents(tx, [{ type: "hint.unlocked", userId: caller.id, missionId: mission.id, progressId: progress.id, stageKey: key, payload: { level: check.level, penalty: check.penalty } }]);
    const next = nextHintLevel(stage.hints, [...levels, check.level]);
    return {
      stage: key,
      level: check.level,
      text: check.text,
      penalty: check.penalty,
      penalty_total: saved.progress.hintPenalty,
      stage_penalty_total: facts.hints.filter((h) => h.stageKey === key).reduce((s, h) => s + h.penalty, 0),
      next: next ? { level: next, penalty: stage.hints[next - 1].penalty } : null,
    };
  });
}

/** Records a tool used at a stage (once per stage and tool). */
export async function recordTool({ caller, idOrCode, stage: key, tool }: { caller: Caller; idOrCode: string; stage: string; tool: string }) {
  return withWritableAttempt(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, content, facts } = ctx;
    if (!stageOf(content, key)) throw errors.validation({ stage: `unknown stage "${key}"` });
    const recorded = await insertTool(tx, { progressId: progress.id, stageKey: key, tool });
    if (recorded) {
      facts.tools.push({ stageKey: key, tool });
      await saveAttempt(ctx);
      await recordEvents(tx, [{ type: "tool.used", userId: caller.id, missionId: mission.id, progressId: progress.id, stageKey: key, payload: { tool } }]);
    }
    return { stage: key, tool, recorded, tools: facts.tools.filter((t) => t.stageKey === key).map((t) => t.tool) };
  });
}

export async function saveReflection({ caller, idOrCode, reflection }: { caller: Caller; idOrCode: string; reflection: string }) {
  return withWritableAttempt(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission } = ctx;
    const saved = await saveAttempt(ctx, { reflection });
    await recordEvents(tx, [{ type: "reflection.saved", userId: caller.id, missionId: mission.id, progressId: progress.id, payload: { chars: reflection.trim().length } }]);
    return { reflection: saved.progress.reflection, chars: reflection.trim().length, saved_at: saved.progress.lastActivityAt.toISOString(), progress: json(ctx, saved.progress, saved.route) };
  });
}
