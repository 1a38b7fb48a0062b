import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { call, completeFoundations, loadFixtures, makeUser, type TestUser } from "@/test/helpers";
import * as catalogue from "./missions/route";
import * as start from "./missions/[id]/start/route";
import * as tools from "./missions/[id]/tools/route";
import * as reflection from "./missions/[id]/reflection/route";
import * as performance from "./missions/analytics/performance/route";
import * as recipes from "./recipes/route";
import * as ingest from "./telemetry/events/route";
import * as tokens from "./me/tokens/route";

// The inputs that reached Postgres or the runtime and came back as 500s (issue 19), each now a 400
// naming the field. The fuzz suite looks for more of the same kind; these keep the known ones.

const M = { id: "TEST-01" };
let learner: TestUser;
let admin: TestUser;

beforeAll(async () => {
  await loadFixtures();
  learner = await makeUser("learner");
  admin = await makeUser("admin");
  await completeFoundations(learner.id);
  expect((await call(start.POST, { token: learner.token, params: M })).status).toBe(201);
});

describe("bad input is a 400 naming the field, never a 500", () => {
  it.each([
    ["/api/v1/missions?q=%00", catalogue.GET, "q"],
    ["/api/v1/recipes?q=a%00b", recipes.GET, "q"],
    ["/api/v1/recipes?skill=%00", recipes.GET, "skill"],
    ["/api/v1/recipes?tool=%00", recipes.GET, "tool"],
  ])("NUL in a query: %s", async (path, handler, field) => {
    const r = await call(handler, { token: learner.token, path });
    expect(r.status).toBe(400);
    expect(r.json.error.fields[field]).toMatch(/NUL/);
  });

  it("a lone surrogate in a value stored as jsonb", async () => {
    const r = await call(tools.POST, { token: learner.token, params: M, body: { stage: "triage", tool: "\ud800" } });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.tool).toMatch(/surrogate/);
  });

  it("NUL in a reflection and in a token name", async () => {
    const r = await call(reflection.PUT, { token: learner.token, params: M, body: { reflection: "I learnt \u0000 a lot" } });
    expect(r.status).toBe(400);
    expect(Object.values(r.json.error.fields).join()).toMatch(/NUL/);
    const t = await call(tokens.POST, { token: learner.token, body: { name: "ci\u0000" } });
    expect(t.status).toBe(400);
    expect(t.json.error.fields.name).toMatch(/NUL/);
  });

  it.each(["9999-12-31", "0000-01-01", "1000-01-01"])("a date out of range: to=%s", async (day) => {
    const r = await call(performance.GET, { token: admin.token, path: `/api/v1/missions/analytics/performance?to=${day}` });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.to).toMatch(/between 1900-01-01 and 2999-12-31/);
  });

  it("a telemetry payload nested 6,000 levels deep", async () => {
    const payload = `${'{"a":'.repeat(6000)}1${"}".repeat(6000)}`;
    const raw = `{"events":[{"event_id":"${randomUUID()}","type":"recipe.viewed","occurred_at":"${new Date().toISOString()}","payload":${payload}}]}`;
    const r = await call(ingest.POST, { token: learner.token, rawBody: raw, headers: { "content-type": "text/plain" } });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toBeTypeOf("string");
    expect(Object.values(r.json.error.fields).join()).toMatch(/nested more than 64 levels/);
  });
});

describe("cookie-authenticated writes from another site", () => {
  it("are refused with 403 before the session is even read; Bearer callers and same-origin pages are not", async () => {
    const foreign = await call(tokens.POST, { body: { name: "x" }, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.message).toMatch(/Cross-site/);
    expect((await call(tokens.POST, { body: { name: "x" }, headers: { origin: "null" } })).status).toBe(403);
    // Same origin, no session: the ordinary 401.
    expect((await call(tokens.POST, { body: { name: "x" }, headers: { origin: "http://localhost" } })).status).toBe(401);
    // A token is not a cookie: no ambient authority to abuse, whatever Origin says.
    expect((await call(tokens.POST, { token: learner.token, body: { name: "ci" }, headers: { origin: "https://evil.example" } })).status).toBe(201);
  });
});

describe("personal access tokens with an expiry", () => {
  it("a token lasts its days and then no longer works; the answer names the expiry and the last use", async () => {
    const { GET: meGET } = await import("./me/route");
    const { db } = await import("@/lib/db");
    const { apiTokens } = await import("@/lib/db/schema");
    const { eq } = await import("drizzle-orm");
    const created = await call(tokens.POST, { token: learner.token, body: { name: "ci", expires_in_days: 30 } });
    expect(created.status).toBe(201);
    const days = (Date.parse(created.json.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const forever = await call(tokens.POST, { token: learner.token, body: { name: "forever" } });
    expect(forever.json.expires_at).toBeNull();
    expect((await call(tokens.POST, { token: learner.token, body: { name: "x", expires_in_days: 0 } })).json.error.fields.expires_in_days).toBeDefined();
    expect((await call(tokens.POST, { token: learner.token, body: { name: "x", expires_in_days: 366 } })).status).toBe(400);

    const used = await call(meGET, { token: created.json.token });
    expect(used.status).toBe(200);
    expect(used.json.tokens.find((t: { id: string }) => t.id === created.json.id).last_used_at).not.toBeNull();
    // Noted at most once a minute: a second use right away leaves it; a use after two quiet minutes moves it.
    const usedAt = async () => (await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, created.json.id)))[0].at!.getTime();
    const firstUse = await usedAt();
    await call(meGET, { token: created.json.token });
    expect(await usedAt()).toBe(firstUse);
    await db.update(apiTokens).set({ lastUsedAt: new Date(Date.now() - 120_000) }).where(eq(apiTokens.id, created.json.id));
    await call(meGET, { token: created.json.token });
    expect(Date.now() - (await usedAt())).toBeLessThan(30_000);
    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, created.json.id));
    const expired = await call(meGET, { token: created.json.token });
    expect(expired.status).toBe(401);
    expect((await call(meGET, { token: forever.json.token })).status).toBe(200);
  });
});
