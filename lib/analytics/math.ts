// Pure maths behind the dashboards: funnels (PostHog-style) and percentiles. The SQL returns
// counts and sorted samples; these functions turn them into rates the UI and API show.

export interface FunnelStepInput {
  key: string;
  label: string;
  count: number;
}

export interface FunnelStep extends FunnelStepInput {
  /** Share of the first step that reached this one (0–1). */
  overall: number;
  /** Share of the previous step that reached this one (0–1); 1 for the first step. */
  step: number;
  /** How many of the previous step did not reach this one. */
  dropped: number;
}

/**
 * A funnel from step counts in order. Counts are clamped so a later step never exceeds the one
 * before it (an event recorded out of order must not produce a conversion above 100%).
 */
export function funnel(steps: FunnelStepInput[]): FunnelStep[] {
  const out: FunnelStep[] = [];
  let prev = 0;
  let first = 0;
  steps.forEach((s, i) => {
    const raw = Math.max(0, Math.floor(s.count));
    const count = i === 0 ? raw : Math.min(raw, prev);
    if (i === 0) first = count;
    out.push({
      ...s,
      count,
      overall: first > 0 ? count / first : 0,
      step: i === 0 ? (count > 0 ? 1 : 0) : prev > 0 ? count / prev : 0,
      dropped: i === 0 ? 0 : prev - count,
    });
    prev = count;
  });
  return out;
}

/** The step that loses the most people (absolute), or null when nobody drops. */
export function biggestDropOff(steps: FunnelStep[]): FunnelStep | null {
  let worst: FunnelStep | null = null;
  for (const s of steps.slice(1)) if (s.dropped > 0 && (!worst || s.dropped > worst.dropped)) worst = s;
  return worst;
}

/** Linear-interpolated quantile (the same definition as SQL percentile_cont) of sorted values. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  if (q <= 0) return sorted[0];
  if (q >= 1) return sorted[sorted.length - 1];
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Percentile rank (0–100) of a value among n values of which `below` are strictly lower and
 * `equal` are equal (ties count half, the usual "mid-rank" definition). For measures where lower
 * is better (time), pass the counts of strictly higher values as `below`.
 */
export function percentileRank(below: number, equal: number, n: number): number | null {
  if (n <= 0) return null;
  const r = ((below + 0.5 * equal) / n) * 100;
  return Math.round(Math.min(100, Math.max(0, r)) * 10) / 10;
}

/** Share as 0–1 with a safe zero denominator. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Equal-width histogram of 0–100 scores: [0,10), [10,20) … [90,100]. */
export function scoreBuckets(counts: { bucket: number; count: number }[], width = 10) {
  const n = Math.ceil(100 / width);
  const out = Array.from({ length: n }, (_, i) => ({ from: i * width, to: Math.min(100, (i + 1) * width), count: 0 }));
  for (const c of counts) {
    const i = Math.min(n - 1, Math.max(0, Math.floor(c.bucket)));
    out[i].count += c.count;
  }
  return out;
}

/** An attempt is abandoned when it is still open and nothing happened for `days`. */
export function isAbandoned(a: { state: string; lastActivityAt: Date }, now: Date, days: number): boolean {
  const open = a.state === "in_progress" || a.state === "changes_requested";
  return open && now.getTime() - a.lastActivityAt.getTime() >= days * 86_400_000;
}

/** Drop-off per stage: where abandoned attempts stopped, with each stage's share of all drop-offs. */
export function dropOffByStage(stops: { stage: string | null; count: number }[]) {
  const total = stops.reduce((s, x) => s + x.count, 0);
  const merged = new Map<string, number>();
  for (const s of stops) merged.set(s.stage ?? "(before first stage)", (merged.get(s.stage ?? "(before first stage)") ?? 0) + s.count);
  return [...merged.entries()]
    .map(([stage, count]) => ({ stage, count, share: rate(count, total) }))
    .sort((a, b) => b.count - a.count || a.stage.localeCompare(b.stage));
}

export function pct(x: number | null | undefined, digits = 0): string {
  if (x == null || !Number.isFinite(x)) return "—";
  return `${(x * 100).toFixed(digits)}%`;
}
