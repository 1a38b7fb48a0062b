import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { listPortfolio } from "@/lib/portfolio/items";
import { publicPortfolioPath } from "@/lib/portfolio/public";
import { ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { PortfolioItemCard } from "@/components/portfolio/portfolio-item-card";
import { ShareLink } from "@/components/portfolio/share-link";
import { VisibilityToggle } from "@/components/portfolio/visibility-toggle";

export const metadata = { title: "Portfolio" };

export default async function PortfolioPage() {
  const caller = await requireRole("learner", "mentor", "admin");
  const items = await listPortfolio({ caller });
  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Every mission your mentor approved, with its score, rubric summary, your reflection and your evidence fingerprints. Items are private until you make them public."
      />
      {caller.role === "learner" && items.length > 0 && (
        <Card className="mb-6">
          <h2 className="font-semibold">Share your portfolio</h2>
          {items.some((i) => i.public) ? (
            <>
              <p className="mb-3 mt-1 text-sm text-slate-600">
                One page with your name and the items you made public: mission, track, tier, score and approval date. Your email and private items never appear on it.
              </p>
              <ShareLink path={publicPortfolioPath(caller.id)} label="Your public portfolio page" />
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-600">Make an item public below to get a public portfolio page you can share.</p>
          )}
        </Card>
      )}
      {items.length === 0 ? (
        <EmptyState title="No portfolio items yet" action={<ButtonLink href="/dashboard">Find a mission</ButtonLink>}>
          When a mentor approves one of your missions, it appears here automatically.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {items.map((item) => (
            <li key={item.id}>
              <PortfolioItemCard
                item={item}
                actions={<VisibilityToggle itemId={item.id} initial={item.public} title={`${item.mission.code} ${item.mission.title}`} />}
              />
              {item.public_url && (
                <p className="mt-2 text-sm text-slate-600">
                  Shareable page:{" "}
                  <Link href={item.public_url} className="break-all text-brand-700 underline">
                    {item.public_url}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
