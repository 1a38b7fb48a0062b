import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/lib/db";
import { aiSuggestions, decisionsMade, evidence, missionProgress, missions, reviewScores, reviews, stageCompletions } from "@/lib/db/schema";
import { call, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { POST as reviewRoute } from "@/app/api/v1/reviews/[progress]/route";
import { submissionForReview } from "@/lib/reviews/submission";
import { reviewForLearner } from "@/lib/reviews/results";
import { recordAiSuggestions, suggestionJobId } from "./ai-suggestions";

// The AI job against a small fake chat-completions endpoint started here (never the internet).

let missionId: string;
let mentor: TestUser;
let learner: TestUser;
let server: http.Server;
let url: string;
let mode: "ok" | "fail" | "nonsense" = "ok";
const asked: { model: string; prompt: string }[] = [];

const REPLY = {
  suggestions: [
    { criterion: "triage-quality", level: 1, remark: "You named the attacking IP with the failure count.", evidence: [{ stage: "triage", quote: "203.0.113.45 made 40 failures" }] },
    { criterion: "contain-quality", level: "Good", remark: "The block is stated.", evidence: [{ stage: "contain", quote: "Blocked at the edge firewall." }] },
    { criterion: "report-quality", level: 0, remark: "The brief is not attached.", evidence: [{ stage: "report", quote: "Brief sent." }] },
  ],
};

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  mentor = await makeUser("mentor", { name: "Mira Mentor" });
  learner = await makeUser("learner", { name: "Lena Learner" });
  await makeCohort({ learners: [learner], mentor });
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (mode === "fail") return void res.writeHead(503).end("busy");
      const j = JSON.parse(body);
      asked.push({ model: j.model, prompt: j.messages.map((m: { content: string }) => m.content).join("\n") });
      const content = mode === "nonsense" ? "I would rather not." : JSON.stringify(REPLY);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ choices: [{ message: { content } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  delete process.env.SORTIE_AI_URL;
  await new Promise((r) => server.close(r));
});

async function submission() {
  await db.update(missionProgress).set({ state: "expired" }).where(and(eq(missionProgress.userId, learner.id), inArray(missionProgress.state, ["submitted", "in_review"])));
  const n = (await db.select({ id: missionProgress.id }).from(missionProgress).where(eq(missionProgress.userId, learner.id))).length;
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: learner.id, missionId, missionVersion: 1, attempt: n + 1, state: "submitted", path: ["triage", "contain", "report"], submittedAt: new Date(), reflection: "Triaged, contained, reported.", version: 3 })
    .returning();
  await db.insert(stageCompletions).values([
    { progressId: p.id, stageKey: "triage", notes: "203.0.113.45 made 40 failures: true positive." },
    { progressId: p.id, stageKey: "contain", notes: "Blocked at the edge firewall." },
    { progressId: p.id, stageKey: "report", notes: "Brief sent." },
  ]);
  await db.insert(decisionsMade).values([
    { progressId: p.id, decisionKey: "respond", choiceKey: "block", scoreDelta: 5 },
    { progressId: p.id, decisionKey: "detect-or-report", choiceKey: "report", scoreDelta: 0 },
  ]);
  await db.insert(evidence).values({ progressId: p.id, userId: learner.id, stageKey: "triage", kind: "file", fileName: "auth.log", contentType: "text/plain", size: 10, sha256: "c".repeat(64), storageKey: `k-${p.id}` });
  return p;
}

