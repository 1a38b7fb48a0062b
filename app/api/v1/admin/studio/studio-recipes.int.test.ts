import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { contentAudit, recipeProgress, recipes } from "@/lib/db/schema";
import { call, loadFixtures, makeUser, type TestUser } from "@/test/helpers";
import * as list from "./recipes/route";
import * as one from "./recipes/[slug]/route";
import * as validate from "./recipes/[slug]/validate/route";
import * as impact from "./recipes/[slug]/impact/route";
import * as publish from "./recipes/[slug]/publish/route";
import * as preview from "./recipes/[slug]/preview/route";
import * as detail from "../../recipes/[slug]/route";

let admin: TestUser;

beforeAll(async () => {
  await loadFixtures();
  admin = await makeUser("admin", { name: "Ada Admin" });
});

const P = (slug: string) => ({ slug });

describe("recipe studio", () => {
  it("is for admins only", async () => {
    const mentor = await makeUser("mentor");
    expect((await call(list.GET, {})).status).toBe(401);
    expect((await call(list.GET, { token: mentor.token })).status).toBe(403);
    expect((await call(one.PUT, { token: mentor.token, params: P("grep-auth-logs"), body: { draft_version: 0 } })).status).toBe(403);
    expect((await call(publish.POST, { token: mentor.token, params: P("grep-auth-logs"), body: {} })).status).toBe(403);
  });

  it("copies, saves with draft_version (409 when stale), validates by path, previews, publishes with a version bump", async () => {
    const created = await call(list.POST, { token: admin.token, body: { slug: "grep-auth-logs-v2", copy_from: "grep-auth-logs" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ slug: "grep-auth-logs-v2", status: "draft", draft_version: 1, recipe: { slug: "grep-auth-logs-v2" } });
    const r = structuredClone(created.json.recipe);
    r.steps[0].title = "";
    r.related = ["no-such-recipe"];
    const saved = await call(one.PUT, { token: admin.token, params: P("grep-auth-logs-v2"), body: { draft_version: 1, recipe: r } });
    expect(saved.status).toBe(200);
    expect((await call(one.PUT, { token: admin.token, params: P("grep-auth-logs-v2"), body: { draft_version: 1, recipe: r } })).json.error).toMatchObject({ code: "conflict", last_saved_by: { name: "Ada Admin" } });

    const v = await call(validate.POST, { token: admin.token, params: P("grep-auth-logs-v2") });
    expect(v.json.valid).toBe(false);
    expect(v.json.problems.map((p: { path: string }) => p.path)).toContain("steps[0].title");
    const refused = await call(publish.POST, { token: admin.token, params: P("grep-auth-logs-v2"), body: {} });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields["steps[0].title"]).toBeTruthy();

    r.steps[0].title = "Filter the failures";
    r.related = ["write-sigma-rule"];
    await call(one.PUT, { token: admin.token, params: P("grep-auth-logs-v2"), body: { draft_version: 2, recipe: r } });
    const pv = await call(preview.POST, { token: admin.token, params: P("grep-auth-logs-v2"), body: { complete_step: 0 } });
    expect(pv.json).toMatchObject({ recipe: { title: r.title }, state: { steps_completed: [0], completed: false } });
    expect((await call(preview.POST, { token: admin.token, params: P("grep-auth-logs-v2"), body: { complete_step: 9 } })).status).toBe(422);
    expect((await call(preview.POST, { token: admin.token, params: P("grep-auth-logs-v2"), body: { reset: true } })).json.state.steps_completed).toEqual([]);

    const p = await call(publish.POST, { token: admin.token, params: P("grep-auth-logs-v2"), body: {} });
    expect(p.status).toBe(200);
    expect(p.json).toMatchObject({ slug: "grep-auth-logs-v2", version: 1, outcome: "created", audit: { by: { name: "Ada Admin" } } });
    const learner = await makeUser("learner");
    expect((await call(detail.GET, { token: learner.token, params: P("grep-auth-logs-v2") })).json.steps[0].title).toBe("Filter the failures");
  });

  it("shows what an edit of a published recipe changes and who is part-way through it", async () => {
    const [rec] = await db.select().from(recipes).where(eq(recipes.slug, "brief-stakeholders"));
    const a = await makeUser("learner");
    const b = await makeUser("learner");
    await db.insert(recipeProgress).values([{ userId: a.id, recipeId: rec.id }, { userId: b.id, recipeId: rec.id, completedAt: new Date() }]);
    const d = await call(one.GET, { token: admin.token, params: P("brief-stakeholders") });
    expect(d.json).toMatchObject({ status: "published", draft_version: 0 });
    const r = structuredClone(d.json.recipe);
    r.steps.push({ title: "Send it", body: "Send the brief.", expected_outcome: "Sent." });
    r.summary = "A five-sentence brief.";
    await call(one.PUT, { token: admin.token, params: P("brief-stakeholders"), body: { draft_version: 0, recipe: r } });
    const i = await call(impact.GET, { token: admin.token, params: P("brief-stakeholders") });
    expect(i.json).toMatchObject({ published_version: rec.version, changes: { fields: ["summary"], steps: { added: 1, removed: 0, changed: [] }, changed: true }, learners: { total: 2, by_state: { in_progress: 1, completed: 1 } } });
    const p = await call(publish.POST, { token: admin.token, params: P("brief-stakeholders"), body: { draft_version: 1 } });
    expect(p.json).toMatchObject({ version: rec.version + 1, previous_version: rec.version, outcome: "updated" });
    expect(await db.select().from(contentAudit).where(and(eq(contentAudit.kind, "recipe"), eq(contentAudit.ref, "brief-stakeholders")))).toHaveLength(1);
  });
});
