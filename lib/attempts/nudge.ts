import "server-only";
import type { MissionProgress } from "@/lib/db/schema";
import type { AttemptEventRow } from "@/lib/db/queries/attempts";
import { completersStageTime, stageTimesMs } from "@/lib/db/queries/stage-time";
import { nextHintLevel } from "@/lib/missions/hints";
import { stuckAt, type AnswerVerdict, type StuckRule } from "@/lib/missions/stuck";
import { recommendationsFor } from "@/lib/recipes/recommendations";
import type { Caller } from "@/lib/auth/session";
import type { Attempt } from "./load";

// The one nudge the server offers a learner stuck at a stage (SPEC §7): the best recipe they have
// not opened in this attempt, else the next hint. Part of GET /missions/{id}/progress.

export type Nudge =
  | { kind: "recipe"; stage: string; rule: StuckRule; reason: string; recipe: { slug: string; title: string; estimated_minutes: number; why: string | null } }
  | { kind: "hint"; stage: string; rule: StuckRule; reason: string; hint: { level: number; penalty: number } };

const VERDICTS = new Set(["correct", "incorrect", "partial", "missing"]);

/** What the events say about the stage: answer verdicts, whether it is still open, a settled nudge. */
function stageSignals(events: AttemptEventRow[], stage: string) {
  const here = events.filter((e) => e.stage_key === stage);
  const verdicts = here.filter((e) => e.type === "stage.completed" && VERDICTS.has(String(e.payload?.answer_verdict))).map((e) => e.payload.answer_verdict as AnswerVerdict);
  const visits = here.filter((e) => e.type === "stage.entered" || e.type === "stage.left");
  const last = visits[visits.length - 1];
  return {
    verdicts,
    openSince: last?.type === "stage.entered" ? last.occurred_at.getTime() : null,
    settled: here.some((e) => e.type === "nudge.opened" || e.type === "nudge.dismissed"),
    openedRecipes: new Set(events.filter((e) => e.recipe_slug && (e.type === "recipe.viewed" || e.type === "recipe.marked_used")).map((e) => e.recipe_slug!)),
  };
}

const WHERE_EVENTS = new Set(["stage.entered", "stage.completed", "hint.unlocked", "tool.used", "evidence.uploaded"]);

/**
 * The stage the learner is working on: where their latest stage event happened (they may be
 * retrying a stage they already completed), else the route's current stage.
 */
function workingStage(events: AttemptEventRow[], route: Attempt["route"]): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (WHERE_EVENTS.has(e.type) && e.stage_key && route.path.includes(e.stage_key)) return e.stage_key;
  }
  return route.current;
}

export async function currentNudge({ caller, attempt, missionCode, events, now = Date.now() }: { caller: Caller; attempt: Attempt; missionCode: string; events: AttemptEventRow[]; now?: number }): Promise<Nudge | null> {
  const p: MissionProgress = attempt.progress;
  const stage = workingStage(events, attempt.route);
  if ((p.state !== "in_progress" && p.state !== "changes_requested") || !stage) return null;
  const s = stageSignals(events, stage);
  if (s.settled) return null;
  const [reported, completers] = await Promise.all([stageTimesMs({ progressId: p.id }), completersStageTime({ missionId: p.missionId, stageKey: stage, except: p.id })]);
  const lastActivityAt = Math.max(p.lastActivityAt.getTime(), ...events.map((e) => e.occurred_at.getTime()));
  const stuck = stuckAt({ now, reportedMs: reported[stage] ?? 0, openSince: s.openSince, ...completers, verdicts: s.verdicts, lastActivityAt, settled: false });
  if (!stuck) return null;

  const recs = await recommendationsFor({ caller, mission: missionCode, stage, limit: 5 });
  const recipe = recs.items.find((r) => !r.completed && !s.openedRecipes.has(r.slug));
  if (recipe) return { kind: "recipe", stage, rule: stuck.rule, reason: stuck.reason, recipe: { slug: recipe.slug, title: recipe.title, estimated_minutes: recipe.estimatedMinutes, why: recipe.reasons[0] ?? null } };
  const hints = attempt.content.stages.find((x) => x.key === stage)?.hints ?? [];
  const level = nextHintLevel(hints, attempt.facts.hints.filter((h) => h.stageKey === stage).map((h) => h.level));
  if (level) return { kind: "hint", stage, rule: stuck.rule, reason: stuck.reason, hint: { level, penalty: hints[level - 1].penalty } };
  return null;
}
