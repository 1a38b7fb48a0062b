// Calibration and moderation rules (SPEC §7 "Mentoring"), pure.
//
// Sampling: per mission a double-marking rate in whole percent. The n-th first marking of the mission
// (n counted from 1, in the order the first marks arrive) is double-marked when ⌊n·rate⌋ > ⌊(n−1)·rate⌋:
// systematic sampling, deterministic, and exactly at the set rate over any run of marks (20% = every
// fifth). The counter lives on the mission's moderation row, locked while it is drawn.
//
// Disagreement: two blind marks of the same submission version go to a moderator when
//   • their outcomes differ, or
//   • their mission scores differ by more than the mission's threshold (points on 0–100, default 10), or
//   • any criterion differs by more than one level.
// Otherwise the first mentor's review is released as final.

export const DEFAULT_THRESHOLD_POINTS = 10;
/** A criterion may differ by this many levels before the marks go to a moderator. */
export const LEVEL_TOLERANCE = 1;

export function isSampled(n: number, percent: number): boolean {
  if (!Number.isInteger(n) || n < 1) throw new RangeError("n counts marks from 1");
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return Math.floor((n * p) / 100) > Math.floor(((n - 1) * p) / 100);
}

export interface MarkSummary {
  outcome: string;
  score: number;
  /** Level index per criterion key. */
  levels: Record<string, number>;
}

export interface Disagreement {
  disagree: boolean;
  /** In words, for the moderator. */
  reasons: string[];
  score_difference: number;
  /** Criteria whose levels differ by more than LEVEL_TOLERANCE. */
  criteria: string[];
}

export function compareMarks(a: MarkSummary, b: MarkSummary, thresholdPoints = DEFAULT_THRESHOLD_POINTS): Disagreement {
  const reasons: string[] = [];
  if (a.outcome !== b.outcome) reasons.push(`The outcomes differ (${a.outcome.replace("_", " ")} and ${b.outcome.replace("_", " ")}).`);
  const diff = Math.round(Math.abs(a.score - b.score) * 10) / 10;
  if (diff > thresholdPoints) reasons.push(`The scores differ by ${diff} points (more than ${thresholdPoints}).`);
  const keys = [...new Set([...Object.keys(a.levels), ...Object.keys(b.levels)])].sort();
  const criteria = keys.filter((k) => k in a.levels && k in b.levels && Math.abs(a.levels[k] - b.levels[k]) > LEVEL_TOLERANCE);
  if (criteria.length) reasons.push(`${criteria.length === 1 ? "One criterion differs" : `${criteria.length} criteria differ`} by more than ${LEVEL_TOLERANCE} level: ${criteria.join(", ")}.`);
  return { disagree: reasons.length > 0, reasons, score_difference: diff, criteria };
}

/** Monday (UTC) of the ISO week of a date, as YYYY-MM-DD: the bucket of the drift series. */
export function weekOf(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

export interface DriftPoint {
  week: string;
  marks: number;
  /** Mean of (mentor's score − final score), points on 0–100: above 0 marks more generously than the final. */
  mean_difference: number;
}

/** One mentor's marks against the final scores, mean difference per week, oldest first. */
export function driftByWeek(marks: readonly { at: Date; difference: number }[]): DriftPoint[] {
  const by = new Map<string, { n: number; sum: number }>();
  for (const m of marks) {
    const w = weekOf(m.at);
    const b = by.get(w) ?? { n: 0, sum: 0 };
    b.n += 1;
    b.sum += m.difference;
    by.set(w, b);
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, b]) => ({ week, marks: b.n, mean_difference: Math.round((b.sum / b.n) * 10) / 10 }));
}
