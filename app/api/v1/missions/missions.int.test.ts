import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { evidence, missionProgress, missions, telemetryEvents } from "@/lib/db/schema";
import { call, completeFoundations, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import * as catalogue from "./route";
import * as detail from "./[id]/route";
import * as start from "./[id]/start/route";
import * as progress from "./[id]/progress/route";
import * as complete from "./[id]/stages/[stage]/complete/route";
import * as decisions from "./[id]/decisions/route";
import * as choose from "./[id]/decisions/[decision]/choose/route";
import * as hints from "./[id]/hints/[stage]/route";
import * as unlock from "./[id]/hints/[stage]/unlock/route";
import * as upload from "./[id]/evidence/route";
import * as one from "./[id]/evidence/[evidence]/route";
import * as tools from "./[id]/tools/route";
import * as reflection from "./[id]/reflection/route";
import * as submit from "./[id]/submit/route";
import * as foundations from "../foundations/route";
import * as completeModule from "../foundations/[module]/complete/route";
import * as enroll from "../tracks/[track]/enroll/route";
import * as sweep from "../admin/jobs/sweep-deadlines/route";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const ELF = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(40).fill(0)]);
const MZ = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...new Array(48).fill(0)]);

function form(stage: string, files: { name: string; bytes: Uint8Array | string; type?: string }[], links: string[] = []) {
  const fd = new FormData();
  fd.set("stage", stage);
  for (const f of files) fd.append("files", new File([f.bytes as BlobPart], f.name, { type: f.type ?? "application/octet-stream" }));
  for (const l of links) fd.append("links", l);
  return fd;
}

const M = { id: "TEST-01" };
let learner: TestUser;

async function player() {
  const u = await makeUser("learner");
  await completeFoundations(u.id);
  const r = await call(start.POST, { token: u.token, params: M });
  expect(r.status).toBe(201);
  return { u, progressId: r.json.id as string };
}

async function evidenceRows(progressId: string) {
  return db.select().from(evidence).where(eq(evidence.progressId, progressId));
}

beforeAll(async () => {
  await loadFixtures();
  learner = await makeUser("learner");
});

describe("catalogue and gating", () => {
  it("a new learner sees missions locked with the reason; Foundations unlocks beginner missions", async () => {
    const u = await makeUser("learner");
    const r = await call(catalogue.GET, { token: u.token, path: "/api/v1/missions" });
    expect(r.status).toBe(200);
    const m = r.json.missions.find((x: { code: string }) => x.code === "TEST-01");
    expect(m).toMatchObject({ locked: true, lock_reason: "Complete Foundations to unlock beginner defender missions.", enrolled: false, state: "not_started" });
    const denied = await call(start.POST, { token: u.token, params: M });
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toMatch(/Complete Foundations/);

    const f = await call(foundations.GET, { token: u.token });
    expect(f.json).toMatchObject({ complete: false, total: 1, completed: 0 });
    const done = await call(completeModule.POST, { token: u.token, params: { module: "intro" } });
    expect(done.json).toMatchObject({ complete: true, completed: 1 });
    expect((await call(completeModule.POST, { token: u.token, params: { module: "nope" } })).status).toBe(404);
    const e = await call(enroll.POST, { token: u.token, params: { track: "defender" } });
    expect(e.json).toMatchObject({ track: "defender", enrolled: true });
    expect((await call(enroll.POST, { token: u.token, params: { track: "pirates" } })).status).toBe(404);

    const after = await call(catalogue.GET, { token: u.token, path: "/api/v1/missions?track=defender&q=brute" });
    expect(after.json.missions.map((x: { code: string }) => x.code)).toEqual(["TEST-01"]);
    expect(after.json.missions[0]).toMatchObject({ locked: false, lock_reason: null, enrolled: true });
    expect((await call(catalogue.GET, { token: u.token, path: "/api/v1/missions?track=grc" })).json.missions).toEqual([]);
  });

  it("refuses bad filters with the field named", async () => {
    const r = await call(catalogue.GET, { token: learner.token, path: "/api/v1/missions?tier=legendary" });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.tier).toBeDefined();
  });

  it("signed-out callers get 401; enterprise viewers may browse but not play", async () => {
    expect((await call(catalogue.GET, {})).status).toBe(401);
    const ent = await makeUser("enterprise");
    expect((await call(catalogue.GET, { token: ent.token })).status).toBe(200);
    expect((await call(start.POST, { token: ent.token, params: M })).status).toBe(403);
  });
});

