import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { portfolioItems, users } from "@/lib/db/schema";
import { errors } from "@/lib/errors";

// Portfolio (SPEC §3): an approved mission adds an item (written by submitReview in the review
// transaction). The learner sees and toggles their own items; a public item has a page that shows
// nothing private: the learner's display name, the mission, score, rubric summary, reflection and
// evidence file names with their SHA-256 — never an email, notes or evidence contents.

type Row = typeof portfolioItems.$inferSelect;

export function toPortfolioItem(r: Row) {
  return {
    id: r.id,
    progress_id: r.progressId,
    mission: { id: r.missionId, code: r.code, title: r.title, track: r.track, tier: r.tier },
    score: r.score,
    rubric_summary: r.rubricSummary,
    reflection: r.reflection,
    evidence: r.evidence,
    completed_at: r.completedAt.toISOString(),
    public: r.public,
    public_slug: r.publicSlug,
    public_url: r.public ? `/p/${r.publicSlug}` : null,
  };
}
export type PortfolioItemJson = ReturnType<typeof toPortfolioItem>;

export async function listPortfolio({ userId, tx = db }: { userId: string; tx?: Tx }) {
  const list = await tx.select().from(portfolioItems).where(eq(portfolioItems.userId, userId)).orderBy(desc(portfolioItems.completedAt));
  return list.map(toPortfolioItem);
}

/** Makes one of the caller's items public or private; someone else's item is a 404. */
export async function setPortfolioVisibility({ userId, itemId, isPublic, tx = db }: { userId: string; itemId: string; isPublic: boolean; tx?: Tx }) {
  const [r] = await tx
    .update(portfolioItems)
    .set({ public: isPublic })
    .where(and(eq(portfolioItems.id, itemId), eq(portfolioItems.userId, userId)))
    .returning();
  if (!r) throw errors.notFound("Portfolio item");
  return toPortfolioItem(r);
}

/** A public item by its slug, or undefined when it does not exist or is private. */
export async function publicPortfolioItem({ slug, tx = db }: { slug: string; tx?: Tx }) {
  if (!/^[a-z0-9-]{3,80}$/.test(slug)) return undefined;
  const [r] = await tx
    .select({ item: portfolioItems, learnerName: users.name })
    .from(portfolioItems)
    .innerJoin(users, eq(users.id, portfolioItems.userId))
    .where(and(eq(portfolioItems.publicSlug, slug), eq(portfolioItems.public, true)))
    .limit(1);
  if (!r) return undefined;
  const i = r.item;
  return {
    learner: { name: r.learnerName },
    mission: { code: i.code, title: i.title, track: i.track, tier: i.tier },
    score: i.score,
    rubric_summary: i.rubricSummary,
    reflection: i.reflection,
    evidence: i.evidence.map((e) => ({ name: e.name, sha256: e.sha256, size: e.size })),
    completed_at: i.completedAt.toISOString(),
  };
}
