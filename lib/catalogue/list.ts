import "server-only";
import { db, type Tx } from "@/lib/db";
import { TIERS, TRACKS, type Tier, type Track } from "@/lib/db/schema/enums";
import type { Caller } from "@/lib/auth/session";
import { lockState } from "@/lib/missions/gating";
import { deadlineStatus } from "@/lib/missions/deadlines";
import { assignedMissions, catalogueMissions, latestAttempts } from "@/lib/db/queries/mission-catalogue";
import { gatingContext } from "./gating";

export const CATALOGUE_STATUSES = ["available", "locked", "assigned", "not_started", "in_progress", "submitted", "in_review", "approved", "changes_requested", "failed", "expired"] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

export interface CatalogueFilters {
  track?: Track;
  tier?: Tier;
  q?: string;
  status?: CatalogueStatus;
}

const ACTIVE = new Set(["in_progress", "changes_requested", "submitted", "in_review"]);

/**
 * The catalogue for the caller: every published mission (admins also see drafts and archived),
 * with lock state and reason, enrolment, assignment and the caller's current attempt. Sorted:
 * assigned first, then in progress, then by track and tier.
 */
export async function listCatalogue({ caller, filters = {}, tx = db }: { caller: Caller; filters?: CatalogueFilters; tx?: Tx }) {
  const [rows, ctx, progress, assigned] = await Promise.all([
    catalogueMissions({ caller, filters, tx }),
    gatingContext({ caller, tx }),
    latestAttempts({ userId: caller.id, tx }),
    assignedMissions({ userId: caller.id, tx }),
  ]);
  const byMission = new Map(progress.map((p) => [p.missionId, p]));
  const now = new Date();
  let items = rows.map((m) => {
    const lock = lockState(m, ctx);
    const p = byMission.get(m.id);
    const a = assigned.get(m.id);
    const live = p && (p.state === "in_progress" || p.state === "changes_requested");
    const dl = p && live ? deadlineStatus(p.startedAt, p.deadlineAt, now) : null;
    return {
      id: m.id,
      code: m.code,
      title: m.title,
      track: m.track,
      tier: m.tier,
      summary: m.summary,
      estimated_minutes: m.estimatedMinutes,
      skills: m.skills,
      time_constraint_hours: m.timeConstraintHours,
      mission_status: m.status,
      locked: lock.locked,
      lock_reason: lock.reason,
      exception: lock.exception,
      enrolled: lock.enrolled,
      assigned: a ? { due_at: a.dueAt?.toISOString() ?? null, overdue: Boolean(a.dueAt && a.dueAt < now && !(p && ["submitted", "in_review", "approved"].includes(p.state))) } : null,
      state: p?.state ?? "not_started",
      progress: p
        ? {
            id: p.id,
            state: p.state,
            attempt: p.attempt,
            current_stage: p.currentStage,
            deadline_at: p.deadlineAt?.toISOString() ?? null,
            deadline_warning: dl?.warning ?? "none",
            score: p.score,
            passed: p.passed,
            last_activity_at: p.lastActivityAt.toISOString(),
          }
        : null,
    };
  });
  if (filters.status) {
    const s = filters.status;
    items = items.filter((i) =>
      s === "locked" ? i.locked : s === "available" ? !i.locked && i.state === "not_started" : s === "assigned" ? i.assigned !== null : i.state === s,
    );
  }
  const rank = (i: (typeof items)[number]) => (i.assigned && !["approved"].includes(i.state) ? 0 : ACTIVE.has(i.state) ? 1 : i.locked ? 3 : 2);
  const due = (i: (typeof items)[number]) => (i.assigned?.due_at ? Date.parse(i.assigned.due_at) : Number.MAX_SAFE_INTEGER);
  items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      due(a) - due(b) ||
      TRACKS.indexOf(a.track as Track) - TRACKS.indexOf(b.track as Track) ||
      TIERS.indexOf(a.tier as Tier) - TIERS.indexOf(b.tier as Tier) ||
      a.code.localeCompare(b.code),
  );
  return { missions: items, foundations_complete: ctx.foundationsComplete, unlock_threshold: ctx.threshold, enrolled_tracks: [...ctx.enrolledTracks] };
}

export type CatalogueItem = Awaited<ReturnType<typeof listCatalogue>>["missions"][number];
