import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { decisionsMade, evidence, missionProgress, missions, telemetryEvents } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { completeFoundations, loadFixtures, makeUser } from "@/test/helpers";
import { chooseDecision, completeStage, unlockHint, saveReflection } from "@/lib/attempts/play";
import { getProgress } from "@/lib/attempts/read";
import { startMission } from "@/lib/attempts/start";
import { submitMission } from "@/lib/attempts/submit";
import { sweepDeadlines } from "@/lib/attempts/deadline";
import { addEvidence } from "@/lib/attempts/evidence";
import { evidenceStore, type EvidenceStore, type PreparedFile } from "@/lib/storage";
import { stageBytes } from "@/lib/storage/staging";

const text = (s: string, name = "counts.txt"): PreparedFile => {
  return stageBytes({ name, bytes: new TextEncoder().encode(s), contentType: "text/plain; charset=utf-8", kind: "text" });
};

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

async function learner() {
  const u = await makeUser("learner");
  await completeFoundations(u.id);
  return u;
}

async function eventsOf(progressId: string, type: string) {
  const [r] = await db.select({ n: count() }).from(telemetryEvents).where(and(eq(telemetryEvents.progressId, progressId), eq(telemetryEvents.type, type)));
  return r.n;
}

beforeAll(async () => {
  await loadFixtures();
});

