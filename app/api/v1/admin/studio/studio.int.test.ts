import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { contentAudit, missionProgress, missionVersions, missions, stageCompletions, telemetryEvents } from "@/lib/db/schema";
import { call, loadFixtures, makeUser, type TestUser } from "@/test/helpers";
import { fixtureMission } from "@/test/fixtures";
import * as list from "./missions/route";
import * as one from "./missions/[code]/route";
import * as validate from "./missions/[code]/validate/route";
import * as impact from "./missions/[code]/impact/route";
import * as publish from "./missions/[code]/publish/route";
import * as preview from "./missions/[code]/preview/route";
import * as detail from "../../missions/[id]/route";

let admin: TestUser;
let other: TestUser;

beforeAll(async () => {
  await loadFixtures();
  admin = await makeUser("admin", { name: "Ada Admin" });
  other = await makeUser("admin", { name: "Grace Editor" });
});

const P = (code: string) => ({ code });

async function copy(code: string, from = "TEST-01", token = admin.token) {
  const r = await call(list.POST, { token, body: { code, copy_from: from } });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json;
}

describe("studio access", () => {
  it("refuses signed-out callers (401) and every role but admin (403) on each endpoint", async () => {
    const learner = await makeUser("learner");
    const mentor = await makeUser("mentor");
    const endpoints = [
      () => call(list.GET, {}),
      () => call(one.GET, { params: P("TEST-01") }),
      () => call(publish.POST, { params: P("TEST-01"), body: {} }),
    ];
    for (const e of endpoints) expect((await e()).status).toBe(401);
    for (const u of [learner, mentor]) {
      expect((await call(list.GET, { token: u.token })).status).toBe(403);
      expect((await call(list.POST, { token: u.token, body: { code: "NOPE-01" } })).status).toBe(403);
      expect((await call(one.PUT, { token: u.token, params: P("TEST-01"), body: { draft_version: 0, title: "x" } })).status).toBe(403);
      expect((await call(validate.POST, { token: u.token, params: P("TEST-01") })).status).toBe(403);
      expect((await call(impact.GET, { token: u.token, params: P("TEST-01") })).status).toBe(403);
      expect((await call(publish.POST, { token: u.token, params: P("TEST-01"), body: {} })).status).toBe(403);
      expect((await call(preview.POST, { token: u.token, params: P("TEST-01"), body: {} })).status).toBe(403);
    }
  });
});

