import "server-only";
import type { Caller } from "@/lib/auth/session";
import type { Track } from "@/lib/db/schema/enums";
import { db } from "@/lib/db";
import { errors } from "@/lib/errors";
import { enrol as addEnrolment, findModule, foundationsFor, markModuleComplete, moduleRecipes, unenrol as removeEnrolment } from "@/lib/db/queries/foundations";
import { toFoundations } from "@/lib/missions/foundations-json";
import { gradeSelfCheck } from "./grade";

// The caller's own Foundations progress and track enrolments (SPEC §2 "Foundations", "Tracks").
// The same use cases serve GET /foundations, POST /foundations/{module}/complete and /self-check,
// POST /tracks/{track}/enroll and the Foundations pages' forms.

/** GET /foundations: every module with its reading, self-check questions (no answers), linked recipes and the caller's completion. */
export async function readFoundations({ caller }: { caller: Pick<Caller, "id"> }) {
  const [f, recipes] = await Promise.all([foundationsFor({ userId: caller.id }), moduleRecipes()]);
  return toFoundations(f, recipes);
}

/**
 * Marks a module (slug or id) done for the caller. Idempotent: marking it twice keeps the first date.
 * SPEC §2/§4 let a learner mark a module done; the app's pages ask for the self-check instead
 * (checkModule), and this stays the API's plain "mark done".
 */
export async function completeModule({ caller, module }: { caller: Pick<Caller, "id">; module: string }) {
  const m = await findModule({ module });
  if (!m) throw errors.notFound("Foundations module");
  await markModuleComplete({ userId: caller.id, moduleId: m.id });
  return m;
}

/**
 * POST /foundations/{module}/self-check: grades the answers on the server, with feedback per answer;
 * a pass (passMark) marks the module done. A failed check changes nothing: the learner rereads and retries.
 */
export async function checkModule({ caller, module, answers }: { caller: Pick<Caller, "id">; module: string; answers: Record<string, string> }) {
  const m = await findModule({ module });
  if (!m) throw errors.notFound("Foundations module");
  if (m.selfCheck.length === 0) throw errors.rule(`"${m.title}" has no self-check: mark it done instead.`);
  const grade = gradeSelfCheck(m.selfCheck, answers);
  if ("problems" in grade) throw errors.validation(grade.problems);
  if (grade.passed) await db.transaction((tx) => markModuleComplete({ userId: caller.id, moduleId: m.id, tx }));
  const foundations = await foundationsFor({ userId: caller.id });
  const done = foundations.modules.find((x) => x.id === m.id)?.completedAt ?? null;
  return {
    module: m.slug,
    ...grade,
    completed: done !== null,
    completed_at: done?.toISOString() ?? null,
    foundations_complete: foundations.complete,
  };
}

/** Enrols the caller in a track (idempotent); returns their enrolments. */
export async function enrol({ caller, track }: { caller: Pick<Caller, "id">; track: Track }) {
  return addEnrolment({ userId: caller.id, track });
}

export async function unenrol({ caller, track }: { caller: Pick<Caller, "id">; track: Track }) {
  return removeEnrolment({ userId: caller.id, track });
}
