import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/lib/db";
import { missionProgress, missions, portfolioItems } from "@/lib/db/schema";
import { loadFixtures, makeUser, type TestUser } from "@/test/helpers";
import PublicLearnerPortfolioPage from "@/app/p/learner/[userId]/page";
import { publicLearnerPortfolio, publicPortfolioPath } from "./public";

let missionId: string;
let learner: TestUser;
let privateOnly: TestUser;
let mentor: TestUser;
let attempt = 0;

const SECRET_REFLECTION = "my private reflection mentions the internal hostname db-07.corp";

/** An approved attempt of TEST-01 with its portfolio item (the row submitReview writes). */
async function addItem(user: TestUser, item: { title: string; public: boolean; score: number; approvedAt: string; slug: string }) {
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: user.id, missionId, missionVersion: 1, attempt: ++attempt, state: "approved", score: item.score, passed: true })
    .returning({ id: missionProgress.id });
  await db.insert(portfolioItems).values({
    userId: user.id,
    progressId: p.id,
    missionId,
    code: "TEST-01",
    title: item.title,
    track: "defender",
    tier: "beginner",
    score: item.score,
    rubricSummary: [{ criterion: "Triage", level: "Strong", points: 3, max: 3 }],
    reflection: SECRET_REFLECTION,
    evidence: [{ name: "auth.log", sha256: "a".repeat(64), size: 120 }],
    completedAt: new Date(item.approvedAt),
    public: item.public,
    publicSlug: item.slug,
  });
}

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  learner = await makeUser("learner", { name: "Lena Public" });
  privateOnly = await makeUser("learner", { name: "Pat Private" });
  mentor = await makeUser("mentor", { name: "Mira Mentor" });
  await addItem(learner, { title: "Older public win", public: true, score: 81.5, approvedAt: "2026-03-01T10:00:00Z", slug: "test-01-older0public" });
  await addItem(learner, { title: "Newer public win", public: true, score: 92, approvedAt: "2026-04-02T10:00:00Z", slug: "test-01-newer0public" });
  await addItem(learner, { title: "Hidden attempt", public: false, score: 55, approvedAt: "2026-05-01T10:00:00Z", slug: "test-01-hidden0item" });
  await addItem(privateOnly, { title: "Only private", public: false, score: 70, approvedAt: "2026-04-01T10:00:00Z", slug: "test-01-only0private" });
  await addItem(mentor, { title: "Mentor's own", public: true, score: 99, approvedAt: "2026-04-01T10:00:00Z", slug: "test-01-mentor0own" });
});

describe("publicLearnerPortfolio", () => {
  it("lists only the learner's public items, newest approval first, with the fields a visitor needs", async () => {
    const p = await publicLearnerPortfolio({ userId: learner.id });
    expect(p).toEqual({
      learner: { name: "Lena Public" },
      items: [
        { code: "TEST-01", title: "Newer public win", track: "defender", tier: "beginner", score: 92, approved_at: "2026-04-02T10:00:00.000Z", url: "/p/test-01-newer0public" },
        { code: "TEST-01", title: "Older public win", track: "defender", tier: "beginner", score: 81.5, approved_at: "2026-03-01T10:00:00.000Z", url: "/p/test-01-older0public" },
      ],
    });
  });

  it("carries nothing private: no email, id, private item, reflection or evidence", async () => {
    const json = JSON.stringify(await publicLearnerPortfolio({ userId: learner.id }));
    for (const secret of [learner.email, learner.id, "Hidden attempt", "test-01-hidden0item", SECRET_REFLECTION, "auth.log", "a".repeat(64)]) {
      expect(json).not.toContain(secret);
    }
  });

  it("follows the learner's choice: an item made private disappears, the last one makes the page go away", async () => {
    await db.update(portfolioItems).set({ public: false }).where(eq(portfolioItems.publicSlug, "test-01-newer0public"));
    expect((await publicLearnerPortfolio({ userId: learner.id }))?.items.map((i) => i.title)).toEqual(["Older public win"]);
    await db.update(portfolioItems).set({ public: false }).where(eq(portfolioItems.publicSlug, "test-01-older0public"));
    expect(await publicLearnerPortfolio({ userId: learner.id })).toBeUndefined();
    await db.update(portfolioItems).set({ public: true }).where(eq(portfolioItems.userId, learner.id));
    await db.update(portfolioItems).set({ public: false }).where(eq(portfolioItems.publicSlug, "test-01-hidden0item"));
  });

  it.each([
    ["an unknown id", () => "00000000-0000-4000-8000-000000000000"],
    ["a malformed id", () => "not-a-uuid'; select 1"],
    ["a learner without a public item", () => privateOnly.id],
    ["a user who is not a learner", () => mentor.id],
  ])("has no public portfolio for %s", async (_, id) => {
    expect(await publicLearnerPortfolio({ userId: id() })).toBeUndefined();
  });

  it("lives at /p/learner/<id>", () => {
    expect(publicPortfolioPath(learner.id)).toBe(`/p/learner/${learner.id}`);
  });
});

describe("the public learner page /p/learner/[userId]", () => {
  const render = async (userId: string) => renderToStaticMarkup(await PublicLearnerPortfolioPage({ params: Promise.resolve({ userId }) }));
  const notFoundStatus = async (userId: string) => {
    try {
      await render(userId);
      return "rendered";
    } catch (e) {
      return (e as { digest?: string }).digest;
    }
  };

  it("shows the learner's name and public items with links to their pages, and nothing private", async () => {
    const html = await render(learner.id);
    expect(html).toContain("<h1");
    expect(html).toContain("Lena Public");
    expect(html).toContain("Newer public win");
    expect(html).toContain('href="/p/test-01-older0public"');
    expect(html).toContain("92.0");
    expect(html).toContain('dateTime="2026-04-02T10:00:00.000Z"');
    for (const secret of [learner.email, "Hidden attempt", "test-01-hidden0item", SECRET_REFLECTION, "auth.log"]) expect(html).not.toContain(secret);
  });

  it("is a 404 for unknown ids, learners without public items and other roles", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope", privateOnly.id, mentor.id]) {
      expect(await notFoundStatus(id), id).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    }
  });
});
