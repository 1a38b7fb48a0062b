import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { latestAttempt } from "@/lib/db/queries/attempts";
import { type PreparedFile } from "@/lib/storage";
import { stageBytes } from "@/lib/storage/staging";
import { completeFoundations, loadFixtures, makeCohort, makeUser } from "@/test/helpers";
import { completeStage, chooseDecision, saveReflection } from "@/lib/attempts/play";
import { startMission } from "@/lib/attempts/start";
import { submitMission } from "@/lib/attempts/submit";
import { addEvidence } from "@/lib/attempts/evidence";
import { submitReview } from "@/lib/reviews/submit";
import { submissionForReview } from "@/lib/reviews/submission";

const text = (s: string): PreparedFile => {
  return stageBytes({ name: "counts.txt", bytes: new TextEncoder().encode(s), contentType: "text/plain; charset=utf-8", kind: "text" });
};

beforeAll(async () => {
  await loadFixtures();
});

// A stage completion runs on every click of a learner, a review on every mentor's submit: each reads
// the attempt once (row, content, facts in one statement) and writes in one transaction. These
// bounds keep a refactor from quietly adding round trips (before issue 13: 12 and 15).
describe("statements per write", () => {
  it("a stage completion makes at most 7, a review POST at most 12", async () => {
    const u = await makeUser("learner");
    const mentor = await makeUser("mentor");
    await makeCohort({ learners: [u], mentor });
    await completeFoundations(u.id);
    await startMission({ caller: u, idOrCode: "TEST-01" });
    const session = (getDb() as unknown as { session: { prepareQuery: (...a: unknown[]) => unknown } }).session;
    // Transactions run on sessions of their own, of the same class: count on its prototype.
    const spy = vi.spyOn(Object.getPrototypeOf(session) as { prepareQuery: (...a: unknown[]) => unknown }, "prepareQuery");
    const queries = async (f: () => Promise<unknown>) => {
      spy.mockClear();
      await f();
      return spy.mock.calls.length;
    };
    await addEvidence({ caller: u, idOrCode: "TEST-01", stage: "triage", files: [text(`203.0.113.45 10 ${u.id}`)] });
    const stage = await queries(() => completeStage({ caller: u, idOrCode: "TEST-01", stage: "triage", input: { notes: "Ten failures from one address 203.0.113.45.", answer: "203.0.113.45" } }));
    await chooseDecision({ caller: u, idOrCode: "TEST-01", decision: "respond", choiceId: "block" });
    await completeStage({ caller: u, idOrCode: "TEST-01", stage: "contain", input: { notes: "Blocked the address at the edge firewall and checked." } });
    await chooseDecision({ caller: u, idOrCode: "TEST-01", decision: "detect-or-report", choiceId: "report" });
    await completeStage({ caller: u, idOrCode: "TEST-01", stage: "report", input: { notes: "Brief sent to the manager with the next steps." } });
    await saveReflection({ caller: u, idOrCode: "TEST-01", reflection: "I found the attacker in the log and decided on containment quickly; next time I would write a detection first." });
    const p = await submitMission({ caller: u, idOrCode: "TEST-01" });
    const d = await submissionForReview({ caller: mentor, progressId: p.id, open: true });
    const scores = d.rubric.filter((c) => c.on_path).map((c) => ({ criterion: c.key, level: c.levels.length - 1 }));
    const review = await queries(() => submitReview({ caller: mentor, progressId: p.id, body: { version: d.progress.version, outcome: "approved", scores, feedback: "Good.", stage_feedback: {}, recommended_recipes: [] } as never }));
    spy.mockRestore();
    console.info(`[query-count] completeStage ${stage}, submitReview ${review}`);
    expect(stage).toBeLessThanOrEqual(7);
    // 10 before double-marking (issue 18) added two: this version's moderation, if any, and the
    // mission's sample counter, both read under the attempt's lock.
    expect(review).toBeLessThanOrEqual(12);
    expect(await latestAttempt({ userId: u.id, missionId: p.mission_id })).toMatchObject({ state: "approved", score: expect.any(Number) });
  });
});
