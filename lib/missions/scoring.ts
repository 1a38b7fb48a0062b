// Mentor score (SPEC §3 "Scoring"). Pure: runs on the server when a review is saved and in the
// browser for the live score on the Review + Rubric screen, so both always agree.
//
//   criterion score = points of the chosen level / max points of that criterion          (0–1)
//   stage score     = Σ(criterion weight × criterion score) / Σ(criterion weights)         (0–1)
//   base            = Σ(stage weight × stage score) / Σ(stage weights) × 100, over the stages
//                     ON THE LEARNER'S PATH that have at least one criterion
//   mission score   = base + Σ decision score_deltas − Σ hint penalties, clamped to 0–100,
//                     rounded to one decimal (half up)
//   pass            = score ≥ min_score and every required stage (success_criteria.required_stages)
//                     on the path scored above zero
//
// Criteria with `stage: null` (mission-wide, e.g. "judgement") form one extra pseudo-stage,
// "Whole mission", of weight 1, always on the path. Stages off the path are excluded (their
// criteria are not scored); a stage on the path without criteria has nothing to score and is
// left out of both sums.

export const MISSION_WIDE = "__mission__";
export const MISSION_WIDE_WEIGHT = 1;

export const FORMULA_TEXT =
  "Each criterion scores the points of the chosen level divided by its top level's points. A stage scores the weighted mean of its criteria. " +
  "The mission score is the sum of stage weight × stage score over the stages on the learner's path, divided by the sum of those stage weights, × 100 " +
  "(mission-wide criteria count as one extra stage of weight 1); then decision score deltas are added, hint penalties subtracted, " +
  "and the result is clamped to 0–100 and rounded to one decimal. It passes when it reaches the mission's minimum score and every required stage on the path scored above zero.";

export interface ScoringLevel {
  points: number;
  label?: string;
}
export interface ScoringCriterion {
  key: string;
  stage: string | null;
  weight: number;
  levels: ScoringLevel[];
}
export interface ScoringStage {
  key: string;
  weight: number;
  title?: string;
}

export interface ScoringInput {
  stages: ScoringStage[];
  criteria: ScoringCriterion[];
  /** Stage keys the learner went through. */
  path: string[];
  /** Chosen level index per criterion key; missing or null = not scored yet (counts as 0). */
  levels: Record<string, number | null | undefined>;
  /** Σ of the score_delta of the choices made. */
  decisionDelta: number;
  /** Σ of the penalties of the hints unlocked. */
  hintPenalty: number;
  minScore: number;
  requiredStages: string[];
}

export interface CriterionResult {
  key: string;
  stage: string | null;
  level: number | null;
  points: number;
  max: number;
  score: number;
}
export interface StageResult {
  key: string;
  weight: number;
  score: number;
  criteria: CriterionResult[];
}
export interface ScoringResult {
  score: number;
  passed: boolean;
  /** Before deltas and penalties, 0–100 unrounded. */
  base: number;
  decisionDelta: number;
  hintPenalty: number;
  stages: StageResult[];
  /** Criteria that count (on the path or mission-wide), with their results. */
  criteria: CriterionResult[];
  /** Keys of counted criteria with no level chosen yet. */
  unscored: string[];
  /** Why it does not pass, in words (empty when it passes). */
  failReasons: string[];
}

export const round1 = (x: number) => Math.round((x + Number.EPSILON) * 10) / 10;

export function maxPoints(c: { levels: ScoringLevel[] }): number {
  return c.levels.reduce((m, l) => Math.max(m, l.points), 0);
}

/** The criteria that count for this path: those of stages on the path, and the mission-wide ones. */
export function criteriaOnPath<C extends { stage: string | null }>(criteria: C[], path: string[]): C[] {
  const on = new Set(path);
  return criteria.filter((c) => c.stage === null || on.has(c.stage));
}

