import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { makeUser, TEST_PASSWORD } from "@/test/helpers";
import { checkCredentials } from "./credentials";
import { hashPassword, needsRehash, verifyPassword } from "./password";

const hashOf = async (id: string) => (await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id)))[0].h;

describe("password hashing", () => {
  it("hashes with argon2id and verifies both argon2id and bcrypt hashes", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(h)).toBe(false);
    expect(await verifyPassword("correct horse battery", h)).toBe(true);
    expect(await verifyPassword("wrong", h)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });

  it("rehashes a bcrypt hash at the next successful sign-in, and only then", async () => {
    const u = await makeUser("learner"); // the test helper stores a bcrypt hash
    const before = await hashOf(u.id);
    expect(before).toMatch(/^\$2[aby]\$/);
    expect(await checkCredentials({ email: u.email, password: "wrong password" })).toBeNull();
    expect(await hashOf(u.id)).toBe(before);
    expect(await checkCredentials({ email: u.email, password: TEST_PASSWORD })).toMatchObject({ id: u.id });
    const after = await hashOf(u.id);
    expect(after).toMatch(/^\$argon2id\$/);
    expect(await checkCredentials({ email: u.email, password: TEST_PASSWORD })).toMatchObject({ id: u.id });
    expect(await hashOf(u.id)).toBe(after);
  });
});

describe("sign-in rate limit with a forged X-Forwarded-For", () => {
  it("rotating the header buys no extra guesses on one account (no trusted proxy)", async () => {
    const u = await makeUser("learner");
    const outcomes = [];
    for (let i = 0; i < 12; i++) {
      const h = new Headers({ "x-forwarded-for": `198.51.100.${i}` });
      outcomes.push(await checkCredentials({ email: u.email, password: `guess ${i}` }, h));
    }
    // SORTIE_SIGNIN_LIMIT is 10: ten wrong answers, then refused whatever the header says.
    expect(outcomes).toEqual([...Array(10).fill(null), "rate_limited", "rate_limited"]);
    expect(await checkCredentials({ email: u.email, password: TEST_PASSWORD }, new Headers({ "x-forwarded-for": "203.0.113.200" }))).toBe("rate_limited");
  });
});