describe("AI suggestions per criterion", () => {
  it("without SORTIE_AI_URL nothing is asked and nothing is shown", async () => {
    delete process.env.SORTIE_AI_URL;
    const p = await submission();
    expect(await recordAiSuggestions({ progressId: p.id, version: 3 })).toMatchObject({ stored: 0 });
    expect((await submissionForReview({ caller: mentor, progressId: p.id })).ai_suggestions).toBeNull();
    expect(asked).toHaveLength(0);
  });

  it("asks the endpoint once per submission version, keeps what fits the rubric with its evidence, and a failure throws so the job retries", async () => {
    process.env.SORTIE_AI_URL = url;
    const p = await submission();
    expect((await submissionForReview({ caller: mentor, progressId: p.id })).ai_suggestions).toEqual({ status: "pending", model: null, items: [] });
    mode = "fail";
    await expect(recordAiSuggestions({ progressId: p.id, version: 3, config: { url, model: "fake-1" } })).rejects.toThrow(/503/);
    expect(await db.select().from(aiSuggestions).where(eq(aiSuggestions.progressId, p.id))).toHaveLength(0);
    mode = "ok";
    expect(await recordAiSuggestions({ progressId: p.id, version: 3, config: { url, model: "fake-1" } })).toEqual({ stored: 3, reason: "stored" });
    expect(asked.at(-1)!.model).toBe("fake-1");
    expect(asked.at(-1)!.prompt).toContain("203.0.113.45 made 40 failures");
    // A retried or repeated job does not ask again.
    const before = asked.length;
    expect(await recordAiSuggestions({ progressId: p.id, version: 3, config: { url, model: "fake-1" } })).toMatchObject({ stored: 0, reason: "already suggested" });
    expect(asked.length).toBe(before);
    // A stale version is skipped; the job id is one per version.
    expect(await recordAiSuggestions({ progressId: p.id, version: 2, config: { url } })).toMatchObject({ stored: 0 });
    expect(suggestionJobId(p.id, 3)).toBe(suggestionJobId(p.id, 3));
    expect(suggestionJobId(p.id, 3)).not.toBe(suggestionJobId(p.id, 4));

    const view = (await submissionForReview({ caller: mentor, progressId: p.id })).ai_suggestions!;
    expect(view.status).toBe("ready");
    expect(view.model).toBe("fake-1");
    expect(view.items.map((i) => [i.criterion, i.level])).toEqual(
      expect.arrayContaining([
        ["triage-quality", 1],
        ["contain-quality", 1],
        ["report-quality", 0],
      ]),
    );
    expect(view.items.find((i) => i.criterion === "triage-quality")!.evidence).toEqual([{ stage: "triage", quote: "203.0.113.45 made 40 failures" }]);
  });

  it("a reply that does not fit is stored as nothing (no pretending)", async () => {
    const p = await submission();
    mode = "nonsense";
    expect(await recordAiSuggestions({ progressId: p.id, version: 3, config: { url } })).toMatchObject({ stored: 0 });
    mode = "ok";
    expect(await db.select().from(aiSuggestions).where(eq(aiSuggestions.progressId, p.id))).toHaveLength(0);
  });

  it("records the mentor's accept, edit and reject; accepted and edited criteria show AI-assisted to the learner", async () => {
    process.env.SORTIE_AI_URL = url;
    const p = await submission();
    await recordAiSuggestions({ progressId: p.id, version: 3, config: { url, model: "fake-1" } });
    const items = (await submissionForReview({ caller: mentor, progressId: p.id })).ai_suggestions!.items;
    const id = (k: string) => items.find((i) => i.criterion === k)!.id;
    const body = {
      version: 3,
      outcome: "approved",
      scores: [
        { criterion: "triage-quality", level: 1, remark: "You named the attacking IP with the failure count." },
        { criterion: "contain-quality", level: 0, remark: "No rule shown." },
        { criterion: "report-quality", level: 1 },
      ],
      feedback: "Good.",
    };
    // "accepted" with another level than suggested is refused, naming the decision.
    const bad = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: { ...body, ai: [{ suggestion_id: id("contain-quality"), decision: "accepted" }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields["ai[0].decision"]).toMatch(/edited/);
    const other = await submissionOfAnotherLearner();
    expect((await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: { ...body, ai: [{ suggestion_id: other, decision: "rejected" }] } })).status).toBe(400);

    const ok = await call(reviewRoute, {
      token: mentor.token,
      params: { progress: p.id },
      body: { ...body, ai: [{ suggestion_id: id("triage-quality"), decision: "accepted" }, { suggestion_id: id("contain-quality"), decision: "edited" }, { suggestion_id: id("report-quality"), decision: "rejected" }] },
    });
    expect(ok.status).toBe(201);
    const rows = await db.select().from(aiSuggestions).where(eq(aiSuggestions.progressId, p.id));
    expect(Object.fromEntries(rows.map((r) => [r.criterionKey, [r.decision, r.decidedBy]]))).toEqual({
      "triage-quality": ["accepted", mentor.id],
      "contain-quality": ["edited", mentor.id],
      "report-quality": ["rejected", mentor.id],
    });
    const [rv] = await db.select().from(reviews).where(eq(reviews.progressId, p.id));
    const scores = await db.select().from(reviewScores).where(eq(reviewScores.reviewId, rv.id));
    expect(Object.fromEntries(scores.map((s) => [s.criterionKey, s.aiAssisted]))).toEqual({ "triage-quality": true, "contain-quality": true, "report-quality": false });
    const seen = await reviewForLearner({ caller: learner, progressId: p.id });
    expect(Object.fromEntries(seen!.scores.map((s) => [s.criterion, s.ai_assisted]))).toEqual({ "triage-quality": true, "contain-quality": true, "report-quality": false });
  });
});

/** A suggestion of some other submission (its id must be refused). */
async function submissionOfAnotherLearner() {
  const other = await makeUser("learner");
  const [p] = await db.insert(missionProgress).values({ userId: other.id, missionId, missionVersion: 1, attempt: 1, state: "submitted", path: ["triage"], submittedAt: new Date(), version: 3 }).returning();
  const [s] = await db.insert(aiSuggestions).values({ progressId: p.id, basedOnVersion: 3, model: "x", criterionKey: "triage-quality", levelIndex: 0, remark: "r" }).returning();
  return s.id;
}
