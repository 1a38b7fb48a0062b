import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { evidence, portfolioItems, reviewAnchors, reviews, users } from "@/lib/db/schema";

// Portfolio (SPEC §3): an approved mission adds an item (written by submitReview in the review
// transaction). The learner's own items are read and toggled here, scoped to their user id; a public
// item has a page that shows nothing private: the learner's display name, the mission, score, rubric
// summary, reflection and evidence file names with their SHA-256 — never an email, notes or evidence
// contents. JSON for the learner's own items: lib/portfolio/items.ts.

export type PortfolioItemRow = typeof portfolioItems.$inferSelect;

/** The user's items, newest completion first. */
export async function portfolioItemsOf({ userId, tx = db }: { userId: string; tx?: Tx }): Promise<PortfolioItemRow[]> {
  return tx.select().from(portfolioItems).where(eq(portfolioItems.userId, userId)).orderBy(desc(portfolioItems.completedAt));
}

/** Makes one of the user's items public or private; undefined when no such item is theirs. */
export async function updatePortfolioVisibility({ userId, itemId, isPublic, tx = db }: { userId: string; itemId: string; isPublic: boolean; tx?: Tx }): Promise<PortfolioItemRow | undefined> {
  const [r] = await tx
    .update(portfolioItems)
    .set({ public: isPublic })
    .where(and(eq(portfolioItems.id, itemId), eq(portfolioItems.userId, userId)))
    .returning();
  return r;
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
  // Claims with their proof (SPEC §7): the approving review's anchored remarks, each with the file's
  // name, its SHA-256 and the place in it; never the file's contents, key or address.
  const claims = await tx
    .select({ remark: reviewAnchors.remark, criterion: reviewAnchors.criterionKey, kind: reviewAnchors.kind, startLine: reviewAnchors.startLine, endLine: reviewAnchors.endLine, page: reviewAnchors.page, x: reviewAnchors.x, y: reviewAnchors.y, w: reviewAnchors.w, h: reviewAnchors.h, fileName: evidence.fileName, sha256: evidence.sha256 })
    .from(reviewAnchors)
    .innerJoin(evidence, eq(evidence.id, reviewAnchors.evidenceId))
    .where(
      eq(
        reviewAnchors.reviewId,
        sql`(select r.id from ${reviews} r where r.progress_id = ${i.progressId} and r.outcome = 'approved' order by r.created_at desc limit 1)`,
      ),
    )
    .orderBy(asc(reviewAnchors.position));
  return {
    learner: { name: r.learnerName },
    mission: { code: i.code, title: i.title, track: i.track, tier: i.tier },
    score: i.score,
    rubric_summary: i.rubricSummary,
    reflection: i.reflection,
    evidence: i.evidence.map((e) => ({ name: e.name, sha256: e.sha256, size: e.size })),
    completed_at: i.completedAt.toISOString(),
    claims: claims.map((c) => ({
      remark: c.remark,
      criterion: c.criterion,
      file: { name: c.fileName ?? "file", sha256: c.sha256 ?? "" },
      place:
        c.kind === "lines"
          ? c.startLine === c.endLine ? `line ${c.startLine}` : `lines ${c.startLine}–${c.endLine}`
          : c.kind === "page"
            ? `page ${c.page}`
            : `region at ${Math.round((c.x ?? 0) * 100)}%, ${Math.round((c.y ?? 0) * 100)}% (${Math.round((c.w ?? 0) * 100)}% × ${Math.round((c.h ?? 0) * 100)}% of the image)`,
    })),
  };
}
