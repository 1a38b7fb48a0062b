import "server-only";
import { missingFields } from "@/lib/missions/checklist";
import { transition } from "@/lib/missions/state";
import { toProgress } from "@/lib/missions/serialize";
import { recordEvents } from "@/lib/telemetry/record";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { checklistOf } from "./read";
import { prescoreAtSubmit, saveAttempt } from "./save";
import { withWritableAttempt } from "./write";

/** Submits for review: 422 naming every missing item; stores the automated pre-score. */
export async function submitMission({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  return withWritableAttempt(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, content, facts } = ctx;
    const missing = checklistOf(content, facts, progress.reflection);
    if (missing.length) {
      throw errors.rule(`${missing.length} item${missing.length === 1 ? " is" : "s are"} missing before you can submit.`, missingFields(missing), {
        missing: missing.map((m) => ({ item: m.item, field: m.field, stage: m.stage ?? null, decision: m.decision ?? null, message: m.message })),
      });
    }
    const saved = await saveAttempt(ctx, {
      state: transition(progress.state, "submit"),
      submittedAt: new Date(),
      prescore: prescoreAtSubmit(ctx, progress.reflection),
    });
    await recordEvents(tx, [{ type: "mission.submitted", userId: caller.id, missionId: mission.id, progressId: progress.id, payload: { auto: false, attempt: progress.attempt, path: ctx.route.path } }]);
    return toProgress(saved.progress, mission, content, facts, { route: saved.route });
  });
}