describe("drafts", () => {
  it("lists published missions with status and version, and a new draft with its last editor; searches", async () => {
    await copy("LIST-01");
    const r = await call(list.GET, { token: admin.token });
    expect(r.status).toBe(200);
    expect(r.json.items.find((i: { code: string }) => i.code === "TEST-01")).toMatchObject({ status: "published", version: 1, has_draft: false, last_editor: null });
    expect(r.json.items.find((i: { code: string }) => i.code === "LIST-01")).toMatchObject({ status: "draft", version: null, draft_version: 1, has_draft: true, last_editor: { name: "Ada Admin" } });
    const q = await call(list.GET, { token: admin.token, path: "/api/v1/admin/studio/missions?q=list-0" });
    expect(q.json.items.map((i: { code: string }) => i.code)).toEqual(["LIST-01"]);
    const drafts = await call(list.GET, { token: admin.token, path: "/api/v1/admin/studio/missions?status=draft" });
    expect(drafts.json.items.every((i: { has_draft: boolean }) => i.has_draft)).toBe(true);
    expect((await call(list.GET, { token: admin.token, path: "/api/v1/admin/studio/missions?status=gone" })).status).toBe(400);
  });

  it("creates from scratch and from a copy; refuses a taken code (409) and a bad one (400)", async () => {
    const blank = await call(list.POST, { token: admin.token, body: { code: "NEW-01", title: "Brand new" } });
    expect(blank.status).toBe(201);
    expect(blank.json).toMatchObject({ code: "NEW-01", status: "draft", draft_version: 1, mission: { code: "NEW-01", title: "Brand new" } });
    const copied = await copy("COPY-01");
    expect(copied.mission).toMatchObject({ code: "COPY-01", title: fixtureMission.title, status: "draft" });
    expect(copied.mission.stages).toHaveLength(5);
    expect((await call(list.POST, { token: admin.token, body: { code: "TEST-01" } })).status).toBe(409);
    expect((await call(list.POST, { token: admin.token, body: { code: "COPY-01" } })).status).toBe(409);
    const bad = await call(list.POST, { token: admin.token, body: { code: "lower" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.code).toBeTruthy();
    const unknown = await call(list.POST, { token: admin.token, body: { code: "COPY-02", copy_from: "NONE-01" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields.copy_from).toMatch(/unknown mission/);
  });

  it("saves with draft_version; a stale save is a 409 naming who saved last, and the draft is unchanged", async () => {
    const d = await copy("SAVE-01");
    const first = await call(one.PUT, { token: other.token, params: P("SAVE-01"), body: { draft_version: d.draft_version, mission: { ...d.mission, title: "Grace's title" } } });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ draft_version: 2, last_editor: { name: "Grace Editor" }, mission: { title: "Grace's title" } });
    const stale = await call(one.PUT, { token: admin.token, params: P("SAVE-01"), body: { draft_version: d.draft_version, mission: { ...d.mission, title: "Ada's title" } } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "conflict", draft_version: 2, last_saved_by: { name: "Grace Editor" } });
    expect(stale.json.error.message).toMatch(/Grace Editor/);
    expect((await call(one.GET, { token: admin.token, params: P("SAVE-01") })).json.mission.title).toBe("Grace's title");
    // Fields at the top level are the mission too; the code cannot be changed by a save.
    const top = await call(one.PUT, { token: admin.token, params: P("SAVE-01"), body: { draft_version: 2, ...d.mission, title: "Top level" } });
    expect(top.json).toMatchObject({ draft_version: 3, mission: { title: "Top level" } });
    const renamed = await call(one.PUT, { token: admin.token, params: P("SAVE-01"), body: { draft_version: 3, mission: { ...d.mission, code: "OTHER-01" } } });
    expect(renamed.status).toBe(400);
    expect(renamed.json.error.fields["mission.code"]).toBeTruthy();
    expect((await call(one.PUT, { token: admin.token, params: P("SAVE-01"), body: { mission: d.mission } })).json.error.fields.draft_version).toBeTruthy();
    expect((await call(one.GET, { token: admin.token, params: P("NONE-99") })).status).toBe(404);
  });

  it("a published mission reads as draft_version 0 until the first save", async () => {
    const r = await call(one.GET, { token: admin.token, params: P("TEST-01") });
    expect(r.json).toMatchObject({ code: "TEST-01", status: "published", version: 1, draft_version: 0, has_draft: false, mission: { title: fixtureMission.title } });
  });
});

describe("validate", () => {
  it("reports every problem by path, graph problems with kind and the stage, decision and choice", async () => {
    const d = await copy("VAL-01");
    const m = structuredClone(d.mission);
    // contain → detect-or-report → report … and report loops back to contain: a cycle.
    m.stages[4].next = "contain";
    m.decisions[1].choices[1].next_stage = "nowhere";
    m.stages[0].hints[0].penalty = -3;
    await call(one.PUT, { token: admin.token, params: P("VAL-01"), body: { draft_version: 1, mission: m } });
    const r = await call(validate.POST, { token: admin.token, params: P("VAL-01") });
    expect(r.status).toBe(200);
    expect(r.json.valid).toBe(false);
    const byPath = (p: string) => r.json.problems.filter((x: { path: string }) => x.path === p);
    expect(byPath("stages[0].hints[0].penalty")[0]).toMatchObject({ stage: "triage", message: expect.stringMatching(/≥ 0/) });
    expect(byPath("decisions[1].choices[1].next_stage")[0]).toMatchObject({ kind: "unknown_stage", decision: "detect-or-report", choice: "report" });

    m.stages[0].hints[0].penalty = 2;
    m.decisions[1].choices[1].next_stage = "report";
    await call(one.PUT, { token: admin.token, params: P("VAL-01"), body: { draft_version: 2, mission: m } });
    const cycle = await call(validate.POST, { token: admin.token, params: P("VAL-01") });
    const kinds = new Set(cycle.json.problems.map((x: { kind?: string }) => x.kind));
    expect(kinds).toContain("cycle");
    expect(kinds).toContain("dead_end");
    expect(cycle.json.problems.find((x: { kind?: string }) => x.kind === "cycle")).toMatchObject({ stage: expect.any(String), path: expect.stringMatching(/^stages\[\d\]$/) });

    // Unreachable: the watch branch is cut off when no choice leads there.
    const cut = structuredClone(d.mission);
    cut.decisions[0].choices[1].next_stage = "contain";
    await call(one.PUT, { token: admin.token, params: P("VAL-01"), body: { draft_version: 3, mission: cut } });
    const un = await call(validate.POST, { token: admin.token, params: P("VAL-01") });
    expect(un.json.problems).toContainEqual(expect.objectContaining({ kind: "unreachable", stage: "watch", path: "stages[2]" }));

    await call(one.PUT, { token: admin.token, params: P("VAL-01"), body: { draft_version: 4, mission: d.mission } });
    expect((await call(validate.POST, { token: admin.token, params: P("VAL-01") })).json).toMatchObject({ valid: true, problems: [] });
  });

  it("shows graph problems even while other fields are still incomplete", async () => {
    const d = await copy("VAL-02");
    const m = structuredClone(d.mission);
    m.story = "";
    m.stages[4].next = "contain";
    await call(one.PUT, { token: admin.token, params: P("VAL-02"), body: { draft_version: 1, mission: m } });
    const r = await call(validate.POST, { token: admin.token, params: P("VAL-02") });
    const paths = r.json.problems.map((x: { path: string }) => x.path);
    expect(paths).toContain("story");
    expect(r.json.problems.some((x: { kind?: string }) => x.kind === "cycle")).toBe(true);
  });
});

async function attempt(missionCode: string, state: "in_progress" | "submitted" | "approved", version = 1) {
  const u = await makeUser("learner");
  const [m] = await db.select().from(missions).where(eq(missions.code, missionCode));
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: u.id, missionId: m.id, missionVersion: version, state, path: ["triage"], currentStage: state === "in_progress" ? "triage" : null, reflection: "done" })
    .returning();
  await db.insert(stageCompletions).values({ progressId: p.id, stageKey: "triage", notes: "notes here", answer: "198.51.100.7" });
  return p;
}

