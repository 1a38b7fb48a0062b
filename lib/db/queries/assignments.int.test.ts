import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { accessExceptions, assignments, missionProgress, missions } from "@/lib/db/schema";
import { GET, POST } from "@/app/api/v1/assignments/route";
import { POST as grantPOST } from "@/app/api/v1/admin/exceptions/route";
import { call, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";

let admin: TestUser, mentor: TestUser, otherMentor: TestUser, learner: TestUser, outsider: TestUser, viewer: TestUser, otherViewer: TestUser;
let cohort: { id: string; slug: string };

beforeAll(async () => {
  await loadFixtures();
  admin = await makeUser("admin");
  mentor = await makeUser("mentor");
  otherMentor = await makeUser("mentor");
  learner = await makeUser("learner");
  outsider = await makeUser("learner");
  const c = await makeCohort({ learners: [learner], mentor });
  const o = await makeCohort({ learners: [outsider], mentor: otherMentor });
  cohort = c.cohort;
  viewer = await makeUser("enterprise", { organisationId: c.org.id });
  otherViewer = await makeUser("enterprise", { organisationId: o.org.id });
});

describe("assignments", () => {
  it("lets a mentor assign a mission to their cohort with a due date, once (a retry updates it)", async () => {
    const r = await call(POST, { token: mentor.token, body: { mission: "TEST-01", cohort: cohort.slug, due_at: "2020-01-01" } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ mission: { code: "TEST-01" }, cohort: { slug: cohort.slug }, due_at: "2020-01-01T23:59:59.000Z", overdue: true, targets: 1, done: 0 });
    const again = await call(POST, { token: mentor.token, body: { mission: "test-01", cohort: cohort.id, due_at: "2030-01-01T12:00:00Z" } });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(r.json.id);
    expect(again.json.overdue).toBe(false);
    const [n] = await db.select({ n: count() }).from(assignments);
    expect(n.n).toBe(1);
  });

  it("refuses a mentor's assignment to someone else's learner or cohort (404), and learners (403)", async () => {
    expect((await call(POST, { token: mentor.token, body: { mission: "TEST-01", learner: outsider.id } })).status).toBe(404);
    const oc = (await call(GET, { token: otherMentor.token })).json;
    expect(oc.assignments).toEqual([]);
    expect((await call(POST, { token: learner.token, body: { mission: "TEST-01", learner: learner.id } })).status).toBe(403);
    expect((await call(POST, { token: admin.token, body: { mission: "NOPE-01", learner: learner.id } })).status).toBe(404);
  });

  it("validates the body: exactly one target, a real date", async () => {
    const both = await call(POST, { token: admin.token, body: { mission: "TEST-01", cohort: cohort.slug, learner: learner.id } });
    expect(both.status).toBe(400);
    expect(both.json.error.fields.learner).toMatch(/either/);
    const none = await call(POST, { token: admin.token, body: { mission: "TEST-01" } });
    expect(none.json.error.fields.cohort).toMatch(/either/);
    const date = await call(POST, { token: admin.token, body: { mission: "TEST-01", learner: learner.id, due_at: "next week" } });
    expect(date.json.error.fields.due_at).toBeDefined();
    const notLearner = await call(POST, { token: admin.token, body: { mission: "TEST-01", learner: mentor.id } });
    expect(notLearner.status).toBe(422);
  });

  it("lists what each role may see: the learner theirs via the cohort, the enterprise viewer their organisation's", async () => {
    await call(POST, { token: admin.token, body: { mission: "TEST-01", learner: outsider.id } });
    const mine = await call(GET, { token: learner.token });
    expect(mine.json.assignments).toHaveLength(1);
    expect(mine.json.assignments[0]).toMatchObject({ state: "not_started", cohort: { slug: cohort.slug } });
    expect((await call(GET, { token: viewer.token })).json.assignments).toHaveLength(1);
    expect((await call(GET, { token: otherViewer.token })).json.assignments.map((a: { learner: { id: string } }) => a.learner?.id)).toEqual([outsider.id]);
    expect((await call(GET, { token: admin.token })).json.assignments).toHaveLength(2);
    const [m] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
    await db.insert(missionProgress).values({ userId: learner.id, missionId: m.id, missionVersion: 1, state: "submitted", submittedAt: new Date() });
    const after = await call(GET, { token: learner.token });
    expect(after.json.assignments[0]).toMatchObject({ state: "submitted", overdue: false });
  });
});

describe("access exceptions", () => {
  it("records who granted access and why; a mentor only for their own learners", async () => {
    const r = await call(grantPOST, { token: mentor.token, body: { learner: learner.id, mission: "TEST-01", reason: "Already did this at work" } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ granted_by: { id: mentor.id }, reason: "Already did this at work", mission: { code: "TEST-01" } });
    const again = await call(grantPOST, { token: mentor.token, body: { learner: learner.id, mission: "TEST-01", reason: "Clicked twice" } });
    expect(again.status).toBe(200);
    expect(again.json.reason).toBe("Already did this at work");
    expect((await call(grantPOST, { token: mentor.token, body: { learner: outsider.id, mission: "TEST-01", reason: "Not my learner" } })).status).toBe(404);
    expect((await call(grantPOST, { token: learner.token, body: { learner: learner.id, mission: "TEST-01", reason: "Let me in please" } })).status).toBe(403);
    const bad = await call(grantPOST, { token: admin.token, body: { learner: "x", mission: "", reason: "" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["learner", "mission", "reason"]);
    expect((await call(grantPOST, { token: admin.token, body: { learner: outsider.id, mission: "TEST-01", reason: "Admin override" } })).status).toBe(201);
    const [n] = await db.select({ n: count() }).from(accessExceptions);
    expect(n.n).toBe(2);
  });
});
