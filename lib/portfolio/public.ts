import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { portfolioItems, users } from "@/lib/db/schema";

// A learner's public portfolio (SPEC §3 Portfolio: "a public portfolio has a shareable page that
// shows nothing private"). Signed-out readers see the learner's display name and, for each item the
// learner made public, the mission, score and approval date with a link to the item's own page.
// Never an email, a private item, notes, evidence contents or anything about other roles.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PublicPortfolioEntry {
  code: string;
  title: string;
  track: string;
  tier: string;
  score: number;
  /** When the mentor approved the mission (the item's completion date), ISO 8601. */
  approved_at: string;
  /** The item's own public page. */
  url: string;
}

export interface PublicLearnerPortfolio {
  learner: { name: string };
  items: PublicPortfolioEntry[];
}

/** Where a learner's public portfolio lives (an absolute path on this site). */
export function publicPortfolioPath(userId: string): string {
  return `/p/learner/${userId}`;
}

/**
 * The public portfolio of one learner, newest approval first; undefined (a 404 for the page) when
 * the id is malformed or unknown, the user is not a learner, or none of their items is public.
 */
export async function publicLearnerPortfolio({ userId, tx = db }: { userId: string; tx?: Tx }): Promise<PublicLearnerPortfolio | undefined> {
  if (!UUID.test(userId)) return undefined;
  const rows = await tx
    .select({
      name: users.name,
      code: portfolioItems.code,
      title: portfolioItems.title,
      track: portfolioItems.track,
      tier: portfolioItems.tier,
      score: portfolioItems.score,
      completedAt: portfolioItems.completedAt,
      slug: portfolioItems.publicSlug,
    })
    .from(portfolioItems)
    .innerJoin(users, eq(users.id, portfolioItems.userId))
    .where(and(eq(portfolioItems.userId, userId), eq(portfolioItems.public, true), eq(users.role, "learner")))
    .orderBy(desc(portfolioItems.completedAt), portfolioItems.code);
  if (rows.length === 0) return undefined;
  return {
    learner: { name: rows[0].name },
    items: rows.map((r) => ({
      code: r.code,
      title: r.title,
      track: r.track,
      tier: r.tier,
      score: r.score,
      approved_at: r.completedAt.toISOString(),
      url: `/p/${r.slug}`,
    })),
  };
}