describe("mission detail", () => {
  it("accepts the code or the id and never sends answers, ideal choices or locked hint text", async () => {
    const r = await call(detail.GET, { token: learner.token, params: { id: "test-01" } });
    expect(r.status).toBe(200);
    const byId = await call(detail.GET, { token: learner.token, params: { id: r.json.id } });
    expect(byId.json.code).toBe("TEST-01");
    const body = JSON.stringify(r.json);
    expect(body).not.toContain("203.0.113.45");
    expect(body).not.toContain("Look at Failed password lines");
    expect(body).not.toContain("rationale");
    expect(r.json.stages[0].hints).toEqual([
      { level: 1, penalty: 2, unlocked: false },
      { level: 2, penalty: 5, unlocked: false },
    ]);
    expect(r.json.stages[0].recipes[0]).toMatchObject({ slug: "grep-auth-logs", title: "Find failed logins with grep" });
    expect(r.json.decisions[0]).toEqual({ key: "respond", after_stage: "triage", prompt: "Block now or watch?" });
  });

  it("404 for unknown missions and for drafts (except for admins)", async () => {
    expect((await call(detail.GET, { token: learner.token, params: { id: "NOPE-99" } })).status).toBe(404);
    expect((await call(detail.GET, { token: learner.token, params: { id: "../../etc" } })).status).toBe(404);
    await db.update(missions).set({ status: "draft" }).where(eq(missions.code, "TEST-01"));
    try {
      expect((await call(detail.GET, { token: learner.token, params: M })).status).toBe(404);
      const admin = await makeUser("admin");
      expect((await call(detail.GET, { token: admin.token, params: M })).status).toBe(200);
    } finally {
      await db.update(missions).set({ status: "published" }).where(eq(missions.code, "TEST-01"));
    }
  });
});