describe("starting a mission", () => {
  it("is idempotent under two concurrent calls: one progress row, one mission.started event", async () => {
    const u = await learner();
    const [a, b] = await Promise.all([startMission({ caller: u, idOrCode: "TEST-01" }), startMission({ caller: u, idOrCode: "TEST-01" })]);
    expect(a.progress.id).toBe(b.progress.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    const rows = await db.select().from(missionProgress).where(eq(missionProgress.userId, u.id));
    expect(rows).toHaveLength(1);
    expect(await eventsOf(rows[0].id, "mission.started")).toBe(1);
    expect(a.progress).toMatchObject({ state: "in_progress", attempt: 1, current_stage: "triage", path: ["triage"] });
  });

  it("refuses a locked mission with the reason", async () => {
    const u = await makeUser("learner");
    await expect(startMission({ caller: u, idOrCode: "TEST-01" })).rejects.toMatchObject({ code: "forbidden", message: "Complete Foundations to unlock beginner defender missions." });
  });
});

describe("decisions", () => {
  it("two concurrent different choices leave exactly one recorded; the loser gets 409", async () => {
    const u = await learner();
    const { progress } = await startMission({ caller: u, idOrCode: "TEST-01" });
    await addEvidence({ caller: u, idOrCode: "TEST-01", stage: "triage", files: [text("203.0.113.45 10")] });
    await completeStage({ caller: u, idOrCode: "TEST-01", stage: "triage", input: { notes: "Ten failures from one address.", answer: "203.0.113.45" } });
    const results = await Promise.allSettled([
      chooseDecision({ caller: u, idOrCode: "TEST-01", decision: "respond", choiceId: "block" }),
      chooseDecision({ caller: u, idOrCode: "TEST-01", decision: "respond", choiceId: "watch" }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toMatchObject({ code: "conflict" });
    const made = await db.select().from(decisionsMade).where(eq(decisionsMade.progressId, progress.id));
    expect(made).toHaveLength(1);
    expect(await eventsOf(progress.id, "decision.made")).toBe(1);
    const p = await getProgress({ caller: u, idOrCode: "TEST-01" });
    expect(p.path).toEqual(["triage", made[0].choiceKey === "block" ? "contain" : "watch"]);
  });
});

describe("evidence storage", () => {
  const dir = () => env().uploadDir;

  it("stores files under their content hash with the SHA-256 recorded", async () => {
    const u = await learner();
    await startMission({ caller: u, idOrCode: "TEST-01" });
    const f = text(`unique content ${u.id}`);
    const r = await addEvidence({ caller: u, idOrCode: "TEST-01", stage: "triage", files: [f] });
    expect(r.evidence[0]).toMatchObject({ sha256: f.sha256, kind: "file", file_name: "counts.txt", size: f.size });
    expect(filesUnder(dir()).some((p) => p.endsWith(f.sha256))).toBe(true);
  });

  it("an upload whose second file fails to store leaves no row and no file", async () => {
    const u = await learner();
    const { progress } = await startMission({ caller: u, idOrCode: "TEST-01" });
    const real = evidenceStore();
    let puts = 0;
    const failing: EvidenceStore = { ...real, name: "local", put: async (file) => (++puts === 2 ? Promise.reject(new Error("disk full")) : real.put(file)) };
    const before = filesUnder(dir()).length;
    await expect(addEvidence({ caller: u, idOrCode: "TEST-01", stage: "triage", files: [text(`a ${u.id}`), text(`b ${u.id}`)], store: failing })).rejects.toThrow("disk full");
    expect(filesUnder(dir())).toHaveLength(before);
    expect(await db.select().from(evidence).where(eq(evidence.progressId, progress.id))).toEqual([]);
    expect(await eventsOf(progress.id, "evidence.uploaded")).toBe(0);
  });

  it("when the transaction fails after the files were written, the files are removed", async () => {
    const u = await learner();
    const { progress } = await startMission({ caller: u, idOrCode: "TEST-01" });
    // Files are written inside the attempt's transaction (a submit waits for it), so the failure
    // after the write is the insert itself: Postgres refuses a NUL in the file name.
    const bad = { ...text(`race ${u.id}`), name: "bad\u0000name.txt" };
    const before = filesUnder(dir()).length;
    await expect(addEvidence({ caller: u, idOrCode: "TEST-01", stage: "triage", files: [bad] })).rejects.toBeDefined();
    expect(filesUnder(dir())).toHaveLength(before);
    expect(await db.select().from(evidence).where(eq(evidence.progressId, progress.id))).toEqual([]);
  });
});

describe("a whole attempt", () => {
  it("plays, unlocks hints in order, submits with a pre-score, and every write bumps the version", async () => {
    const u = await learner();
    const { progress: p0 } = await startMission({ caller: u, idOrCode: "test-01" });
    const h1 = await unlockHint({ caller: u, idOrCode: "TEST-01", stage: "triage" });
    expect(h1).toMatchObject({ level: 1, penalty: 2, penalty_total: 2, next: { level: 2, penalty: 5 } });
    await expect(unlockHint({ caller: u, idOrCode: "TEST-01", stage: "triage", level: 3 })).rejects.toMatchObject({ code: "conflict" });
    const h2 = await unlockHint({ caller: u, idOrCode: "TEST-01", stage: "triage" });
    expect(h2).toMatchObject({ level: 2, text: "Count per IP with uniq -c.", penalty_total: 7, next: null });

    await expect(submitMission({ caller: u, idOrCode: "TEST-01" })).rejects.toMatchObject({ code: "rule_not_met", fields: expect.objectContaining({ "stages.triage": expect.any(String), reflection: expect.any(String) }) });
    await addEvidence({ caller: u, idOrCode: "TEST-01", stage: "triage", files: [text(`e ${u.id}`)] });
    await completeStage({ caller: u, idOrCode: "TEST-01", stage: "triage", input: { notes: "203.0.113.45 made ten attempts.", answer: "203.0.113.45" } });
    await chooseDecision({ caller: u, idOrCode: "TEST-01", decision: "respond", choiceId: "block" });
    await completeStage({ caller: u, idOrCode: "TEST-01", stage: "contain", input: { notes: "" } });
    await chooseDecision({ caller: u, idOrCode: "TEST-01", decision: "detect-or-report", choiceId: "report" });
    const last = await completeStage({ caller: u, idOrCode: "TEST-01", stage: "report", input: { notes: "" } });
    expect(last.next_stage).toBe("end");
    await saveReflection({ caller: u, idOrCode: "TEST-01", reflection: "I should have counted per source before deciding." });
    const submitted = await submitMission({ caller: u, idOrCode: "TEST-01" });
    expect(submitted).toMatchObject({ state: "submitted", path: ["triage", "contain", "report"], hint_penalty: 7 });
    expect(submitted.version).toBeGreaterThan(p0.version + 8);
    const [row] = await db.select().from(missionProgress).where(eq(missionProgress.id, p0.id));
    expect(row.prescore).not.toBeNull();
    expect(row.decisionDelta).toBe(5);
    expect(await eventsOf(p0.id, "mission.submitted")).toBe(1);
    expect(await eventsOf(p0.id, "stage.completed")).toBe(3);
    expect(await eventsOf(p0.id, "hint.unlocked")).toBe(2);
    // Submitted: writes are refused.
    await expect(saveReflection({ caller: u, idOrCode: "TEST-01", reflection: "changed my mind later" })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("deadlines", () => {
  async function timed(auto: boolean) {
    await db.update(missions).set({ timeConstraintHours: 1, autoSubmitOnDeadline: auto }).where(eq(missions.code, "TEST-01"));
  }

  it("past the deadline, writes are refused and the attempt expires; a new attempt follows", async () => {
    const u = await learner();
    const { progress } = await startMission({ caller: u, idOrCode: "TEST-01" });
    await timed(false);
    await db.update(missionProgress).set({ deadlineAt: new Date(Date.now() - 1000) }).where(eq(missionProgress.id, progress.id));
    await expect(saveReflection({ caller: u, idOrCode: "TEST-01", reflection: "too late for this one" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("deadline") });
    expect((await getProgress({ caller: u, idOrCode: "TEST-01" })).state).toBe("expired");
    expect(await eventsOf(progress.id, "mission.expired")).toBe(1);
    const again = await startMission({ caller: u, idOrCode: "TEST-01" });
    expect(again).toMatchObject({ created: true, progress: { attempt: 2, state: "in_progress" } });
    await timed(false);
    await db.update(missions).set({ timeConstraintHours: null }).where(eq(missions.code, "TEST-01"));
  });

  it("the sweep auto-submits when the mission says so, and expires otherwise", async () => {
    const a = await learner();
    const b = await learner();
    const pa = (await startMission({ caller: a, idOrCode: "TEST-01" })).progress;
    const pb = (await startMission({ caller: b, idOrCode: "TEST-01" })).progress;
    await db.update(missionProgress).set({ deadlineAt: new Date(Date.now() - 1000) }).where(eq(missionProgress.id, pa.id));
    await timed(true);
    const r = await sweepDeadlines();
    expect(r.auto_submitted).toBeGreaterThanOrEqual(1);
    const [ra] = await db.select().from(missionProgress).where(eq(missionProgress.id, pa.id));
    expect(ra.state).toBe("submitted");
    expect(ra.submittedAt).not.toBeNull();
    const [rb] = await db.select().from(missionProgress).where(eq(missionProgress.id, pb.id));
    expect(rb.state).toBe("in_progress");
    // Running it again changes nothing.
    expect((await sweepDeadlines()).auto_submitted).toBe(0);
    await db.update(missions).set({ timeConstraintHours: null, autoSubmitOnDeadline: false }).where(eq(missions.code, "TEST-01"));
  });
});
