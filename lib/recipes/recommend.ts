// Explainable recipe recommendations (SPEC §3 "Recommendations"). Pure: the query layer fetches
// the features (lib/db/queries/recipe-recommendations.ts, recommendationFeatures) and this file ranks them. Every
// point a recipe earns comes with a reason in words, so the learner sees why it is there.

import { trackLabel } from "@/lib/labels";

export interface RecipeFeatures {
  slug: string;
  title: string;
  summary: string;
  type: string;
  difficulty: string;
  estimatedMinutes: number;
  skills: string[];
  prerequisites: string[];
  /** The caller completed it. */
  completed: boolean;
  /** Stage keys of the current mission the author linked it to. */
  linkedStages: string[];
  /** The author linked it to the current mission as a whole (no stage). */
  linkedToMission: boolean;
  /** Tracks and tiers of the published missions it is linked to (for recommendations outside a mission). */
  linkedMissions: { track: string; tier: string }[];
  /** A mentor recommended it in one of the caller's reviews. */
  mentorRecommended: boolean;
  /** Pass-rate difference (used − not used, −1..1) on the current mission, when there is enough data. */
  effect: number | null;
}

export interface StageContext {
  key: string;
  title: string;
  /** 1-based position of the stage in the mission, for "stage 2". */
  number: number;
  requiredSkills: string[];
}

export interface MissionContext {
  stage: StageContext;
  /** The stages that can follow the current one (successors in the mission graph). */
  next: StageContext[];
}

export interface LearnerContext {
  /** Skills of rubric criteria the learner scored low on, most recent first. */
  gaps: string[];
  /** Enrolled tracks with the learner's current tier in each. */
  tracks: { track: string; tier: string }[];
}

export interface Recommendation {
  slug: string;
  title: string;
  summary: string;
  type: string;
  difficulty: string;
  estimatedMinutes: number;
  score: number;
  reasons: string[];
  completed: boolean;
  /** Slug of the recommended recipe this one is a prerequisite of, when it was pulled in for that. */
  prerequisiteOf: string | null;
}

/** Weights of each signal. Exported so tests and docs name them, not magic numbers. */
export const WEIGHTS = {
  authorStage: 40,
  authorNextStage: 15,
  authorMission: 10,
  stageSkill: 12,
  nextStageSkill: 5,
  gapSkill: 8,
  mentor: 20,
  /** Per percentage point of measured pass-rate difference, capped at ±20 points. */
  effectPerPoint: 0.5,
  effectCap: 20,
  completed: -30,
  trackTier: 10,
  track: 4,
  level: 5,
} as const;

const TIER_TO_DIFFICULTY: Record<string, string> = { beginner: "beginner", intermediate: "intermediate", advanced: "advanced", mastery: "advanced" };

const list = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

interface Scored {
  f: RecipeFeatures;
  score: number;
  reasons: string[];
  /** Any positive relevance signal (completion alone never recommends a recipe). */
  relevant: boolean;
}

function scoreInMission(f: RecipeFeatures, m: MissionContext, learner: LearnerContext): Scored {
  let score = 0;
  const reasons: string[] = [];
  let relevant = false;
  const add = (pts: number, reason: string) => {
    score += pts;
    reasons.push(reason);
    if (pts > 0) relevant = true;
  };

  if (f.linkedStages.includes(m.stage.key)) add(WEIGHTS.authorStage, `Recommended for stage ${m.stage.number} by the author`);
  else {
    const nextLinked = m.next.find((s) => f.linkedStages.includes(s.key));
    if (nextLinked) add(WEIGHTS.authorNextStage, `Recommended by the author for the next stage, “${nextLinked.title}”`);
    else if (f.linkedToMission || f.linkedStages.length > 0) add(WEIGHTS.authorMission, "Recommended by the author for this mission");
  }

  const stageSkills = f.skills.filter((s) => m.stage.requiredSkills.includes(s));
  if (stageSkills.length) add(WEIGHTS.stageSkill * stageSkills.length, `Covers ${list(stageSkills)}, needed in this stage`);
  const nextSkills = [...new Set(m.next.flatMap((s) => s.requiredSkills))].filter((s) => f.skills.includes(s) && !stageSkills.includes(s));
  if (nextSkills.length) add(WEIGHTS.nextStageSkill * nextSkills.length, `Covers ${list(nextSkills)}, needed in the next stage`);

  addCommon(f, learner, add);
  return { f, score, reasons, relevant };
}

