import { MIN_ATTEMPTS, newcombeDifference, points, Z95, type Interval } from "@/lib/recipes/effectiveness";
import { formatDuration } from "@/lib/labels";

// The lift of opened vs ignored nudges (SPEC §7): how much more often learners who opened the
// nudge completed the stage, and how much time it took them, each difference with a 95% interval.
// Same thresholds and method as recipe effectiveness, so the two read alike.

export interface LiftGroup {
  /** Attempts in the group (shown a nudge at the stage, and opened it or not). */
  n: number;
  /** Of those, attempts that completed the stage. */
  completed: number;
  /** Visible time on the stage of the attempts that reported it: count, mean and sample variance (ms). */
  timeN: number;
  timeMean: number | null;
  timeVar: number | null;
}

export interface Lift {
  opened: { attempts: number; completion_rate: number | null; mean_time_ms: number | null };
  ignored: { attempts: number; completion_rate: number | null; mean_time_ms: number | null };
  enough_data: boolean;
  /** Completion rate opened − ignored (−1..1), Newcombe's hybrid score interval. */
  completion_difference: (Interval & { estimate: number }) | null;
  /** Mean time opened − ignored in ms, Welch's normal interval; null without times on both sides. */
  time_difference_ms: (Interval & { estimate: number }) | null;
  summary: string;
}

/** Mean difference a − b with a normal-approximation interval on Welch's standard error. */
export function welchDifference(a: Pick<LiftGroup, "timeN" | "timeMean" | "timeVar">, b: Pick<LiftGroup, "timeN" | "timeMean" | "timeVar">, z = Z95): (Interval & { estimate: number }) | null {
  if (a.timeN < 2 || b.timeN < 2 || a.timeMean === null || b.timeMean === null || a.timeVar === null || b.timeVar === null) return null;
  const estimate = a.timeMean - b.timeMean;
  const se = Math.sqrt(a.timeVar / a.timeN + b.timeVar / b.timeN);
  return { estimate, low: estimate - z * se, high: estimate + z * se };
}

const side = (g: LiftGroup) => ({ attempts: g.n, completion_rate: g.n > 0 ? g.completed / g.n : null, mean_time_ms: g.timeMean });

export function nudgeLift(opened: LiftGroup, ignored: LiftGroup): Lift {
  const enough = opened.n >= MIN_ATTEMPTS && ignored.n >= MIN_ATTEMPTS;
  if (!enough)
    return {
      opened: side(opened),
      ignored: side(ignored),
      enough_data: false,
      completion_difference: null,
      time_difference_ms: null,
      summary: `Not enough data: ${opened.n} learner(s) opened the nudge and ${ignored.n} ignored it; at least ${MIN_ATTEMPTS} are needed on each side.`,
    };
  const completion = newcombeDifference(opened.completed, opened.n, ignored.completed, ignored.n);
  const time = welchDifference(opened, ignored);
  const pts = points(completion.estimate);
  const rate = pts === 0 ? "completed the stage about as often as those who ignored it" : `completed the stage ${Math.abs(pts)} points ${pts > 0 ? "more" : "less"} often`;
  const timeText = time ? `, ${time.estimate <= 0 ? `${formatDuration(-time.estimate)} faster` : `${formatDuration(time.estimate)} slower`}` : "";
  return {
    opened: side(opened),
    ignored: side(ignored),
    enough_data: true,
    completion_difference: completion,
    time_difference_ms: time,
    summary: `Learners who opened the nudge ${rate} (95% CI ${points(completion.low)} to ${points(completion.high)})${timeText}.`,
  };
}
