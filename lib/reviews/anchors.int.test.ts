import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { decisionsMade, evidence, missionProgress, missions, reviews, stageCompletions } from "@/lib/db/schema";
import { call, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import * as review from "@/app/api/v1/reviews/[progress]/route";
import { reviewForLearner } from "./results";
import { publicPortfolioItem } from "@/lib/db/queries/portfolio";
import { portfolioItems } from "@/lib/db/schema";

// SPEC §7 "Anchored remarks": a mentor pins a remark to lines, a region or a page of an evidence
// file; the learner (and only the learner's side: their mentors, admins) sees it in place.

let missionId: string;
let learner: TestUser;
let mentor: TestUser;
let viewer: TestUser;

async function submission(owner = learner) {
  await db.update(missionProgress).set({ state: "expired" }).where(eq(missionProgress.userId, owner.id));
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: owner.id, missionId, missionVersion: 1, attempt: Date.now() % 100000, state: "submitted", path: ["triage", "contain", "report"], submittedAt: new Date(), reflection: "x".repeat(120), version: 3 })
    .returning();
  await db.insert(stageCompletions).values(["triage", "contain", "report"].map((stageKey) => ({ progressId: p.id, stageKey, notes: "Done with care." })));
  await db.insert(decisionsMade).values([
    { progressId: p.id, decisionKey: "respond", choiceKey: "block" },
    { progressId: p.id, decisionKey: "detect-or-report", choiceKey: "report" },
  ]);
  const [log, shot] = await db
    .insert(evidence)
    .values([
      { progressId: p.id, userId: owner.id, stageKey: "triage", kind: "file", fileName: "auth.log", contentType: "text/plain", size: 120, sha256: "a".repeat(64), storageKey: `k1-${p.id}` },
      { progressId: p.id, userId: owner.id, stageKey: "triage", kind: "file", fileName: "shot.png", contentType: "image/png", size: 120, sha256: "b".repeat(64), storageKey: `k2-${p.id}` },
    ])
    .returning();
  return { p, log, shot };
}

const scores = [
  { criterion: "triage-quality", level: 1 },
  { criterion: "contain-quality", level: 1 },
  { criterion: "report-quality", level: 1 },
];

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  learner = await makeUser("learner");
  mentor = await makeUser("mentor");
  const { org } = await makeCohort({ learners: [learner], mentor });
  viewer = await makeUser("enterprise", { organisationId: org.id });
});

describe("anchored remarks", () => {
  it("are stored with the review and shown in place to the mentor and the learner, not to an enterprise viewer", async () => {
    const { p, log, shot } = await submission();
    const anchors = [
      { evidence_id: log.id, kind: "lines", start_line: 3, end_line: 5, remark: "This is the first failed login from the attacker.", criterion: "triage-quality" },
      { evidence_id: shot.id, kind: "region", x: 0.1, y: 0.2, w: 0.3, h: 0.25, remark: "The rule you added is here." },
    ];
    const r = await call(review.POST, { token: mentor.token, params: { progress: p.id }, body: { version: 3, outcome: "changes_requested", scores, feedback: "See the remarks.", anchors } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const d = await call(review.GET, { token: mentor.token, params: { progress: p.id } });
    expect(d.json.reviews[0].anchors).toEqual([
      expect.objectContaining({ evidence_id: log.id, kind: "lines", start_line: 3, end_line: 5, criterion: "triage-quality" }),
      expect.objectContaining({ evidence_id: shot.id, kind: "region", x: expect.closeTo(0.1), w: expect.closeTo(0.3), criterion: null }),
    ]);
    expect((await reviewForLearner({ caller: learner, progressId: p.id }))?.anchors).toHaveLength(2);
    expect((await reviewForLearner({ caller: viewer, progressId: p.id }))?.anchors).toEqual([]);
  });

  it("must point at a place that exists in a file of this submission: every problem by field, nothing written", async () => {
    const other = await submission(await makeUser("learner"));
    const { p, log, shot } = await submission();
    const bad = [
      { evidence_id: other.log.id, kind: "lines", start_line: 1, end_line: 1, remark: "Not this submission's file." },
      { evidence_id: log.id, kind: "region", x: 0, y: 0, w: 0.5, h: 0.5, remark: "A log has no regions." },
      { evidence_id: shot.id, kind: "region", x: 0.8, y: 0, w: 0.5, h: 0.5, remark: "Past the right edge." },
      { evidence_id: log.id, kind: "lines", start_line: 5, end_line: 2, remark: "Backwards." },
      { evidence_id: log.id, kind: "lines", start_line: 1, end_line: 2, remark: "Wrong criterion.", criterion: "nope" },
    ];
    for (const [i, a] of bad.entries()) {
      const r = await call(review.POST, { token: mentor.token, params: { progress: p.id }, body: { version: 3, outcome: "approved", scores, anchors: [a] } });
      expect(r.status, `anchor ${i}`).toBe(400);
      expect(Object.keys(r.json.error.fields).some((f) => f.startsWith("anchors[0]")), JSON.stringify(r.json.error.fields)).toBe(true);
    }
    expect(await db.select({ n: count() }).from(reviews).where(eq(reviews.progressId, p.id))).toEqual([{ n: 0 }]);
  });

  it("a public portfolio item shows the claims with their proof (file name, SHA-256, place), never the file; a private one shows nothing", async () => {
    const { p, log, shot } = await submission();
    const anchors = [
      { evidence_id: log.id, kind: "lines", start_line: 3, end_line: 5, remark: "The first failed login from the attacker.", criterion: "triage-quality" },
      { evidence_id: shot.id, kind: "region", x: 0.1, y: 0.2, w: 0.3, h: 0.25, remark: "The block rule." },
    ];
    const r = await call(review.POST, { token: mentor.token, params: { progress: p.id }, body: { version: 3, outcome: "approved", scores, feedback: "Good.", anchors } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const slug = r.json.portfolio_item.public_slug as string;
    expect(await publicPortfolioItem({ slug })).toBeUndefined();
    await db.update(portfolioItems).set({ public: true }).where(eq(portfolioItems.publicSlug, slug));
    const item = (await publicPortfolioItem({ slug }))!;
    expect(item.claims).toEqual([
      { remark: "The first failed login from the attacker.", criterion: "triage-quality", file: { name: "auth.log", sha256: "a".repeat(64) }, place: "lines 3–5" },
      { remark: "The block rule.", criterion: null, file: { name: "shot.png", sha256: "b".repeat(64) }, place: "region at 10%, 20% (30% × 25% of the image)" },
    ]);
    const json = JSON.stringify(item);
    for (const secret of [log.id, shot.id, log.storageKey, "download", "/api/v1"]) expect(json).not.toContain(secret);
  });
});
