import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { missionProgress, missions } from "@/lib/db/schema";
import { completeFoundations, loadFixtures, makeCohort, makeUser } from "@/test/helpers";
import { startMission } from "@/lib/attempts/start";
import { completionView } from "./results";
import { MIN_REVIEWS_FOR_MEDIAN } from "./waiting";

// After submitting (issue 17 snag): who reviews, the typical wait and what to do meanwhile.

let missionId: string;
beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
});

async function submitted(learner: Awaited<ReturnType<typeof makeUser>>) {
  await completeFoundations(learner.id);
  const s = await startMission({ caller: learner, idOrCode: "TEST-01" });
  await db.update(missionProgress).set({ state: "submitted", submittedAt: new Date() }).where(eq(missionProgress.id, s.progress.id as string));
  return s.progress.id as string;
}

describe("awaiting review", () => {
  it("names 'a Sortie mentor' for a learner without one, and falls back to the review target without enough reviews", async () => {
    const u = await makeUser("learner");
    await submitted(u);
    const v = await completionView({ caller: u, missionIdOrCode: "TEST-01" });
    expect(v.waiting).toMatchObject({ reviewers: [], wait_basis: "sla", typical_wait_hours: 48, sla_hours: 48 });
    expect(v.waiting!.expected_by.getTime() - v.progress!.submitted_at!.getTime()).toBe(48 * 3600_000);
    // The mission's recipes they have not completed, to read meanwhile.
    expect(v.waiting!.recipes.map((r) => r.slug)).toContain("grep-auth-logs");
  });

  it("names the learner's mentor and uses the median of recent reviews of the mission", async () => {
    const u = await makeUser("learner");
    const mentor = await makeUser("mentor", { name: "Morgan Reviewer" });
    await makeCohort({ learners: [u], mentor });
    // Reviews that took 10, 20, 30, 40 and 50 hours: the median is 30.
    for (let i = 0; i < MIN_REVIEWS_FOR_MEDIAN; i++) {
      const other = await makeUser("learner");
      const id = await submitted(other);
      await db.update(missionProgress).set({ state: "approved", submittedAt: sql`now() - interval '3 days'`, reviewedAt: sql`now() - interval '3 days' + make_interval(hours => ${10 * (i + 1)})` }).where(eq(missionProgress.id, id));
    }
    await submitted(u);
    const v = await completionView({ caller: u, missionIdOrCode: "TEST-01" });
    expect(v.waiting).toMatchObject({ reviewers: ["Morgan Reviewer"], wait_basis: "mission", typical_wait_hours: 30, reviews_counted: MIN_REVIEWS_FOR_MEDIAN });
    expect(missionId).toBeTruthy();
  });

  it("is absent once the attempt is no longer waiting", async () => {
    const u = await makeUser("learner");
    await completeFoundations(u.id);
    await startMission({ caller: u, idOrCode: "TEST-01" });
    expect((await completionView({ caller: u, missionIdOrCode: "TEST-01" })).waiting).toBeNull();
  });
});
