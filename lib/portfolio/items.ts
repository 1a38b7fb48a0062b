import "server-only";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { portfolioItemsOf, updatePortfolioVisibility, type PortfolioItemRow } from "@/lib/db/queries/portfolio";

// The caller's own portfolio (SPEC §3 Portfolio): list it, and make an item public or private.

export function toPortfolioItem(r: PortfolioItemRow) {
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

export async function listPortfolio({ caller }: { caller: Pick<Caller, "id"> }) {
  return (await portfolioItemsOf({ userId: caller.id })).map(toPortfolioItem);
}

/** Someone else's item is a 404: whether it exists is not the caller's business. */
export async function setPortfolioVisibility({ caller, itemId, isPublic }: { caller: Pick<Caller, "id">; itemId: string; isPublic: boolean }) {
  const r = await updatePortfolioVisibility({ userId: caller.id, itemId, isPublic });
  if (!r) throw errors.notFound("Portfolio item");
  return toPortfolioItem(r);
}
