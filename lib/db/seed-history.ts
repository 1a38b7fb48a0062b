import "server-only";

/**
 * Mission history for the demo (progress in several states, reviews, telemetry), played through
 * the same domain services the app uses. Filled in by the learner-flow work; idempotent.
 */
export async function seedHistory(_ids: { learnerId: string; mentorId: string; adminId: string; peerIds: string[]; cohortId: string }) {}