describe("impact and publish", () => {
  it("shows what changed and the attempts affected by state; publish bumps the version, audits, rescoring on request", async () => {
    const learnerView = await makeUser("learner");
    // Publish a mission of our own so that the attempts below are the only ones on it.
    const d = await copy("PUB-01");
    const firstPublish = await call(publish.POST, { token: admin.token, params: P("PUB-01"), body: {} });
    expect(firstPublish.status).toBe(200);
    expect(firstPublish.json).toMatchObject({ code: "PUB-01", version: 1, previous_version: null, outcome: "created", audit: { by: { name: "Ada Admin" } } });
    const waiting = await attempt("PUB-01", "submitted");
    await attempt("PUB-01", "submitted");
    await attempt("PUB-01", "in_progress");
    await attempt("PUB-01", "approved");

    const draft = await call(one.GET, { token: admin.token, params: P("PUB-01") });
    const m = structuredClone(draft.json.mission);
    m.stages[0].weight = 5;
    m.stages[0].answer = { kind: "exact", value: "198.51.100.7" };
    m.rubric = m.rubric.filter((c: { key: string }) => c.key !== "watch-quality");
    m.decisions[0].choices[0].label = "Block at the firewall";
    m.title = "Revised";
    const saved = await call(one.PUT, { token: admin.token, params: P("PUB-01"), body: { draft_version: draft.json.draft_version, mission: m } });
    expect(saved.status).toBe(200);

    const r = await call(impact.GET, { token: admin.token, params: P("PUB-01") });
    expect(r.status).toBe(200);
    expect(r.json.published_version).toBe(1);
    expect(r.json.changes).toMatchObject({
      fields: ["title"],
      weights: [{ stage: "triage", from: 2, to: 5 }],
      answers: [{ stage: "triage", change: "changed" }],
      rubric: { removed: ["watch-quality"], added: [], changed: [] },
      decisions: { changed: ["respond"] },
      graph_changed: false,
      changed: true,
    });
    expect(r.json.attempts).toMatchObject({ total: 4, by_state: { submitted: 2, in_progress: 1, approved: 1 }, rescorable: 2, on_published_version: 4 });

    // A stale publish is refused like a stale save.
    expect((await call(publish.POST, { token: admin.token, params: P("PUB-01"), body: { draft_version: 1 } })).status).toBe(409);
    const before = await db.select().from(missionProgress).where(eq(missionProgress.id, waiting.id));
    const p = await call(publish.POST, { token: admin.token, params: P("PUB-01"), body: { rescore: true, draft_version: saved.json.draft_version } });
    expect(p.status).toBe(200);
    expect(p.json).toMatchObject({ version: 2, previous_version: 1, outcome: "updated", rescored: 2 });
    const [after] = await db.select().from(missionProgress).where(eq(missionProgress.id, waiting.id));
    expect(after.missionVersion).toBe(before[0].missionVersion);
    expect((after.prescore as { answers: Record<string, { verdict: string }> }).answers.triage.verdict).toBe("correct");

    const audit = await db.select().from(contentAudit).where(and(eq(contentAudit.ref, "PUB-01"), eq(contentAudit.kind, "mission")));
    expect(audit.map((a) => a.version).sort()).toEqual([1, 2]);
    expect(audit.find((a) => a.version === 2)).toMatchObject({ actorId: admin.id, action: "publish" });
    const [m2] = await db.select().from(missions).where(eq(missions.code, "PUB-01"));
    expect(m2).toMatchObject({ version: 2, title: "Revised", status: "published" });
    expect(await db.select({ v: missionVersions.version }).from(missionVersions).where(eq(missionVersions.missionId, m2.id))).toHaveLength(2);
    // Learners see the new version; the draft is cleared but its counter keeps growing.
    const seen = await call(detail.GET, { token: learnerView.token, params: { id: "PUB-01" } });
    expect(seen.json.title).toBe("Revised");
    const after2 = await call(one.GET, { token: admin.token, params: P("PUB-01") });
    expect(after2.json).toMatchObject({ has_draft: false, version: 2, draft_version: saved.json.draft_version + 1 });
    // Publishing again with nothing pending changes nothing.
    const again = await call(publish.POST, { token: admin.token, params: P("PUB-01"), body: {} });
    expect(again.json).toMatchObject({ version: 2, outcome: "unchanged", audit: null });
  });

  it("refuses an invalid draft with 422 and every problem, publishing nothing", async () => {
    const d = await copy("BAD-01");
    const m = structuredClone(d.mission);
    m.decisions[0].choices[0].next_stage = "nowhere";
    m.rubric[0].levels = [m.rubric[0].levels[0]];
    await call(one.PUT, { token: admin.token, params: P("BAD-01"), body: { draft_version: 1, mission: m } });
    const r = await call(publish.POST, { token: admin.token, params: P("BAD-01"), body: {} });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe("rule_not_met");
    expect(r.json.error.fields["rubric[0].levels"]).toMatch(/at least 2/);
    expect(r.json.error.problems.length).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(missions).where(eq(missions.code, "BAD-01"))).toHaveLength(0);
  });
});

