// Deadlines (SPEC §3): deadline_at = started_at + time_constraint_hours. Warnings when 25% and
// 10% of the time remain. Past the deadline writes are refused and the attempt is auto-submitted
// (when the mission says so) or expired. Enforced by the server at every read/write and by a sweep.

const HOUR = 3_600_000;

export function computeDeadline(startedAt: Date, timeConstraintHours: number | null | undefined): Date | null {
  if (!timeConstraintHours || timeConstraintHours <= 0) return null;
  return new Date(startedAt.getTime() + timeConstraintHours * HOUR);
}

export type DeadlineWarning = "none" | "quarter" | "tenth" | "expired";

export interface DeadlineStatus {
  deadlineAt: Date | null;
  remainingMs: number | null;
  /** Share of the allowed time still left, 0..1 (null without a deadline). */
  remainingFraction: number | null;
  warning: DeadlineWarning;
}

export function deadlineStatus(startedAt: Date, deadlineAt: Date | null, now: Date = new Date()): DeadlineStatus {
  if (!deadlineAt) return { deadlineAt: null, remainingMs: null, remainingFraction: null, warning: "none" };
  const total = deadlineAt.getTime() - startedAt.getTime();
  const remainingMs = Math.max(0, deadlineAt.getTime() - now.getTime());
  const remainingFraction = total > 0 ? Math.min(1, remainingMs / total) : 0;
  return { deadlineAt, remainingMs, remainingFraction, warning: warningFor(remainingFraction, remainingMs) };
}

export function warningFor(fraction: number, remainingMs: number): DeadlineWarning {
  if (remainingMs <= 0) return "expired";
  if (fraction <= 0.1) return "tenth";
  if (fraction <= 0.25) return "quarter";
  return "none";
}

export function isPastDeadline(deadlineAt: Date | null, now: Date = new Date()): boolean {
  return deadlineAt !== null && now.getTime() >= deadlineAt.getTime();
}

/** What happens to an in-progress attempt when its deadline passes. */
export function expiryOutcome(autoSubmitOnDeadline: boolean): "submitted" | "expired" {
  return autoSubmitOnDeadline ? "submitted" : "expired";
}

/** "2 h 05 min", "4 min 10 s" — for countdowns and messages. */
export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, "0")} s`;
  return `${sec} s`;
}