describe("playing through the API", () => {
  it("start is idempotent: 201 then 200 with the same attempt", async () => {
    const { u, progressId } = await player();
    const again = await call(start.POST, { token: u.token, params: M });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(progressId);
    const p = await call(progress.GET, { token: u.token, params: M });
    expect(p.json).toMatchObject({ id: progressId, state: "in_progress", current_stage: "triage", deadline_at: null, hint_penalty: 0 });
  });

  it("plays a branch end to end: stage rules, decisions, hints, tools, evidence, reflection, submit", async () => {
    const { u, progressId } = await player();
    // The stage's rules: notes of 5+ characters and one evidence file.
    const early = await call(complete.POST, { token: u.token, params: { ...M, stage: "triage" }, body: { notes: "ok" } });
    expect(early.status).toBe(422);
    expect(Object.keys(early.json.error.fields).sort()).toEqual(["evidence", "notes"]);
    // Not on the path yet.
    expect((await call(complete.POST, { token: u.token, params: { ...M, stage: "report" }, body: { notes: "hello" } })).status).toBe(422);

    const h = await call(hints.GET, { token: u.token, params: { ...M, stage: "triage" } });
    expect(h.json).toMatchObject({ next: { level: 1, penalty: 2 }, penalty_total: 0 });
    expect(JSON.stringify(h.json)).not.toContain("Failed password");
    const u1 = await call(unlock.POST, { token: u.token, params: { ...M, stage: "triage" } });
    expect(u1.json).toMatchObject({ level: 1, text: "Look at Failed password lines.", penalty_total: 2, next: { level: 2, penalty: 5 } });
    expect((await call(unlock.POST, { token: u.token, params: { ...M, stage: "triage" }, body: { level: 1 } })).status).toBe(409);

    const up = await call(upload.POST, { token: u.token, params: M, rawBody: form("triage", [{ name: "count.txt", bytes: "203.0.113.45 10\n" }], ["https://github.com/me/notes"]) });
    expect(up.status).toBe(201);
    expect(up.json.evidence.map((e: { kind: string }) => e.kind)).toEqual(["file", "link"]);

    const t = await call(tools.POST, { token: u.token, params: M, body: { stage: "triage", tool: "grep" } });
    expect(t.json).toMatchObject({ recorded: true, tools: ["grep"] });
    expect((await call(tools.POST, { token: u.token, params: M, body: { stage: "triage", tool: "grep" } })).json.recorded).toBe(false);

    const c1 = await call(complete.POST, { token: u.token, params: { ...M, stage: "triage" }, body: { notes: "Ten failures from 203.0.113.45", answer: "203.0.113.45" } });
    expect(c1.status).toBe(200);
    expect(c1.json).toMatchObject({ decision: "respond", next_stage: null });
    // Must choose before moving on.
    expect((await call(complete.POST, { token: u.token, params: { ...M, stage: "watch" }, body: { notes: "x" } })).status).toBe(422);

    const d = await call(decisions.GET, { token: u.token, params: M });
    expect(d.json.decisions).toEqual([{ key: "respond", after_stage: "triage", prompt: "Block now or watch?", available: true, choices: [{ id: "block", label: "Block now" }, { id: "watch", label: "Keep watching" }], chosen: null }]);
    const ch = await call(choose.POST, { token: u.token, params: { ...M, decision: "respond" }, body: { choice_id: "watch" } });
    expect(ch.json).toMatchObject({ recorded: true, next_stage: "watch", consequence: "Attack continues." });
    const same = await call(choose.POST, { token: u.token, params: { ...M, decision: "respond" }, body: { choice_id: "watch" } });
    expect(same.status).toBe(200);
    expect(same.json.recorded).toBe(false);
    const other = await call(choose.POST, { token: u.token, params: { ...M, decision: "respond" }, body: { choice_id: "block" } });
    expect(other.status).toBe(409);

    const missing = await call(submit.POST, { token: u.token, params: M });
    expect(missing.status).toBe(422);
    expect(missing.json.error.fields).toEqual({
      "stages.watch": 'Complete the stage "Watch".',
      "stages.detect": 'Complete the stage "Detect".',
      "stages.report": 'Complete the stage "Report".',
      reflection: "Write your reflection (at least 20 characters).",
    });
    expect(missing.json.error.missing).toHaveLength(4);

    for (const stage of ["watch", "detect", "report"]) {
      expect((await call(complete.POST, { token: u.token, params: { ...M, stage }, body: { notes: `done ${stage}` } })).status).toBe(200);
    }
    expect((await call(reflection.PUT, { token: u.token, params: M, body: { reflection: "Watching let the attack continue; block first next time." } })).status).toBe(200);
    const s = await call(submit.POST, { token: u.token, params: M });
    expect(s.status).toBe(200);
    expect(s.json).toMatchObject({ state: "submitted", path: ["triage", "watch", "detect", "report"], hint_penalty: 2 });
    expect((await call(submit.POST, { token: u.token, params: M })).status).toBe(409);
    const [ev] = await db.select({ n: count() }).from(telemetryEvents).where(eq(telemetryEvents.progressId, progressId));
    expect(ev.n).toBeGreaterThanOrEqual(10);
  });
});

