import "server-only";
import { db } from "@/lib/db";
import type { MissionProgress } from "@/lib/db/schema";
import { findMission } from "@/lib/db/queries/missions";
import { lockAttemptRow } from "@/lib/db/queries/moderation";
import { isReviewable } from "@/lib/missions/state";
import type { ReviewBody } from "@/lib/api/contracts/reviews";
import { loadAttempt } from "@/lib/attempts/load";
import type { Caller } from "@/lib/auth/session";
import { errors, isUniqueViolation } from "@/lib/errors";
import { attemptForReviewer, isReviewer } from "./access";
import { prepareReview, releaseReview, staleConflict, type ReviewResult } from "./release";
import { markIfDoubleMarked } from "./moderation";
import { recordAiDecisions } from "./ai-suggestions";

// Submitting a review (SPEC §3 "Scoring"): levels per criterion, feedback, outcome and recommended
// recipes, based on the attempt version the mentor saw; a stale version is a 409 saying who got
// there first. An approval adds the portfolio item in the same transaction. A submission sampled for
// double-marking (SPEC §7) keeps the mentor's marks apart until a second blind mark (and, when they
// differ, a moderator) makes one final: lib/reviews/moderation.ts.

export type { ReviewResult };

export async function submitReview({ caller, progressId, body: input }: { caller: Caller; progressId: string; body: Omit<ReviewBody, "anchors" | "ai"> & Partial<Pick<ReviewBody, "anchors" | "ai">> }): Promise<ReviewResult> {
  // Bodies built in code (tests, the demo seed) may predate `anchors`; the API's schema defaults them.
  const body: ReviewBody = { ...input, anchors: input.anchors ?? [], ai: input.ai ?? [] };
  if (!isReviewer(caller)) throw errors.forbidden();
  const p: MissionProgress = await attemptForReviewer({ caller, progressId });
  if (p.version !== body.version) throw await staleConflict(p.id, db);
  if (!isReviewable(p.state)) throw errors.conflict(`This submission is not waiting for review (it is ${p.state.replace("_", " ")}).`, { state: p.state, current_version: p.version });

  const [a, mission] = await Promise.all([loadAttempt(p), findMission({ idOrCode: p.missionId })]);
  const prep = await prepareReview(a, body);
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      // Marks, releases and moderation of one attempt queue up behind its row lock.
      const locked = await lockAttemptRow(tx, { id: p.id });
      if (!locked || locked.version !== body.version) throw await staleConflict(p.id, tx);
      const aiAssisted = await recordAiDecisions(tx, { caller, progressId: p.id, version: body.version, decisions: body.ai, levels: prep.levels });
      const marked = await markIfDoubleMarked(tx, { caller, a, p: locked, missionCode: mission!.code, body, prep, now });
      if (marked) return marked;
      return releaseReview(tx, { a, p: locked, missionCode: mission!.code, mentorId: caller.id, body, prep, now, aiAssisted });
    });
  } catch (e) {
    // Same version reviewed twice at the same instant: the unique (progress, based_on_version) catches it.
    if (isUniqueViolation(e)) throw await staleConflict(p.id, db);
    throw e;
  }
}
