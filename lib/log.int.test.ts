import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { defineContract } from "@/lib/api/contract";
import { route } from "@/lib/api/handler";
import { describeError } from "./log";

// Issue 19: a failed insert logged the whole statement with its parameters (a bcrypt hash and the
// email on sign-up). Now a failure is logged by its code and operation only.
const HASH = "$2b$12$THISISASECRETHASHVALUEthatmustneverbelogged0123";
const EMAIL = "secret.person@test.sortie.dev";

async function failingInsert() {
  // role violates users_role_ck: Postgres refuses the row after drizzle built the statement.
  await db.insert(users).values({ email: EMAIL, name: "Secret Person", passwordHash: HASH, role: "overlord" });
}

describe("logging a failure", () => {
  it("a failed insert is logged by SQLSTATE, constraint and operation, without any parameter", async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(" ")));
    try {
      const contract = defineContract({ method: "post", path: "/test/log", summary: "test", tag: "test", body: z.object({}) });
      const handler = route(contract, async () => failingInsert());
      const res = await handler(new Request("http://localhost/api/v1/test/log", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }));
      expect(res.status).toBe(500);
      expect(JSON.stringify(await res.json())).not.toContain(HASH);
    } finally {
      spy.mockRestore();
    }
    const text = logged.join("\n");
    expect(text).toContain("POST /api/v1/test/log failed");
    expect(text).toContain("23514");
    expect(text).toContain("users_role_ck");
    for (const secret of [HASH, EMAIL, "overlord", "Secret Person", "insert into"]) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it("describes a failure whose value sits in Postgres's own message (invalid uuid) without the value", async () => {
    const e = await db.select().from(users).where(eq(users.id, "not-a-uuid-secret-value")).catch((x: unknown) => x);
    const d = describeError(e);
    expect(d).toMatch(/^database error 22P02/);
    expect(d).not.toContain("secret-value");
  });
});
