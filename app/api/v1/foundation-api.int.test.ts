import { describe, expect, it } from "vitest";
import { POST as register } from "./auth/register/route";
import { GET as me } from "./me/route";
import { POST as createToken } from "./me/tokens/route";
import { DELETE as revokeToken } from "./me/tokens/[token]/route";
import { POST as importContent } from "./admin/content/import/route";
import { GET as exportContent } from "./admin/content/export/route";
import { GET as openapi } from "./openapi.json/route";
import { call, makeUser } from "@/test/helpers";
import { fixturePack } from "@/test/fixtures";

describe("auth and tokens", () => {
  it("registers a learner (201), refuses the same email again (409) and never echoes the password", async () => {
    const body = { email: "new.learner@test.sortie.dev", password: "correct horse battery", name: "New Learner" };
    const r = await call(register, { body });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ email: "new.learner@test.sortie.dev", role: "learner", name: "New Learner" });
    expect(JSON.stringify(r.json)).not.toContain("correct horse");
    const again = await call(register, { body: { ...body, email: "NEW.learner@test.sortie.dev" } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
  });

  it("rejects malformed registrations with the wrong field named (400, never 500)", async () => {
    const short = await call(register, { body: { email: "x@test.sortie.dev", password: "short", name: "X" } });
    expect(short.status).toBe(400);
    expect(short.json.error.fields.password).toMatch(/10 characters/);
    const types = await call(register, { body: { email: 42, password: ["a"], name: null } });
    expect(types.status).toBe(400);
    expect(Object.keys(types.json.error.fields).sort()).toEqual(["email", "name", "password"]);
    const notJson = await call(register, { rawBody: "{nope", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe("bad_request");
    const huge = await call(register, { rawBody: JSON.stringify({ email: "a@b.co", password: "x".repeat(2_000_000), name: "A" }), headers: { "content-type": "application/json" } });
    expect(huge.status).toBe(413);
  });

  it("answers 401 in the JSON error shape without credentials or with a revoked token", async () => {
    const anon = await call(me);
    expect(anon.status).toBe(401);
    expect(anon.json).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    const bad = await call(me, { token: "srt_not-a-real-token" });
    expect(bad.status).toBe(401);
  });

  it("creates a token shown once, accepts it as Bearer, lists it without the secret, and revokes it", async () => {
    const u = await makeUser("learner");
    const created = await call(createToken, { token: u.token, body: { name: "laptop" } });
    expect(created.status).toBe(201);
    const secret = created.json.token as string;
    expect(secret).toMatch(/^srt_/);
    const viaNew = await call(me, { token: secret });
    expect(viaNew.status).toBe(200);
    expect(viaNew.json.id).toBe(u.id);
    expect(JSON.stringify(viaNew.json.tokens)).not.toContain(secret);
    // Another user cannot revoke it.
    const other = await makeUser("learner");
    expect((await call(revokeToken, { method: "DELETE", token: other.token, params: { token: created.json.id } })).status).toBe(404);
    expect((await call(revokeToken, { method: "DELETE", token: u.token, params: { token: created.json.id } })).status).toBe(200);
    expect((await call(me, { token: secret })).status).toBe(401);
  });
});

describe("content API permissions", () => {
  it("lets only admins import and export (learner, mentor, enterprise: 403)", async () => {
    for (const role of ["learner", "mentor", "enterprise"] as const) {
      const u = await makeUser(role);
      expect((await call(importContent, { token: u.token, body: fixturePack() })).status).toBe(403);
      expect((await call(exportContent, { token: u.token })).status).toBe(403);
    }
    expect((await call(importContent, { body: fixturePack() })).status).toBe(401);
  });

  it("imports as admin, reports errors by path for a broken pack, and exports", async () => {
    const admin = await makeUser("admin");
    const ok = await call(importContent, { token: admin.token, body: fixturePack() });
    expect(ok.status).toBe(200);
    expect(ok.json.missions.created).toEqual(["TEST-01"]);
    const broken = await call(importContent, { token: admin.token, body: { missions: [{ code: "bad code" }] } });
    expect(broken.status).toBe(400);
    expect(broken.json.error.fields["missions[0].code"]).toMatch(/SIEM-03/);
    expect(broken.json.error.fields["missions[0].title"]).toBeDefined();
    const dry = await call(importContent, { token: admin.token, body: fixturePack(), path: "/api/v1/admin/content/import?dry_run=1" });
    expect(dry.json).toMatchObject({ valid: true, missions: 1 });
    const exp = await call(exportContent, { token: admin.token });
    expect(exp.status).toBe(200);
    expect(exp.headers.get("content-disposition")).toMatch(/attachment/);
    expect(exp.json.missions[0].code).toBe("TEST-01");
  });
});

describe("OpenAPI", () => {
  it("documents the endpoints with their schemas", async () => {
    const r = await call(openapi as never);
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe("3.1.0");
    expect(r.json.paths["/auth/register"].post.requestBody.content["application/json"].schema.properties.password.minLength).toBe(10);
    expect(r.json.paths["/admin/content/import"].post).toBeDefined();
  });
});