describe("someone else's attempt", () => {
  it("another learner cannot read or change it; the owner's mentor and admins can download evidence", async () => {
    const { u: owner, progressId: ownerProgress } = await player();
    const up = await call(upload.POST, { token: owner.token, params: M, rawBody: form("triage", [{ name: "shot.png", bytes: PNG }]) });
    const evId = up.json.evidence[0].id;
    const other = await makeUser("learner");
    expect((await call(progress.GET, { token: other.token, params: M })).status).toBe(404);
    expect((await call(one.GET, { token: other.token, params: { ...M, evidence: evId } })).status).toBe(404);
    expect((await call(one.DELETE, { token: other.token, params: { ...M, evidence: evId } })).status).toBe(409);
    await completeFoundations(other.id);
    await call(start.POST, { token: other.token, params: M });
    expect((await call(one.DELETE, { token: other.token, params: { ...M, evidence: evId } })).status).toBe(404);
    expect(await evidenceRows(ownerProgress)).toHaveLength(1);

    const strangerMentor = await makeUser("mentor");
    expect((await call(one.GET, { token: strangerMentor.token, params: { ...M, evidence: evId } })).status).toBe(404);
    const mentor = await makeUser("mentor");
    await makeCohort({ learners: [owner], mentor });
    const dl = await call(one.GET, { token: mentor.token, params: { ...M, evidence: evId } });
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-type")).toBe("image/png");
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment; filename="shot.png"/);
    expect(dl.headers.get("x-content-type-options")).toBe("nosniff");
    const admin = await makeUser("admin");
    expect((await call(one.GET, { token: admin.token, params: { ...M, evidence: evId } })).status).toBe(200);
    const own = await call(one.GET, { token: owner.token, params: { ...M, evidence: evId } });
    expect(own.status).toBe(200);

    expect((await call(one.DELETE, { token: owner.token, params: { ...M, evidence: evId } })).json).toEqual({ removed: true, id: evId });
    expect((await call(one.GET, { token: owner.token, params: { ...M, evidence: evId } })).status).toBe(404);
  });
});

