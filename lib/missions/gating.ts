import { TIERS, TRACKS, type Role, type Tier, type Track } from "@/lib/db/schema/enums";
import { countOf, trackInSentence } from "@/lib/labels";

// Gating (SPEC §3): Foundations unlock beginner missions; a tier of a track unlocks after
// `threshold` passed missions of the previous tier in that track; an exception opens one
// mission for one learner. Mentors and admins are never gated. Enrolment never locks a
// mission: missions of other tracks stay visible, marked not enrolled.

export interface GatingContext {
  role: Role;
  foundationsComplete: boolean;
  threshold: number;
  /** Distinct missions passed per "track:tier". */
  passed: ReadonlyMap<string, number> | Record<string, number>;
  /** Mission ids with an access exception for this learner. */
  exceptions: ReadonlySet<string>;
  enrolledTracks: ReadonlySet<string>;
}

export interface LockState {
  locked: boolean;
  /** Why it is locked, in words ("Pass 1 more beginner defender mission"). */
  reason: string | null;
  /** Opened by an access exception although the tier is locked. */
  exception: boolean;
  enrolled: boolean;
}

export const tierKey = (track: string, tier: string) => `${track}:${tier}`;

export function previousTier(tier: Tier): Tier | null {
  const i = TIERS.indexOf(tier);
  return i > 0 ? TIERS[i - 1] : null;
}

function passedCount(ctx: GatingContext, track: string, tier: string): number {
  const k = tierKey(track, tier);
  const p = ctx.passed as Map<string, number>;
  return (typeof p.get === "function" ? p.get(k) : (ctx.passed as Record<string, number>)[k]) ?? 0;
}


/** Why a tier of a track is locked for this learner, or null when it is open. */
export function tierLockReason(track: Track, tier: Tier, ctx: GatingContext): string | null {
  if (ctx.role !== "learner") return null;
  const reasons: string[] = [];
  if (!ctx.foundationsComplete) reasons.push("Complete Foundations");
  const prev = previousTier(tier);
  if (prev) {
    const missing = Math.max(0, ctx.threshold - passedCount(ctx, track, prev));
    if (missing > 0) reasons.push(`pass ${countOf(missing, `more ${prev} ${trackInSentence(track)} mission`)}`);
  }
  if (reasons.length === 0) return null;
  const sentence = reasons.join(", then ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} to unlock ${tier} ${trackInSentence(track)} missions.`;
}

export function lockState(mission: { id: string; track: string; tier: string }, ctx: GatingContext): LockState {
  const enrolled = ctx.role !== "learner" || ctx.enrolledTracks.has(mission.track);
  const reason = tierLockReason(mission.track as Track, mission.tier as Tier, ctx);
  if (reason && ctx.exceptions.has(mission.id)) return { locked: false, reason: null, exception: true, enrolled };
  return { locked: reason !== null, reason, exception: false, enrolled };
}

/** The whole grid of tracks × tiers with their lock reasons (the dashboard's overview). */
export function tierGrid(ctx: GatingContext) {
  return TRACKS.flatMap((track) => TIERS.map((tier) => ({ track, tier, reason: tierLockReason(track, tier, ctx) })));
}
