import "server-only";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { canSeeLearner } from "@/lib/db/queries/access";
import { getUser } from "@/lib/db/queries/users";

/**
 * A mission (assignment or exception) may be given to a learner the caller may see: anyone else,
 * or an id that is no one, is "not found"; a visible account that is not a learner breaks a rule.
 */
export async function assertGivableLearner(caller: Caller, learnerId: string) {
  const u = await getUser({ id: learnerId });
  if (!u || !(await canSeeLearner({ caller, learnerId }))) throw errors.notFound("Learner");
  if (u.role !== "learner") throw errors.rule("Only learners can be given missions.", { learner: "is not a learner" });
}
