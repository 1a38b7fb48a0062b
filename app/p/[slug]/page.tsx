import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { publicPortfolioItem } from "@/lib/db/queries/portfolio";
import { PortfolioItemCard } from "@/components/portfolio/portfolio-item-card";

// Public, signed-out page of one portfolio item: 404 unless the learner made it public.
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const item = await publicPortfolioItem({ slug: (await params).slug });
  return item ? { title: `${item.mission.code} by ${item.learner.name}`, robots: { index: false } } : { title: "Not found" };
}

export default async function PublicPortfolioItem({ params }: { params: Promise<{ slug: string }> }) {
  const item = await publicPortfolioItem({ slug: (await params).slug });
  if (!item) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm text-slate-600">Sortie portfolio</p>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{item.learner.name}</h1>
      <PortfolioItemCard item={item} />
      {item.claims.length > 0 && (
        <section aria-labelledby="claims-h" className="mt-4 rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="claims-h" className="font-semibold">
            What the mentor pointed at
          </h2>
          <p className="mt-1 text-xs text-slate-500">Each remark names the place in an evidence file; the file is identified by its SHA-256 and its contents stay private.</p>
          <ul className="mt-3 space-y-3 text-sm">
            {item.claims.map((c, i) => (
              <li key={i}>
                <p className="text-slate-900">{c.remark}</p>
                <p className="mt-0.5 text-xs text-slate-600">
                  {c.file.name}, {c.place} · <span className="break-all font-mono">sha256 {c.file.sha256}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="mt-4 text-xs text-slate-500">
        Reviewed and approved by a Sortie mentor. Evidence files are listed with their SHA-256 fingerprints; their contents stay private.
      </p>
    </div>
  );
}
