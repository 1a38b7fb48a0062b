import "server-only";
import type { Tx } from "@/lib/db";
import type { MissionProgress } from "@/lib/db/schema";
import { canSeeLearner } from "@/lib/db/queries/access";
import { findAttempt } from "@/lib/db/queries/attempts";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";

// Who reviews what (SPEC §1): a mentor the learners assigned to them (directly or through a
// cohort), an admin everyone; nobody their own attempt.

export function isReviewer(caller: Caller): boolean {
  return caller.role === "mentor" || caller.role === "admin";
}

/** The attempt if the caller may see it as its reviewer; a 404 otherwise (its existence is not revealed). */
export async function attemptForReviewer({ caller, progressId, tx }: { caller: Caller; progressId: string; tx?: Tx }): Promise<MissionProgress> {
  const p = await findAttempt({ progressId, tx });
  if (!p || p.userId === caller.id || !isReviewer(caller) || !(await canSeeLearner({ caller, learnerId: p.userId, tx }))) throw errors.notFound("Submission");
  return p;
}
