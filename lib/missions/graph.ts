import { END, type MissionContent } from "@/lib/content/schemas";

// The mission graph: stages are nodes; a stage leads to its decision's choices' targets when
// a decision sits after it, otherwise to `next` (default: the following stage, or END).

type GraphMission = Pick<MissionContent, "stages" | "decisions">;

export type GraphProblemKind = "unreachable" | "cycle" | "dead_end" | "unknown_stage";

export interface ContentError {
  path: string;
  message: string;
  /** Set on graph problems, so the studio can draw each on its node or edge. */
  kind?: GraphProblemKind;
}

export function decisionAfter(mission: GraphMission, stageKey: string) {
  return mission.decisions.find((d) => d.after_stage === stageKey);
}

/** Where a stage goes when it has no decision after it. */
export function defaultNext(mission: GraphMission, stageKey: string): string {
  const i = mission.stages.findIndex((s) => s.key === stageKey);
  if (i < 0) return END;
  const stage = mission.stages[i];
  if (stage.next) return stage.next;
  return mission.stages[i + 1]?.key ?? END;
}

export function successors(mission: GraphMission, stageKey: string): string[] {
  const decision = decisionAfter(mission, stageKey);
  if (decision) return [...new Set(decision.choices.map((c) => c.next_stage))];
  return [defaultNext(mission, stageKey)];
}

/** Every structural problem of the graph, each with the path of the field at fault. */
export function validateGraph(mission: GraphMission): ContentError[] {
  const errors: ContentError[] = [];
  const keys = new Set<string>();
  mission.stages.forEach((s, i) => {
    if (s.key === END) errors.push({ path: `stages[${i}].key`, message: `"${END}" is reserved` });
    if (keys.has(s.key)) errors.push({ path: `stages[${i}].key`, message: `duplicate stage key "${s.key}"` });
    keys.add(s.key);
    if (s.next !== undefined && s.next !== END && !keys.has(s.next) && !mission.stages.some((t) => t.key === s.next))
      errors.push({ path: `stages[${i}].next`, message: `points at unknown stage "${s.next}"`, kind: "unknown_stage" });
  });

  const decisionKeys = new Set<string>();
  const afterStages = new Set<string>();
  mission.decisions.forEach((d, i) => {
    if (decisionKeys.has(d.key)) errors.push({ path: `decisions[${i}].key`, message: `duplicate decision key "${d.key}"` });
    decisionKeys.add(d.key);
    if (!keys.has(d.after_stage)) errors.push({ path: `decisions[${i}].after_stage`, message: `points at unknown stage "${d.after_stage}"`, kind: "unknown_stage" });
    if (afterStages.has(d.after_stage))
      errors.push({ path: `decisions[${i}].after_stage`, message: `stage "${d.after_stage}" already has a decision` });
    afterStages.add(d.after_stage);
    const choiceIds = new Set<string>();
    d.choices.forEach((c, j) => {
      if (choiceIds.has(c.id)) errors.push({ path: `decisions[${i}].choices[${j}].id`, message: `duplicate choice id "${c.id}"` });
      choiceIds.add(c.id);
      if (c.next_stage !== END && !keys.has(c.next_stage))
        errors.push({ path: `decisions[${i}].choices[${j}].next_stage`, message: `points at unknown stage "${c.next_stage}"`, kind: "unknown_stage" });
    });
    if (d.choices.filter((c) => c.ideal).length > 1)
      errors.push({ path: `decisions[${i}].choices`, message: "at most one choice can be the expert's (ideal)" });
  });
  if (errors.length > 0 || mission.stages.length === 0) return errors;

  // Cycles: depth-first search with colours; report the stage that closes the loop.
  const colour = new Map<string, 0 | 1 | 2>();
  const stageIndex = new Map(mission.stages.map((s, i) => [s.key, i]));
  const visit = (k: string, trail: string[]): void => {
    colour.set(k, 1);
    for (const n of successors(mission, k)) {
      if (n === END) continue;
      const c = colour.get(n) ?? 0;
      if (c === 1) {
        errors.push({
          path: `stages[${stageIndex.get(k)}]`,
          message: `cycle: ${[...trail, k, n].slice(trail.indexOf(n) >= 0 ? trail.indexOf(n) : 0).join(" → ")}`,
          kind: "cycle",
        });
      } else if (c === 0) visit(n, [...trail, k]);
    }
    colour.set(k, 2);
  };
  visit(mission.stages[0].key, []);

  // Reachability from the first stage.
  mission.stages.forEach((s, i) => {
    if (!colour.has(s.key)) errors.push({ path: `stages[${i}]`, message: `stage "${s.key}" is unreachable from the first stage`, kind: "unreachable" });
  });

  // Every path ends: each stage must be able to reach END (a stage trapped in a loop cannot).
  const reachesEnd = new Map<string, boolean>();
  const canEnd = (k: string, seen: Set<string>): boolean => {
    if (k === END) return true;
    if (reachesEnd.has(k)) return reachesEnd.get(k)!;
    if (seen.has(k)) return false;
    seen.add(k);
    const ok = successors(mission, k).every((n) => canEnd(n, seen));
    reachesEnd.set(k, ok);
    return ok;
  };
  mission.stages.forEach((s, i) => {
    if (!canEnd(s.key, new Set())) errors.push({ path: `stages[${i}]`, message: `a path from stage "${s.key}" never reaches the end`, kind: "dead_end" });
  });
  return errors;
}

/**
 * The path a learner has taken: from the first stage, following completed stages and the
 * choices made. Stops at the first stage not yet completed (the current stage), or at END.
 */
export function computePath(
  mission: GraphMission,
  completed: ReadonlySet<string>,
  choices: ReadonlyMap<string, string>,
): { path: string[]; current: string | null; pendingDecision: string | null } {
  const path: string[] = [];
  let k: string | undefined = mission.stages[0]?.key;
  const guard = mission.stages.length + 1;
  while (k && k !== END && path.length < guard) {
    path.push(k);
    if (!completed.has(k)) return { path, current: k, pendingDecision: null };
    const decision = decisionAfter(mission, k);
    if (decision) {
      const choiceId = choices.get(decision.key);
      const choice = decision.choices.find((c) => c.id === choiceId);
      if (!choice) return { path, current: k, pendingDecision: decision.key };
      k = choice.next_stage;
    } else {
      k = defaultNext(mission, k);
    }
  }
  return { path, current: null, pendingDecision: null };
}

/** Stage keys of every path from the start (used for analytics and tests). */
export function allPaths(mission: GraphMission): string[][] {
  const out: string[][] = [];
  const walk = (k: string, acc: string[]) => {
    if (k === END) return void out.push(acc);
    for (const n of successors(mission, k)) walk(n, [...acc, k]);
  };
  if (mission.stages[0]) walk(mission.stages[0].key, []);
  return out;
}
