import { formatDuration } from "@/lib/labels";

// When is a learner stuck at a stage (SPEC §7 "Nudges")? Pure rules over what the server knows of
// the attempt, so they can be tested without a database and explained to the learner in words.

export type AnswerVerdict = "correct" | "incorrect" | "partial" | "missing";

export interface StuckInput {
  now: number;
  /** Visible time already reported for this stage (stage_time), in ms. */
  reportedMs: number;
  /** When the learner last entered the stage, if they have not left it since (the tab is still on it). */
  openSince: number | null;
  /** Visible time of learners who completed the stage: its 75th percentile and how many there were. */
  p75Ms: number | null;
  completers: number;
  /** Answer verdicts at this stage, oldest first. */
  verdicts: AnswerVerdict[];
  /** The attempt's latest event of any kind. */
  lastActivityAt: number;
  /** A nudge at this stage was already opened or dismissed in this attempt: one per stage. */
  settled: boolean;
}

export type StuckRule = "wrong_answers" | "slow" | "idle";
export interface Stuck {
  rule: StuckRule;
  reason: string;
}

/** Below this many completers the p75 says little, so the time rule stays quiet. */
export const MIN_COMPLETERS = 5;
/** Quiet this long on a stage that is still open counts as idle. */
export const IDLE_MS = 5 * 60_000;

/** Time on the stage so far: what was reported, plus the visit still open. */
export function timeOnStage(i: Pick<StuckInput, "now" | "reportedMs" | "openSince">): number {
  return i.reportedMs + (i.openSince !== null ? Math.max(0, i.now - i.openSince) : 0);
}

/** The first rule that holds, in the order a mentor would look: wrong answers, time, then idleness. */
export function stuckAt(i: StuckInput): Stuck | null {
  if (i.settled) return null;
  const last2 = i.verdicts.slice(-2);
  if (last2.length === 2 && last2.every((v) => v === "incorrect")) return { rule: "wrong_answers", reason: "Your last two answers on this stage did not match what the task asks for." };
  const spent = timeOnStage(i);
  if (i.p75Ms !== null && i.completers >= MIN_COMPLETERS && spent > i.p75Ms)
    return { rule: "slow", reason: `You have spent ${formatDuration(spent)} on this stage; three in four learners who completed it needed less than ${formatDuration(i.p75Ms)}.` };
  if (i.openSince !== null && i.now - i.lastActivityAt > IDLE_MS) return { rule: "idle", reason: `Nothing has moved on this stage for ${formatDuration(i.now - i.lastActivityAt)}.` };
  return null;
}