describe("preview", () => {
  it("plays the draft in a sandbox, resettable, leaving progress, telemetry and analytics untouched", async () => {
    const d = await copy("PREV-01");
    const m = structuredClone(d.mission);
    m.stages[0].answer = { kind: "exact", value: "203.0.113.45" };
    await call(one.PUT, { token: admin.token, params: P("PREV-01"), body: { draft_version: 1, mission: m } });
    const marks = async () => (await rows<{ n: number }>(db, sql`select count(*)::int as n from analytics_changes`))[0].n;
    const [progressBefore] = await db.select({ n: count() }).from(missionProgress);
    const [eventsBefore] = await db.select({ n: count() }).from(telemetryEvents);
    const dirtyBefore = await marks();

    const s = await call(preview.POST, { token: admin.token, params: P("PREV-01"), body: {} });
    expect(s.status).toBe(200);
    expect(s.json).toMatchObject({ restarted: true, state: { current_stage: "triage", path: ["triage"], finished: false } });
    const wrong = await call(preview.POST, { token: admin.token, params: P("PREV-01"), body: { action: { type: "complete_stage", stage: "triage", answer: "10.0.0.1" } } });
    expect(wrong.json.feedback).toMatchObject({ kind: "answer", verdict: "incorrect" });
    expect(wrong.json.state.pending_decision).toMatchObject({ key: "respond" });
    const out = await call(preview.POST, { token: admin.token, params: P("PREV-01"), body: { action: { type: "choose", decision: "respond", choice_id: "watch" } } });
    expect(out.json).toMatchObject({ restarted: false, feedback: { kind: "consequence" }, state: { current_stage: "watch", decision_delta: -5 } });
    const refused = await call(preview.POST, { token: admin.token, params: P("PREV-01"), body: { action: { type: "complete_stage", stage: "report" } } });
    expect(refused.status).toBe(422);
    const reset = await call(preview.POST, { token: admin.token, params: P("PREV-01"), body: { reset: true } });
    expect(reset.json).toMatchObject({ restarted: true, state: { current_stage: "triage", completed: [], decision_delta: 0 } });
    expect((await call(preview.POST, { token: admin.token, params: P("PREV-01"), body: { action: { type: "teleport" } } })).status).toBe(400);

    expect((await db.select({ n: count() }).from(missionProgress))[0].n).toBe(progressBefore.n);
    expect((await db.select({ n: count() }).from(telemetryEvents))[0].n).toBe(eventsBefore.n);
    expect(await marks()).toBe(dirtyBefore);
  });
});
