// Recipe effectiveness (SPEC §3 "Analytics"): for a recipe linked to a mission, compare the
// reviewed attempts where the learner used the recipe before submitting with those where they
// did not. The per-group counts come from SQL (lib/db/queries/recipe-analytics.ts); this file
// holds the interval maths, so it can be checked against published, hand-computed values.
//
// Method: the difference of the two pass rates (used − not used) with a 95% confidence interval
// by Newcombe's hybrid score method (Newcombe 1998, "Interval estimation for the difference
// between independent proportions", method 10), which combines the Wilson score interval of each
// proportion. It stays inside [−1, 1], behaves at 0% and 100%, and needs no continuity correction.

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;
/** Below this many attempts on either side we say "not enough data" instead of a figure. */
export const MIN_ATTEMPTS = 10;
export const METHOD =
  "Difference of pass rates (used − not used) with a 95% confidence interval by Newcombe's hybrid score method (Wilson score intervals per group); not reported under 10 attempts on either side.";

export interface GroupCounts {
  /** Reviewed attempts in the group. */
  attempts: number;
  /** Attempts that passed. */
  passed: number;
  /** Sum of the mission scores (0–100) of the attempts; null when none were scored. */
  scoreSum: number | null;
}

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for x successes out of n (n > 0). */
export function wilson(x: number, n: number, z = Z95): Interval {
  if (n <= 0) throw new RangeError("wilson: n must be > 0");
  if (x < 0 || x > n) throw new RangeError("wilson: x must be within 0..n");
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp away floating-point dust at the edges (x = 0 or x = n).
  return { low: x === 0 ? 0 : Math.max(0, centre - half), high: x === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval (method 10) for p1 − p2 with p1 = x1/n1, p2 = x2/n2:
 *   L = (p1 − p2) − √((p1 − l1)² + (u2 − p2)²)
 *   U = (p1 − p2) + √((u1 − p1)² + (p2 − l2)²)
 * where (l1, u1) and (l2, u2) are the Wilson intervals of p1 and p2.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z95): Interval & { estimate: number } {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  const d = p1 - p2;
  return {
    estimate: d,
    low: Math.max(-1, d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2)),
    high: Math.min(1, d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2)),
  };
}

export interface GroupSummary {
  attempts: number;
  passed: number;
  passRate: number | null;
  meanScore: number | null;
}

export interface Effectiveness {
  used: GroupSummary;
  notUsed: GroupSummary;
  /** False when either side has fewer than MIN_ATTEMPTS attempts: no difference is reported. */
  enoughData: boolean;
  /** Pass-rate difference used − not used, as a proportion (−1..1), with its 95% interval. */
  difference: (Interval & { estimate: number }) | null;
  /** Mean score difference in points (used − not used), when both groups have scores. */
  meanScoreDifference: number | null;
  /** One sentence a person can read. */
  summary: string;
}

function group(g: GroupCounts): GroupSummary {
  return {
    attempts: g.attempts,
    passed: g.passed,
    passRate: g.attempts > 0 ? g.passed / g.attempts : null,
    meanScore: g.attempts > 0 && g.scoreSum !== null ? g.scoreSum / g.attempts : null,
  };
}

/** Percentage points, rounded: 0.183 → 18. */
export const points = (p: number) => Math.round(p * 100);

export function effectiveness(used: GroupCounts, notUsed: GroupCounts): Effectiveness {
  const u = group(used);
  const n = group(notUsed);
  const enoughData = used.attempts >= MIN_ATTEMPTS && notUsed.attempts >= MIN_ATTEMPTS;
  const meanScoreDifference = u.meanScore !== null && n.meanScore !== null ? u.meanScore - n.meanScore : null;
  if (!enoughData) {
    return {
      used: u,
      notUsed: n,
      enoughData,
      difference: null,
      meanScoreDifference,
      summary: `Not enough data: ${used.attempts} attempt(s) with the recipe and ${notUsed.attempts} without; at least ${MIN_ATTEMPTS} are needed on each side.`,
    };
  }
  const difference = newcombeDifference(used.passed, used.attempts, notUsed.passed, notUsed.attempts);
  return { used: u, notUsed: n, enoughData, difference, meanScoreDifference, summary: describeDifference(difference) };
}

/** "Learners who used it passed 18 points more often (95% CI 3 to 31)". */
export function describeDifference(d: Interval & { estimate: number }): string {
  const pts = points(d.estimate);
  const ci = `95% CI ${points(d.low)} to ${points(d.high)}`;
  if (pts === 0) return `Learners who used it passed about as often as those who did not (${ci}).`;
  return `Learners who used it passed ${Math.abs(pts)} points ${pts > 0 ? "more" : "less"} often (${ci}).`;
}
