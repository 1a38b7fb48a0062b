import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { publicLearnerPortfolio } from "@/lib/portfolio/public";
import { Badge, Card } from "@/components/ui";
import { tierLabel, trackLabel } from "@/lib/labels";

// Public, signed-out page of a learner's portfolio: their display name and the items they made
// public. 404 when the learner does not exist, is not a learner, or has no public item.
const load = cache((userId: string) => publicLearnerPortfolio({ userId }));

export async function generateMetadata({ params }: { params: Promise<{ userId: string }> }): Promise<Metadata> {
  const p = await load((await params).userId);
  return p ? { title: `${p.learner.name} · portfolio`, robots: { index: false } } : { title: "Not found" };
}

export default async function PublicLearnerPortfolioPage({ params }: { params: Promise<{ userId: string }> }) {
  const p = await load((await params).userId);
  if (!p) notFound();
  const n = p.items.length;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm text-slate-600">Sortie portfolio</p>
      <h1 className="text-2xl font-semibold tracking-tight">{p.learner.name}</h1>
      <p className="mb-5 mt-1 text-slate-600">
        {n} mission{n === 1 ? "" : "s"} reviewed and approved by a Sortie mentor.
      </p>
      <ul className="space-y-3" aria-label="Approved missions">
        {p.items.map((i) => (
          <li key={i.url}>
            <Card className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <h2 className="font-semibold">
                  <Link href={i.url} className="text-brand-700 underline">
                    <span className="font-mono text-sm">{i.code}</span> {i.title}
                  </Link>
                </h2>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  <Badge tone="blue">{trackLabel(i.track)}</Badge>
                  <Badge tone="purple">{tierLabel(i.tier)}</Badge>
                  <span>
                    approved <time dateTime={i.approved_at}>{i.approved_at.slice(0, 10)}</time>
                  </span>
                </p>
              </div>
              <p className="sm:text-right">
                <span className="block text-xs uppercase tracking-wide text-slate-500">Score</span>
                <span className="text-2xl font-semibold tabular-nums">{i.score.toFixed(1)}</span>
              </p>
            </Card>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-xs text-slate-500">Each mission links to its page with the rubric summary, the reflection and the evidence fingerprints.</p>
    </div>
  );
}
