import "server-only";
import type { Caller } from "@/lib/auth/session";
import type { Track } from "@/lib/db/schema/enums";
import { errors } from "@/lib/errors";
import { enrol as addEnrolment, findModule, markModuleComplete, unenrol as removeEnrolment } from "@/lib/db/queries/foundations";

// The caller's own Foundations progress and track enrolments (SPEC §2 "Foundations", "Tracks").
// The same use cases serve POST /foundations/{module}/complete, POST /tracks/{track}/enroll and the
// Foundations page's forms.

/** Marks a module (slug or id) done for the caller. Idempotent: marking it twice keeps the first date. */
export async function completeModule({ caller, module }: { caller: Pick<Caller, "id">; module: string }) {
  const m = await findModule({ module });
  if (!m) throw errors.notFound("Foundations module");
  await markModuleComplete({ userId: caller.id, moduleId: m.id });
  return m;
}

/** Enrols the caller in a track (idempotent); returns their enrolments. */
export async function enrol({ caller, track }: { caller: Pick<Caller, "id">; track: Track }) {
  return addEnrolment({ userId: caller.id, track });
}

export async function unenrol({ caller, track }: { caller: Pick<Caller, "id">; track: Track }) {
  return removeEnrolment({ userId: caller.id, track });
}
