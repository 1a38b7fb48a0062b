import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { readFoundations } from "@/lib/foundations/progress";
import { Badge, ButtonLink, Card } from "@/components/ui";
import { Markdown } from "@/components/ui/markdown";
import { SelfCheckForm } from "@/components/missions/self-check-form";
import { MarkDoneButton } from "@/components/missions/foundations-forms";
import { formatDate, formatMinutes } from "@/components/missions/format";

async function load(slug: string) {
  const caller = await requireRole("learner", "mentor", "admin");
  const f = await readFoundations({ caller });
  const i = f.modules.findIndex((m) => m.slug === slug);
  if (i < 0) notFound();
  return { f, m: f.modules[i], i, next: f.modules[i + 1] };
}

export async function generateMetadata({ params }: { params: Promise<{ module: string }> }) {
  const { module } = await params;
  return { title: `Foundations: ${module.replace(/-/g, " ")}` };
}

export default async function FoundationModulePage({ params }: { params: Promise<{ module: string }> }) {
  const { module } = await params;
  const { f, m, i, next } = await load(module);
  return (
    <article className="mx-auto max-w-3xl">
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href="/foundations" className="font-medium text-brand-700 hover:underline">Foundations</Link> <span aria-hidden>›</span> Module {i + 1} of {f.total}
      </nav>
      <header className="mb-6">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{m.title}</h1>
        <p className="mt-2 text-slate-700">{m.summary}</p>
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <Badge>{formatMinutes(m.estimated_minutes)}</Badge>
          <Badge tone={m.required ? "blue" : "slate"}>{m.required ? "Required" : "Optional"}</Badge>
          {m.completed_at ? <Badge tone="green">Done · {formatDate(new Date(m.completed_at))}</Badge> : <Badge tone="amber">Not done yet</Badge>}
          {m.self_check.length > 0 && <a href="#self-check" className="font-medium text-brand-700 hover:underline">Skip to the self-check</a>}
        </div>
      </header>

      <Card className="min-w-0">
        <Markdown>{m.body || m.summary}</Markdown>
      </Card>

      {m.recipes.length > 0 && (
        <section aria-labelledby="recipes-h" className="mt-8">
          <h2 id="recipes-h" className="text-xl font-semibold text-slate-900">Practise it with a recipe</h2>
          <p className="mt-1 text-sm text-slate-600">Step-by-step guides that use what this module teaches.</p>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {m.recipes.map((r) => (
              <li key={r.slug}>
                <Card className="h-full">
                  <p className="text-xs font-medium text-slate-500">{formatMinutes(r.estimated_minutes)}{r.required ? " · recommended first" : ""}</p>
                  <h3 className="mt-0.5 font-semibold"><Link href={`/recipes/${r.slug}`} className="text-brand-700 hover:underline">{r.title}</Link></h3>
                  <p className="mt-1 text-sm text-slate-700">{r.summary}</p>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section id="self-check" aria-labelledby="check-h" className="mt-8 scroll-mt-20">
        <h2 id="check-h" className="text-xl font-semibold text-slate-900">Check yourself</h2>
        <Card className="mt-3">
          {m.self_check.length > 0 ? (
            <SelfCheckForm module={m.slug} questions={m.self_check} done={m.completed} />
          ) : m.completed ? (
            <p className="text-sm text-slate-700">Done. This module has no self-check.</p>
          ) : (
            <div className="flex flex-wrap items-center gap-3"><p className="text-sm text-slate-700">This module has no self-check: mark it done once you have read it.</p><MarkDoneButton module={m.slug} title={m.title} /></div>
          )}
        </Card>
      </section>

      <nav aria-label="Next" className="mt-8 flex flex-wrap justify-between gap-3">
        <ButtonLink href="/foundations" variant="secondary">All modules</ButtonLink>
        {next ? <ButtonLink href={`/foundations/${next.slug}`}>Next: {next.title}</ButtonLink> : f.complete && <ButtonLink href="/dashboard">Go to your missions</ButtonLink>}
      </nav>
    </article>
  );
}
