import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { assignments, missionProgress, missions } from "@/lib/db/schema";
import { call, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import * as dashboard from "@/app/api/v1/reviews/dashboard/route";

// SPEC §7 "Mentor dashboard": waiting time against the SLA, workload per mentor, overdue
// assignments of their learners, learners asked for changes — each scoped to who is asking.

let missionId: string;
let mentor: TestUser;
let other: TestUser;
let admin: TestUser;
let late: TestUser;
let reworking: TestUser;

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  mentor = await makeUser("mentor", { name: "Maya Mentor" });
  other = await makeUser("mentor", { name: "Omar Other" });
  admin = await makeUser("admin");
  late = await makeUser("learner", { name: "Lou Late" });
  reworking = await makeUser("learner", { name: "Rae Rework" });
  // A third learner has not handed anything in: the cohort's assignment is overdue.
  const { cohort } = await makeCohort({ learners: [late, reworking, await makeUser("learner")], mentor });
  await makeCohort({ learners: [await makeUser("learner")], mentor: other });
  await db.insert(missionProgress).values([
    { userId: late.id, missionId, missionVersion: 1, state: "submitted", path: ["triage"], submittedAt: new Date(Date.now() - 72 * 3600_000) },
    { userId: reworking.id, missionId, missionVersion: 1, state: "changes_requested", path: ["triage"], submittedAt: new Date(Date.now() - 96 * 3600_000), reviewedAt: new Date(Date.now() - 24 * 3600_000) },
  ]);
  await db.insert(assignments).values({ missionId, cohortId: cohort.id, dueAt: new Date(Date.now() - 86_400_000), assignedBy: admin.id });
});

describe("GET /reviews/dashboard", () => {
  it("shows a mentor what waits past the SLA, their load, overdue assignments and changes requested", async () => {
    const r = await call(dashboard.GET, { token: mentor.token });
    expect(r.status).toBe(200);
    expect(r.json.sla_hours).toBe(48);
    expect(r.json.waiting).toEqual([expect.objectContaining({ learner: expect.objectContaining({ name: "Lou Late" }), over_sla: true })]);
    expect(r.json.over_sla).toBe(1);
    expect(r.json.workload).toEqual([{ mentor: { id: mentor.id, name: "Maya Mentor" }, waiting: 1, oldest_waiting_seconds: expect.any(Number), reviews_last_7_days: 0 }]);
    expect(r.json.workload[0].oldest_waiting_seconds).toBeGreaterThan(71 * 3600);
    expect(r.json.overdue_assignments).toHaveLength(1);
    expect(r.json.changes_requested).toEqual([expect.objectContaining({ learner: { id: reworking.id, name: "Rae Rework" }, mission: { code: "TEST-01", title: expect.any(String) } })]);
  });

  it("shows another mentor none of it, an admin every mentor's load, and a learner nothing", async () => {
    const o = await call(dashboard.GET, { token: other.token });
    expect(o.json.waiting).toEqual([]);
    expect(o.json.changes_requested).toEqual([]);
    expect(o.json.overdue_assignments).toEqual([]);
    const a = await call(dashboard.GET, { token: admin.token });
    expect(a.json.workload.map((w: { mentor: { name: string } }) => w.mentor.name)).toEqual(expect.arrayContaining(["Maya Mentor", "Omar Other"]));
    expect((await call(dashboard.GET, { token: late.token })).status).toBe(403);
  });
});
