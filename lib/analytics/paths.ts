// Decision paths against the expert's: pure functions over a mission's graph.
import { END } from "@/lib/content/schemas";

export interface PathMission {
  stages: { key: string; next?: string | null }[];
  decisions: { key: string; after_stage: string; choices: { id: string; next_stage: string; ideal?: boolean }[] }[];
}

function nextByDefault(m: PathMission, key: string): string {
  const i = m.stages.findIndex((s) => s.key === key);
  const s = m.stages[i];
  if (s?.next) return s.next;
  return m.stages[i + 1]?.key ?? END;
}

/** The path that follows every ideal choice (a decision without an ideal choice follows its first). */
export function expertPath(m: PathMission): string[] {
  const out: string[] = [];
  let k: string | undefined = m.stages[0]?.key;
  while (k && k !== END && out.length <= m.stages.length) {
    out.push(k);
    const d = m.decisions.find((x) => x.after_stage === k);
    const c = d ? (d.choices.find((x) => x.ideal) ?? d.choices[0]) : undefined;
    k = c ? c.next_stage : nextByDefault(m, k);
  }
  return out;
}

/**
 * How far a learner's path deviates from the expert's: the number of decisions on it where the
 * learner went somewhere other than the ideal choice leads (decisions without an ideal are skipped).
 */
export function pathDeviation(m: PathMission, path: readonly string[]): number {
  let n = 0;
  path.forEach((k, i) => {
    const d = m.decisions.find((x) => x.after_stage === k);
    const ideal = d?.choices.find((c) => c.ideal);
    if (!d || !ideal) return;
    const went = path[i + 1] ?? null;
    if (went !== null && went !== ideal.next_stage) n += 1;
  });
  return n;
}
