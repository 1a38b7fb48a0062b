import "server-only";
import { findAttempt, setSecondOpinion } from "@/lib/db/queries/attempts";
import type { Prescore } from "@/lib/missions/prescore";
import { requestSecondOpinion, type OpinionConfig, type SecondOpinion } from "@/lib/missions/second-opinion";
import { isReviewable } from "@/lib/missions/state";
import { loadAttempt, prescoreOf } from "@/lib/attempts/load";
import { env } from "@/lib/env";
import { sendJob } from "@/lib/jobs";

export function aiConfig(): OpinionConfig | null {
  const e = env();
  return e.SORTIE_AI_URL && e.SORTIE_AI_KEY ? { url: e.SORTIE_AI_URL, key: e.SORTIE_AI_KEY, model: e.SORTIE_AI_MODEL } : null;
}

/**
 * Asks the configured AI endpoint for a second opinion on a submission and stores it next to the
 * deterministic pre-score (`prescore.second_opinion`), outside any learner or review transaction and
 * without touching `version`. A no-op (null) without SORTIE_AI_URL + SORTIE_AI_KEY, or once stored.
 */
export async function recordSecondOpinion({ progressId, config = aiConfig() }: { progressId: string; config?: OpinionConfig | null }): Promise<SecondOpinion | null> {
  if (!config) return null;
  const p = await findAttempt({ progressId });
  if (!p || !isReviewable(p.state)) return null;
  const stored = (p.prescore ?? null) as (Prescore & { second_opinion?: SecondOpinion }) | null;
  if (stored?.second_opinion) return stored.second_opinion;
  const a = await loadAttempt(p);
  const completions = a.facts.completions.map((c) => ({ stageKey: c.stageKey, notes: c.notes, answer: c.answer }));
  const opinion = await requestSecondOpinion({ mission: a.content, path: a.route.path, completions, reflection: p.reflection, prescore: prescoreOf(a) }, config);
  if (!opinion) return null;
  await setSecondOpinion({ progressId: p.id, opinion });
  return opinion;
}

/**
 * Queues the second opinion as a durable background job (lib/jobs: `second-opinion`), keyed by the
 * submission, so it survives the instance that queued it and is asked once however many mentors
 * open the review at once: a second send with the same id is dropped. Shown on a later load.
 */
export async function queueSecondOpinion({ progressId }: { progressId: string }): Promise<void> {
  if (!aiConfig()) return;
  try {
    await sendJob("second-opinion", { progressId }, { id: progressId });
  } catch (e) {
    // Opening a review must not fail because the queue is unavailable; the next open queues it again.
    console.error("[reviews] could not queue the second opinion:", e instanceof Error ? e.message : e);
  }
}
