import "server-only";
import type { Tx } from "@/lib/db";
import type { MissionProgress } from "@/lib/db/schema";
import { updateAttempt, type ProgressPatch } from "@/lib/db/queries/attempts";
import type { Prescore } from "@/lib/missions/prescore";
import { transition } from "@/lib/missions/state";
import { computeAttemptPrescore, routeOf, type Attempt } from "./load";
import { logFailure } from "@/lib/log";

/**
 * Every write to an attempt ends here: the route recomputed from the facts as they now stand, a
 * changes_requested attempt back in progress (the learner is reworking it), last activity and the
 * version bumped. The caller has updated `ctx.facts` with what it wrote.
 */
export async function saveAttempt(ctx: Pick<Attempt, "progress" | "content" | "facts"> & { tx: Tx }, set: ProgressPatch = {}): Promise<{ progress: MissionProgress; route: Attempt["route"] }> {
  const route = routeOf(ctx.content, ctx.facts);
  const state = set.state ?? (ctx.progress.state === "changes_requested" ? transition("changes_requested", "work") : ctx.progress.state);
  const row = await updateAttempt(ctx.tx, { id: ctx.progress.id, set: { path: route.path, currentStage: route.current, lastActivityAt: new Date(), ...set, state } });
  return { progress: row!, route };
}

/** The pre-score stored at submission; a bug in it must not block a learner's submission. */
export function prescoreAtSubmit(a: Pick<Attempt, "content" | "facts" | "route">, reflection: string | null): Prescore | null {
  try {
    return computeAttemptPrescore(a, reflection);
  } catch (e) {
    logFailure("pre-score", e);
    return null;
  }
}