function scoreOutside(f: RecipeFeatures, learner: LearnerContext): Scored {
  let score = 0;
  const reasons: string[] = [];
  let relevant = false;
  const add = (pts: number, reason: string) => {
    score += pts;
    reasons.push(reason);
    if (pts > 0) relevant = true;
  };
  const atTier = learner.tracks.filter((t) => f.linkedMissions.some((m) => m.track === t.track && m.tier === t.tier));
  if (atTier.length) add(WEIGHTS.trackTier, `Used in ${list(atTier.map((t) => `${trackLabel(t.track)} ${t.tier}`))} missions, your current level`);
  else {
    const inTrack = learner.tracks.filter((t) => f.linkedMissions.some((m) => m.track === t.track));
    if (inTrack.length) add(WEIGHTS.track, `Used in ${list(inTrack.map((t) => trackLabel(t.track)))} missions, a track you follow`);
  }
  if (learner.tracks.length === 0) {
    // No track yet: beginner recipes are the place to start.
    if (f.difficulty === "beginner") add(WEIGHTS.level, "A beginner recipe: a good place to start");
  } else if (relevant && learner.tracks.some((t) => TIER_TO_DIFFICULTY[t.tier] === f.difficulty)) {
    // Difficulty alone does not make a recipe relevant; it orders the relevant ones.
    add(WEIGHTS.level, `Matches your level (${f.difficulty})`);
  }
  addCommon(f, learner, add);
  return { f, score, reasons, relevant };
}

function addCommon(f: RecipeFeatures, learner: LearnerContext, add: (pts: number, reason: string) => void) {
  const gaps = learner.gaps.filter((g, i) => f.skills.includes(g) && learner.gaps.indexOf(g) === i);
  if (gaps.length) add(WEIGHTS.gapSkill * gaps.length, `Covers ${list(gaps)}, where your reviews scored low`);
  if (f.mentorRecommended) add(WEIGHTS.mentor, "Your mentor recommended it");
  if (f.completed) add(WEIGHTS.completed, "You already completed it");
  if (f.effect !== null) {
    const pts = Math.round(f.effect * 100);
    if (pts !== 0) {
      const bonus = Math.max(-WEIGHTS.effectCap, Math.min(WEIGHTS.effectCap, pts * WEIGHTS.effectPerPoint));
      // A measured benefit adds to the score; a measured harm subtracts, and both are said.
      add(bonus, `Learners who used it passed ${Math.abs(pts)} points ${pts > 0 ? "more" : "less"} often`);
    }
  }
}

function byScoreThenSlug(a: Scored, b: Scored) {
  return b.score - a.score || (a.f.slug < b.f.slug ? -1 : a.f.slug > b.f.slug ? 1 : 0);
}

/**
 * Ranks recipes for a learner: at a mission stage (mission given) or from their tracks, tier and
 * gaps (mission null). Completed recipes rank lower; the prerequisites of a recommended recipe
 * that the learner has not completed come right before it. Deterministic: ties by slug.
 */
export function recommend(
  features: RecipeFeatures[],
  ctx: { mission: MissionContext | null; learner: LearnerContext; limit?: number },
): Recommendation[] {
  const limit = ctx.limit ?? 5;
  const bySlug = new Map(features.map((f) => [f.slug, f]));
  const scored = features
    .map((f) => (ctx.mission ? scoreInMission(f, ctx.mission, ctx.learner) : scoreOutside(f, ctx.learner)))
    .filter((s) => s.relevant)
    .sort(byScoreThenSlug);
  const scoreOf = new Map(scored.map((s) => [s.f.slug, s]));

  const out: Recommendation[] = [];
  const placed = new Set<string>();
  const toItem = (s: Scored, prerequisiteOf: string | null): Recommendation => ({
    slug: s.f.slug,
    title: s.f.title,
    summary: s.f.summary,
    type: s.f.type,
    difficulty: s.f.difficulty,
    estimatedMinutes: s.f.estimatedMinutes,
    score: Math.round(s.score * 10) / 10,
    reasons: s.reasons,
    completed: s.f.completed,
    prerequisiteOf,
  });

  // Depth-first: a recipe's missing prerequisites (and theirs) go right before it.
  const place = (slug: string, prerequisiteOf: string | null, trail: Set<string>) => {
    if (placed.has(slug) || trail.has(slug)) return;
    const f = bySlug.get(slug);
    if (!f) return;
    trail.add(slug);
    for (const p of [...f.prerequisites].sort()) {
      const pf = bySlug.get(p);
      if (pf && !pf.completed) place(p, slug, trail);
    }
    trail.delete(slug);
    if (placed.has(slug)) return;
    placed.add(slug);
    const s = scoreOf.get(slug);
    if (prerequisiteOf && !s?.relevant) {
      const base: Scored = s ?? { f, score: 0, reasons: [], relevant: false };
      out.push(toItem({ ...base, reasons: [`Prerequisite of “${bySlug.get(prerequisiteOf)!.title}”: do it first`, ...base.reasons] }, prerequisiteOf));
    } else if (prerequisiteOf) {
      out.push(toItem({ ...s!, reasons: [`Prerequisite of “${bySlug.get(prerequisiteOf)!.title}”: do it first`, ...s!.reasons] }, prerequisiteOf));
    } else {
      out.push(toItem(s!, null));
    }
  };

  for (const s of scored) {
    if (out.length >= limit) break;
    place(s.f.slug, null, new Set());
  }
  return out.slice(0, Math.max(limit, lastTopLevelIndex(out, limit) + 1));
}

/** Keep a prerequisite block whole: never cut the list between a prerequisite and its recipe. */
function lastTopLevelIndex(out: Recommendation[], limit: number): number {
  let i = Math.min(limit, out.length) - 1;
  while (i >= 0 && i < out.length - 1 && out[i].prerequisiteOf !== null) i++;
  return i;
}
