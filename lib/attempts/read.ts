import "server-only";
import type { MissionContent } from "@/lib/content/schemas";
import { attemptEvents, attemptFactsAndRecipes, stageHintRows, type Facts } from "@/lib/db/queries/attempts";
import { missionView } from "@/lib/catalogue/detail";
import { submitChecklist } from "@/lib/missions/checklist";
import { hintViews, nextHintLevel } from "@/lib/missions/hints";
import { toProgress } from "@/lib/missions/serialize";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { deadlineApplied } from "./deadline";
import { currentNudge } from "./nudge";
import { timelineOf } from "./timeline";
import { contentOf, loadAttempt, loadOptionalAttempt, routeOf, stageOf, visibleMissionWithAttempt, type Route } from "./load";

// What the learner reads of their current attempt. Each read applies the deadline first (SPEC §3:
// enforced at every read and write), then loads the attempt once.

async function current({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const found = await visibleMissionWithAttempt({ caller, idOrCode });
  return { mission: found.mission, progress: await deadlineApplied(found.progress) };
}

/** The caller's current attempt (404 when they never started), after applying its deadline. */
export async function getProgress({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const { mission, progress } = await current({ caller, idOrCode });
  if (!progress) throw errors.notFound("Progress");
  const a = await loadAttempt(progress);
  const events = await attemptEvents({ progressId: progress.id, userId: progress.userId, from: progress.startedAt, to: new Date() });
  return { ...toProgress(progress, mission, a.content, a.facts, { route: a.route }), nudge: await currentNudge({ caller, attempt: a, missionCode: mission.code, events }) };
}

/** The caller's current attempt as ordered moments (SPEC §7 "Timeline"); 404 when they never started. */
export async function getTimeline({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const { mission, progress } = await current({ caller, idOrCode });
  if (!progress) throw errors.notFound("Progress");
  const content = await contentOf({ missionId: mission.id, version: progress.missionVersion });
  return { progress_id: progress.id, attempt: progress.attempt, state: progress.state, moments: await timelineOf(progress, content) };
}

/** Decision points on the route with their choices and what was chosen (the consequence only once chosen). */
export function decisionViews(content: MissionContent, facts: Facts, route: Route) {
  const completed = new Set(facts.completions.map((c) => c.stageKey));
  return content.decisions
    .filter((d) => route.path.includes(d.after_stage))
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

export async function listDecisions({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const { mission, progress } = await current({ caller, idOrCode });
  const a = await loadOptionalAttempt(mission, progress);
  return { decisions: decisionViews(a.content, a.facts, a.route) };
}

/**
 * Everything the stage player renders from one load of the mission, the attempt and its facts: the
 * mission view (without lock state, which the player does not show) and the decisions on the route,
 * plus the mission row and played content themselves (server-side only: never sent to a browser).
 */
export async function stageView({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const { mission, progress } = await current({ caller, idOrCode });
  // The content is kept in the process; the facts and the linked recipes come in one statement.
  const content = await contentOf({ missionId: mission.id, version: progress?.missionVersion ?? mission.version });
  const slugs = [...new Set(content.stages.flatMap((s) => s.recipes))];
  const { facts, recipes } = await attemptFactsAndRecipes({ progressId: progress?.id ?? null, slugs });
  const recipeBySlug = new Map(recipes.map((r) => [r.slug, r]));
  return {
    detail: missionView({ mission, content, progress, facts, recipeBySlug }),
    decisions: decisionViews(content, facts, routeOf(content, facts)),
    // For the page's further reads (the sidebar's recommendations), so they load neither again.
    mission,
    content,
  };
}

/** Hints of a stage: unlocked ones with text, locked ones as level and penalty only. */
export async function stageHints({ caller, idOrCode, stage: key }: { caller: Caller; idOrCode: string; stage: string }) {
  const { mission, progress } = await current({ caller, idOrCode });
  const content = await contentOf({ missionId: mission.id, version: progress?.missionVersion ?? mission.version });
  const stage = stageOf(content, key);
  if (!stage) throw errors.notFound("Stage");
  const unlocked = progress ? await stageHintRows({ progressId: progress.id, stageKey: key }) : [];
  const levels = unlocked.map((h) => h.level);
  const next = nextHintLevel(stage.hints, levels);
  return {
    stage: key,
    hints: hintViews(stage.hints, levels),
    next: next ? { level: next, penalty: stage.hints[next - 1].penalty } : null,
    stage_penalty_total: unlocked.reduce((s, h) => s + h.penalty, 0),
    penalty_total: progress?.hintPenalty ?? 0,
  };
}

/** What is still missing before the attempt can be submitted (the submit page's checklist and the 422). */
export function checklistOf(content: MissionContent, facts: Facts, reflection: string | null) {
  return submitChecklist({
    mission: content,
    completed: new Set(facts.completions.map((c) => c.stageKey)),
    choices: new Map(facts.decisions.map((d) => [d.decisionKey, d.choiceKey])),
    evidence: facts.evidence.map((e) => ({ stageKey: e.stageKey, kind: e.kind as "file" | "link" })),
    reflection,
  });
}

export async function submitChecklistFor({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const { progress } = await current({ caller, idOrCode });
  if (!progress) return null;
  const a = await loadAttempt(progress);
  return checklistOf(a.content, a.facts, progress.reflection);
}