export function computeScore(input: ScoringInput): ScoringResult {
  const onPath = new Set(input.path);
  const counted = criteriaOnPath(input.criteria, input.path);
  const criteria: CriterionResult[] = counted.map((c) => {
    const max = maxPoints(c);
    const level = input.levels[c.key];
    const chosen = level != null ? c.levels[level] : undefined;
    const points = chosen ? chosen.points : 0;
    return { key: c.key, stage: c.stage, level: chosen ? level! : null, points, max, score: max > 0 ? points / max : 0 };
  });
  const weightOf = new Map(counted.map((c) => [c.key, c.weight]));

  const groups: { key: string; weight: number }[] = input.stages
    .filter((s) => onPath.has(s.key))
    .map((s) => ({ key: s.key, weight: s.weight }));
  if (criteria.some((c) => c.stage === null)) groups.push({ key: MISSION_WIDE, weight: MISSION_WIDE_WEIGHT });

  const stages: StageResult[] = [];
  for (const g of groups) {
    const own = criteria.filter((c) => (c.stage ?? MISSION_WIDE) === g.key);
    if (own.length === 0) continue;
    const wSum = own.reduce((s, c) => s + weightOf.get(c.key)!, 0);
    const score = wSum > 0 ? own.reduce((s, c) => s + weightOf.get(c.key)! * c.score, 0) / wSum : 0;
    stages.push({ key: g.key, weight: g.weight, score, criteria: own });
  }
  const totalWeight = stages.reduce((s, st) => s + st.weight, 0);
  const base = totalWeight > 0 ? (stages.reduce((s, st) => s + st.weight * st.score, 0) / totalWeight) * 100 : 0;
  const raw = base + input.decisionDelta - input.hintPenalty;
  const score = round1(Math.min(100, Math.max(0, raw)));

  const failReasons: string[] = [];
  if (score < input.minScore) failReasons.push(`Score ${score} is below the minimum of ${input.minScore}.`);
  for (const req of input.requiredStages) {
    if (!onPath.has(req)) continue;
    const st = stages.find((s) => s.key === req);
    if (st && st.score <= 0) failReasons.push(`Required stage "${req}" scored zero.`);
  }
  return {
    score,
    passed: failReasons.length === 0,
    base,
    decisionDelta: input.decisionDelta,
    hintPenalty: input.hintPenalty,
    stages,
    criteria,
    unscored: criteria.filter((c) => c.level === null).map((c) => c.key),
    failReasons,
  };
}

// ---------------------------------------------------------------- rubric validation

export interface RubricProblem {
  path: string;
  message: string;
}

/** A rubric is usable when it has ≥ 1 criterion, each with ≥ 2 levels and a top level worth > 0. */
export function validateRubric(criteria: { key?: string; weight?: number; levels: ScoringLevel[] }[]): RubricProblem[] {
  const problems: RubricProblem[] = [];
  if (criteria.length === 0) problems.push({ path: "rubric", message: "needs at least one criterion" });
  criteria.forEach((c, i) => {
    if (c.levels.length < 2) problems.push({ path: `rubric[${i}].levels`, message: "needs at least 2 levels" });
    if (c.levels.some((l) => !(l.points >= 0))) problems.push({ path: `rubric[${i}].levels`, message: "points must be ≥ 0" });
    if (maxPoints(c) <= 0) problems.push({ path: `rubric[${i}].levels`, message: "the highest level must be worth more than 0 points" });
    if (c.weight !== undefined && !(c.weight > 0)) problems.push({ path: `rubric[${i}].weight`, message: "must be > 0" });
  });
  return problems;
}

/** Resolves a level given as an index or as a label (case-insensitive) to its index, or null. */
export function resolveLevel(levels: { label: string }[], level: number | string): number | null {
  if (typeof level === "number") return Number.isInteger(level) && level >= 0 && level < levels.length ? level : null;
  const want = level.trim().toLowerCase();
  if (/^\d+$/.test(want)) return resolveLevel(levels, Number(want));
  const i = levels.findIndex((l) => l.label.trim().toLowerCase() === want);
  return i >= 0 ? i : null;
}
