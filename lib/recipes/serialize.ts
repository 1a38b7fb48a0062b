// Recipe rows to the API's snake_case JSON (SPEC §4). Small, explicit, no secrets to leave out.
import type { RecipeCard, RecipeDetail, RecipeProgressView } from "@/lib/db/queries/recipes";
import type { ProgressResult } from "./progress";
import type { RelatedRecipe } from "./related";
import type { Recommendation } from "./recommend";
import type { EffectivenessRow } from "@/lib/db/queries/recipe-analytics";

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const round = (x: number | null, digits = 2) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

export function toRecipeCard(c: RecipeCard) {
  return {
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    type: c.type,
    difficulty: c.difficulty,
    estimated_minutes: c.estimatedMinutes,
    skills: c.skills,
    tools: c.tools,
    mentor_curated: c.mentorCurated,
    usage_count: c.usageCount,
    rating_average: round(c.ratingAverage),
    rating_count: c.ratingCount,
    bookmarked: c.bookmarked,
    completed: c.completed,
    ...(c.rank !== null ? { rank: round(c.rank, 4) } : {}),
  };
}

export function toRecipeProgress(p: RecipeProgressView) {
  return {
    steps_completed: p.stepsCompleted,
    completed: p.completed,
    completed_at: iso(p.completedAt),
    view_count: p.viewCount,
    last_viewed_at: iso(p.lastViewedAt),
  };
}

export function toRecipeDetail(d: RecipeDetail) {
  const r = d.recipe;
  return {
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    description: r.description,
    type: r.type,
    difficulty: r.difficulty,
    estimated_minutes: r.estimatedMinutes,
    skills: r.skills,
    tools: r.tools,
    prerequisites: d.prerequisites.map((p) => ({ slug: p.slug, title: p.title, completed: p.completed })),
    inputs: r.inputs,
    environment: r.environment,
    validation_checks: r.validationChecks,
    related: r.related,
    mentor_curated: r.mentorCurated,
    status: r.status,
    version: r.version,
    steps: d.steps.map((s) => ({
      step: s.step,
      title: s.title,
      body: s.body,
      command: s.command,
      expected_outcome: s.expectedOutcome,
      evidence_hint: s.evidenceHint,
      completed: d.progress.stepsCompleted.includes(s.step),
    })),
    used_in: {
      missions: d.usedIn.missions.map((m) => ({ code: m.code, title: m.title, track: m.track, tier: m.tier, stages: m.stages })),
      modules: d.usedIn.modules,
    },
    usage_count: d.usageCount,
    rating_average: round(d.rating.average),
    rating_count: d.rating.count,
    progress: toRecipeProgress(d.progress),
    bookmarked: d.bookmarked,
    my_rating: d.myRating,
    can_rate: d.progress.completed,
  };
}

export function toProgressResult(r: ProgressResult) {
  return {
    event: r.event,
    completed_now: r.justCompleted,
    progress: toRecipeProgress(r.progress),
    ...(r.used ? { used: r.used } : {}),
  };
}

export function toRelated(r: RelatedRecipe) {
  return {
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    difficulty: r.difficulty,
    estimated_minutes: r.estimatedMinutes,
    kind: r.kind,
    score: r.score,
    reasons: r.reasons,
  };
}

export function toRecommendation(r: Recommendation) {
  return {
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    type: r.type,
    difficulty: r.difficulty,
    estimated_minutes: r.estimatedMinutes,
    score: r.score,
    reasons: r.reasons,
    completed: r.completed,
    prerequisite_of: r.prerequisiteOf,
  };
}

export function toEffectiveness(e: EffectivenessRow) {
  const g = (x: EffectivenessRow["result"]["used"]) => ({
    attempts: x.attempts,
    passed: x.passed,
    pass_rate: round(x.passRate, 4),
    mean_score: round(x.meanScore, 1),
  });
  const d = e.result.difference;
  return {
    recipe: e.recipe,
    mission: e.mission,
    used: g(e.result.used),
    not_used: g(e.result.notUsed),
    enough_data: e.result.enoughData,
    status: e.result.enoughData ? "ok" : "not_enough_data",
    difference: d ? { estimate: round(d.estimate, 4), ci_low: round(d.low, 4), ci_high: round(d.high, 4), confidence: 0.95 } : null,
    mean_score_difference: round(e.result.meanScoreDifference, 1),
    summary: e.result.summary,
  };
}
