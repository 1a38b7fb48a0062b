import "server-only";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { missionRecipesToRead, mentorsOfLearner, reviewWaitHours } from "@/lib/db/queries/waiting";
import { unpassedMissions } from "@/lib/db/queries/reviews";
import { TIERS } from "@/lib/db/schema/enums";

/** Reviews in the window before a median says more than the review target does. */
export const MIN_REVIEWS_FOR_MEDIAN = 5;

/**
 * What a learner waiting for a review is told (issue 17: the bare "Awaiting review" box): who
 * reviews (their mentors by name, or a Sortie mentor when they have none), the typical wait (the
 * median of recent reviews of this mission, else of all missions, else the SLA
 * SORTIE_REVIEW_SLA_HOURS) and when to expect it, and what to do meanwhile (the mission's recipes
 * they have not completed, and other missions of the track at this tier).
 */
export async function awaitingReview({ userId, mission, submittedAt, tx = db }: { userId: string; mission: { id: string; track: string; tier: string }; submittedAt: Date | null; tx?: Tx }) {
  const [mentors, wait, recipes, others] = await Promise.all([
    mentorsOfLearner({ userId, tx }),
    reviewWaitHours({ missionId: mission.id, tx }),
    missionRecipesToRead({ userId, missionId: mission.id, tx }),
    unpassedMissions({ userId, track: mission.track, tiers: [mission.tier as (typeof TIERS)[number]], exclude: mission.id, tx }),
  ]);
  const sla = env().SORTIE_REVIEW_SLA_HOURS;
  const typical =
    wait.missionN >= MIN_REVIEWS_FOR_MEDIAN && wait.missionMedian !== null
      ? { hours: wait.missionMedian, basis: "mission" as const, reviews: wait.missionN }
      : wait.allN >= MIN_REVIEWS_FOR_MEDIAN && wait.allMedian !== null
        ? { hours: wait.allMedian, basis: "all" as const, reviews: wait.allN }
        : { hours: sla, basis: "sla" as const, reviews: 0 };
  const from = submittedAt ?? new Date();
  return {
    reviewers: mentors.map((m) => m.name),
    typical_wait_hours: Math.round(typical.hours * 10) / 10,
    wait_basis: typical.basis,
    reviews_counted: typical.reviews,
    sla_hours: sla,
    expected_by: new Date(from.getTime() + typical.hours * 3600_000),
    recipes: recipes.map((r) => ({ slug: r.slug, title: r.title, summary: r.summary, estimated_minutes: Number(r.estimated_minutes) })),
    next_missions: others.slice(0, 3).map((m) => ({ code: m.code, title: m.title })),
  };
}
export type AwaitingReview = Awaited<ReturnType<typeof awaitingReview>>;
