import type { ProgressState } from "@/lib/db/schema/enums";

// The mission progress state machine (SPEC §3 "Mission progress"). Every change of
// mission_progress.state goes through `transition`, so a refused move is refused everywhere.

export type ProgressAction =
  | "start" // not_started → in_progress
  | "work" // a learner write (stage, decision, hint, evidence, reflection) while in progress
  | "submit" // learner submits
  | "auto_submit" // the deadline passed and the mission auto-submits
  | "expire" // the deadline passed without auto-submit
  | "begin_review" // a mentor opens the submission
  | "approve"
  | "request_changes"
  | "fail"
  | "resume"; // changes_requested → in_progress (same attempt)

const TRANSITIONS: Record<ProgressState, Partial<Record<ProgressAction, ProgressState>>> = {
  not_started: { start: "in_progress" },
  in_progress: { work: "in_progress", submit: "submitted", auto_submit: "submitted", expire: "expired" },
  submitted: { begin_review: "in_review", approve: "approved", request_changes: "changes_requested", fail: "failed" },
  in_review: { approve: "approved", request_changes: "changes_requested", fail: "failed" },
  changes_requested: { resume: "in_progress", work: "in_progress", submit: "submitted" },
  approved: {},
  failed: {},
  expired: {},
};

export class TransitionError extends Error {
  constructor(
    public readonly from: ProgressState,
    public readonly action: ProgressAction,
  ) {
    super(refusalReason(from, action));
    this.name = "TransitionError";
  }
}

export function canTransition(from: ProgressState, action: ProgressAction): boolean {
  return TRANSITIONS[from]?.[action] !== undefined;
}

/** The state after `action`, or a TransitionError saying in words why it is refused. */
export function transition(from: ProgressState, action: ProgressAction): ProgressState {
  const to = TRANSITIONS[from]?.[action];
  if (!to) throw new TransitionError(from, action);
  return to;
}

/** States in which the learner may still change their work. */
export function isWritable(state: ProgressState): boolean {
  return canTransition(state, "work");
}

/** States in which a submission waits for a mentor's review. */
export const REVIEWABLE_STATES = ["submitted", "in_review"] as const satisfies readonly ProgressState[];

export function isReviewable(state: ProgressState): boolean {
  return (REVIEWABLE_STATES as readonly ProgressState[]).includes(state);
}

/** The move a review outcome makes. */
export function reviewAction(outcome: "approved" | "changes_requested" | "failed"): ProgressAction {
  return outcome === "approved" ? "approve" : outcome === "changes_requested" ? "request_changes" : "fail";
}

/** States after which "start" begins a new attempt (attempt + 1). */
export function allowsNewAttempt(state: ProgressState): boolean {
  return state === "failed" || state === "expired";
}

/** Attempt still counts as the learner's live one (matches the partial unique index). */
export function isActive(state: ProgressState): boolean {
  return state === "in_progress" || state === "submitted" || state === "in_review" || state === "changes_requested";
}

export function refusalReason(from: ProgressState, action: ProgressAction): string {
  switch (from) {
    case "submitted":
    case "in_review":
      return action === "submit" ? "This attempt was already submitted." : "This attempt is submitted and waiting for review; it can no longer change.";
    case "approved":
      return "This attempt was approved; it can no longer change.";
    case "failed":
      return "This attempt was failed. Start a new attempt.";
    case "expired":
      return "The deadline of this attempt passed. Start a new attempt.";
    case "not_started":
      return "Start the mission first.";
    default:
      return `Cannot ${action.replace("_", " ")} an attempt that is ${from.replace("_", " ")}.`;
  }
}
