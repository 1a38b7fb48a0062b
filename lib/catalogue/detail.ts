import "server-only";
import { db } from "@/lib/db";
import type { Mission, MissionProgress } from "@/lib/db/schema";
import type { MissionContent } from "@/lib/content/schemas";
import type { Caller } from "@/lib/auth/session";
import { hintViews } from "@/lib/missions/hints";
import { toProgress } from "@/lib/missions/serialize";
import { attemptFacts, emptyFacts, type Facts } from "@/lib/db/queries/attempts";
import { contentOf, visibleMission } from "@/lib/attempts/load";
import { enforceDeadline } from "@/lib/attempts/deadline";
import { stageRecipes } from "@/lib/db/queries/mission-catalogue";
import { missionLock } from "./gating";

/**
 * A mission's detail (without lock state) from what is already loaded: the content of the version
 * the attempt started on (or the current one), stages with hint levels (text only for hints
 * unlocked), decisions' prompts, each stage's recipes and the attempt. No queries.
 */
export function missionView({ mission, content, progress, facts, recipeBySlug }: {
  mission: Mission;
  content: MissionContent;
  progress: MissionProgress | undefined;
  facts: Facts;
  recipeBySlug: Awaited<ReturnType<typeof stageRecipes>>;
}) {
  return {
    id: mission.id,
    code: mission.code,
    title: content.title,
    track: content.track,
    tier: content.tier,
    summary: content.summary,
    story: content.story,
    objectives: content.objectives,
    estimated_minutes: content.estimated_minutes,
    skills: content.skills,
    time_constraint_hours: content.time_constraint_hours,
    auto_submit_on_deadline: content.auto_submit_on_deadline,
    reflection_required: content.reflection_required,
    reflection_prompt: content.reflection_prompt ?? null,
    success_criteria: content.success_criteria,
    mission_status: mission.status,
    version: progress?.missionVersion ?? mission.version,
    stages: content.stages.map((s, position) => ({
      key: s.key,
      position,
      title: s.title,
      instructions: s.instructions,
      required_skills: s.required_skills,
      evidence: s.evidence,
      notes_min_chars: s.notes_min_chars,
      weight: s.weight,
      required: s.required,
      has_answer: Boolean(s.answer),
      answer_prompt: s.answer ? (s.answer_prompt ?? "Your answer") : null,
      recipes: s.recipes.map((slug) => {
        const r = recipeBySlug.get(slug);
        return { slug, title: r?.title ?? slug, summary: r?.summary ?? null, estimated_minutes: r?.estimatedMinutes ?? null };
      }),
      hints: hintViews(s.hints, facts.hints.filter((h) => h.stageKey === s.key).map((h) => h.level)),
      has_decision: content.decisions.some((d) => d.after_stage === s.key),
    })),
    decisions: content.decisions.map((d) => ({ key: d.key, after_stage: d.after_stage, prompt: d.prompt })),
    progress: progress ? toProgress(progress, mission, content, facts) : null,
  };
}

/** What the mission pages render: `missionView`, and `missionDetail` adds the lock state to it. */
export type MissionDetail = ReturnType<typeof missionView>;

/**
 * A mission's detail for the caller: the content of the version their attempt started on (or the
 * current one), stages with hint levels (text only for hints they unlocked), decisions' prompts,
 * the recipes linked to each stage, lock state and their current attempt. Never answer checks,
 * ideal choices, score deltas or locked hint text.
 */
export async function missionDetail({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const mission = await visibleMission({ caller, idOrCode });
  const progress = await enforceDeadline({ userId: caller.id, missionId: mission.id });
  const content = await contentOf({ missionId: mission.id, version: progress?.missionVersion ?? mission.version });
  const facts = progress ? await attemptFacts({ progressId: progress.id }) : emptyFacts();
  const lock = await missionLock({ caller, mission });
  const recipeBySlug = await stageRecipes({ content });
  const { stages, decisions, progress: attempt, ...head } = missionView({ mission, content, progress, facts, recipeBySlug });
  // Same fields in the same order as ever: lock state sits between the version and the stages.
  return { ...head, locked: lock.locked, lock_reason: lock.reason, exception: lock.exception, enrolled: lock.enrolled, stages, decisions, progress: attempt };
}
