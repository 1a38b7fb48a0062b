import "server-only";
import { changesRequestedRows, mentorWorkloadRows } from "@/lib/db/queries/reviews";
import { listAssignments } from "@/lib/assignments/list";
import type { Caller } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { errors } from "@/lib/errors";
import { isReviewer } from "./access";
import { reviewQueue } from "./queue";

/**
 * The mentor's dashboard (SPEC §7 "Mentoring"): what waits and for how long against the SLA, the
 * load per mentor, overdue assignments of their learners, learners asked for changes. An admin
 * sees every mentor; a mentor their own learners.
 */
export async function mentorDashboard({ caller, now = new Date() }: { caller: Caller; now?: Date }) {
  if (!isReviewer(caller)) throw errors.forbidden();
  const slaHours = env().SORTIE_REVIEW_SLA_HOURS;
  const [queue, workload, assignments, changes] = await Promise.all([reviewQueue({ caller }), mentorWorkloadRows({ viewer: caller }), listAssignments({ caller, now }), changesRequestedRows({ viewer: caller })]);
  const sla = slaHours * 3600;
  return {
    sla_hours: slaHours,
    waiting: queue.map((q) => ({ ...q, over_sla: q.waiting_seconds > sla })),
    over_sla: queue.filter((q) => q.waiting_seconds > sla).length,
    workload: workload.map((w) => ({ mentor: { id: w.id, name: w.name }, waiting: w.waiting, oldest_waiting_seconds: w.oldest ? Math.max(0, Math.round((now.getTime() - w.oldest.getTime()) / 1000)) : null, reviews_last_7_days: w.reviews_7d })),
    overdue_assignments: assignments.filter((a) => a.overdue),
    changes_requested: changes.map((c) => ({ progress_id: c.progressId, learner: { id: c.learnerId, name: c.learnerName }, mission: { code: c.code, title: c.title }, since: c.since?.toISOString() ?? null })),
  };
}