describe("bad input: a clear 4xx and nothing written", () => {
  it("wrong types, unknown stages, decisions and choices", async () => {
    const { u, progressId } = await player();
    const before = (await db.select().from(missionProgress).where(eq(missionProgress.id, progressId)))[0].version;
    const wrong = await call(complete.POST, { token: u.token, params: { ...M, stage: "triage" }, body: { notes: 42, links: ["javascript:alert(1)"] } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.fields).toMatchObject({ notes: expect.any(String), "links[0]": expect.any(String) });
    expect((await call(complete.POST, { token: u.token, params: { ...M, stage: "nowhere" }, body: { notes: "hello" } })).status).toBe(404);
    expect((await call(complete.POST, { token: u.token, params: { ...M, stage: "../x" }, body: { notes: "hello" } })).status).toBe(404);
    expect((await call(choose.POST, { token: u.token, params: { ...M, decision: "nope" }, body: { choice_id: "block" } })).status).toBe(404);
    const badChoice = await call(choose.POST, { token: u.token, params: { ...M, decision: "respond" }, body: { choice_id: "surrender" } });
    expect(badChoice.status).toBe(400);
    expect(badChoice.json.error.fields.choice_id).toBeDefined();
    expect((await call(choose.POST, { token: u.token, params: { ...M, decision: "respond" }, body: { choice_id: 7 } })).status).toBe(400);
    expect((await call(tools.POST, { token: u.token, params: M, body: { stage: "ghost", tool: "nmap" } })).json.error.fields.stage).toMatch(/unknown stage/);
    expect((await call(tools.POST, { token: u.token, params: M, body: { stage: "triage", tool: "" } })).status).toBe(400);
    expect((await call(reflection.PUT, { token: u.token, params: M, body: { reflection: ["a"] } })).status).toBe(400);
    expect((await call(reflection.PUT, { token: u.token, params: M, rawBody: "{not json", headers: { "content-type": "application/json" } })).status).toBe(400);
    expect((await call(unlock.POST, { token: u.token, params: { ...M, stage: "triage" }, body: { level: "two" } })).status).toBe(400);
    const huge = "x".repeat(10 * 1024 * 1024);
    const big = await call(reflection.PUT, { token: u.token, params: M, rawBody: JSON.stringify({ reflection: huge }), headers: { "content-type": "application/json" } });
    expect(big.status).toBe(413);
    const after = (await db.select().from(missionProgress).where(eq(missionProgress.id, progressId)))[0];
    expect(after.version).toBe(before);
    expect(after.reflection).toBeNull();
  });

  it("disguised, oversized, too many and unaccepted files; path-traversal names", async () => {
    const { u, progressId } = await player();
    for (const bytes of [ELF, MZ]) {
      const r = await call(upload.POST, { token: u.token, params: M, rawBody: form("triage", [{ name: "screenshot.png", bytes, type: "image/png" }]) });
      expect(r.status).toBe(415);
      expect(r.json.error.message).toContain('"screenshot.png"');
    }
    const mixed = await call(upload.POST, { token: u.token, params: M, rawBody: form("triage", [{ name: "ok.txt", bytes: "fine\n" }, { name: "evil.png", bytes: ELF }]) });
    expect(mixed.status).toBe(415);
    const pdf = await call(upload.POST, { token: u.token, params: M, rawBody: form("triage", [{ name: "r.pdf", bytes: "%PDF-1.7\n%\n" }]) });
    expect(pdf.status).toBe(415); // triage accepts text, image, csv, json only
    expect(pdf.json.error.message).toMatch(/accepts text, image, csv, json/);
    const oversized = await call(upload.POST, { token: u.token, params: M, rawBody: form("triage", [{ name: "huge.log", bytes: new Uint8Array(25 * 1024 * 1024 + 1).fill(65) }]) });
    expect(oversized.status).toBe(413);
    expect(oversized.json.error.message).toContain('"huge.log"');
    const many = await call(upload.POST, { token: u.token, params: M, rawBody: form("triage", Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, bytes: `file ${i}\n` }))) });
    expect(many.status).toBe(413);
    expect((await call(upload.POST, { token: u.token, params: M, rawBody: form("ghost", [{ name: "a.txt", bytes: "a\n" }]) })).status).toBe(400);
    expect((await call(upload.POST, { token: u.token, params: M, body: { stage: "triage" } })).status).toBe(415);
    expect(await evidenceRows(progressId)).toEqual([]);

    const sneaky = await call(upload.POST, { token: u.token, params: M, rawBody: form("triage", [{ name: "../../../etc/passwd.txt", bytes: "root:x:0:0\n" }]) });
    expect(sneaky.status).toBe(201);
    expect(sneaky.json.evidence[0].file_name).toBe("passwd.txt");
    const [row] = await evidenceRows(progressId);
    expect(row.storageKey).toMatch(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
  });
});

describe("deadline sweep endpoint", () => {
  it("is for admins or the cron secret only", async () => {
    expect((await call(sweep.POST, { method: "POST" })).status).toBe(401);
    expect((await call(sweep.POST, { method: "POST", token: learner.token })).status).toBe(403);
    expect((await call(sweep.POST, { method: "POST", headers: { "x-cron-secret": "guess" } })).status).toBe(401);
    const admin = await makeUser("admin");
    const r = await call(sweep.POST, { method: "POST", token: admin.token });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ checked: expect.any(Number), expired: expect.any(Number), auto_submitted: expect.any(Number) });
    process.env.SORTIE_CRON_SECRET = "cron-secret-for-tests";
    try {
      expect((await call(sweep.POST, { method: "POST", headers: { "x-cron-secret": "cron-secret-for-tests" } })).status).toBe(200);
    } finally {
      delete process.env.SORTIE_CRON_SECRET;
    }
  });
});
