import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { recipeDetail, relatedForRecipe } from "@/lib/recipes/library";
import { slugParams } from "@/lib/api/contracts/recipes";
import { Badge, Card } from "@/components/ui";
import { Markdown } from "@/components/ui/markdown";
import { DIFFICULTY_TONE, Rating } from "@/components/recipes/recipe-card";
import { CopyButton } from "@/components/recipes/copy-button";
import { RecipeViewTracker } from "@/components/recipes/view-tracker";
import { BookmarkButton, CompleteRecipeButton, RatingForm, StepCheckButton } from "@/components/recipes/recipe-actions";
import { tierLabel, trackLabel } from "@/lib/labels";

async function load(slug: string) {
  const caller = await requireUser();
  if (!slugParams.safeParse({ slug }).success) notFound();
  try {
    const [detail, related] = await Promise.all([recipeDetail({ caller, slug }), relatedForRecipe({ caller, slug })]);
    return { caller, detail, related };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return { title: slug.replace(/-/g, " ") };
}

export default async function RecipeDetailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { caller, detail: d, related } = await load(slug);
  const r = d.recipe;
  const tracks = can(caller.role, "recipes:track");
  const done = d.progress.stepsCompleted.length;
  const total = d.steps.length;
  const pct = total ? Math.round((done / total) * 100) : 0;

  return (
    <article aria-labelledby="recipe-title" className="break-words">
      {tracks && <RecipeViewTracker slug={r.slug} />}
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/recipes" className="text-brand-700 underline">Recipe library</Link>
        <span aria-hidden="true" className="mx-1 text-slate-400">/</span>
        <span className="text-slate-600">{r.title}</span>
      </nav>

      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-3xl">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={DIFFICULTY_TONE[r.difficulty] ?? "slate"} className="capitalize">{r.difficulty}</Badge>
            <Badge tone="blue" className="capitalize">{r.type}</Badge>
            {r.mentorCurated && <Badge tone="purple">Mentor curated</Badge>}
            {r.status !== "published" && <Badge tone="red" className="capitalize">{r.status}</Badge>}
          </div>
          <h1 id="recipe-title" className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{r.title}</h1>
          <p className="mt-1 text-slate-700">{r.summary}</p>
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            <span>{r.estimatedMinutes} min</span>
            <span>Used by {d.usageCount} {d.usageCount === 1 ? "learner" : "learners"}</span>
            <Rating average={d.rating.average} count={d.rating.count} />
          </p>
        </div>
        {tracks && <BookmarkButton slug={r.slug} bookmarked={d.bookmarked} />}
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <h2 className="text-lg font-semibold">What it solves</h2>
            <Markdown>{r.description}</Markdown>
            <div className="mt-3 flex flex-wrap gap-4 text-sm">
              <div>
                <h3 className="font-medium text-slate-800">Skills</h3>
                <ul className="mt-1 flex flex-wrap gap-1">{r.skills.map((s) => <li key={s} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs [overflow-wrap:anywhere]">{s}</li>)}</ul>
              </div>
              {r.tools.length > 0 && (
                <div>
                  <h3 className="font-medium text-slate-800">Tools</h3>
                  <ul className="mt-1 flex flex-wrap gap-1">{r.tools.map((t) => <li key={t} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs [overflow-wrap:anywhere]">{t}</li>)}</ul>
                </div>
              )}
            </div>
          </Card>

          {(d.prerequisites.length > 0 || r.inputs.length > 0 || r.environment) && (
            <Card>
              <h2 className="text-lg font-semibold">Before you start</h2>
              {d.prerequisites.length > 0 && (
                <>
                  <h3 className="mt-3 text-sm font-semibold text-slate-800">Prerequisites</h3>
                  <ul className="mt-1 space-y-1 text-sm">
                    {d.prerequisites.map((p) => (
                      <li key={p.slug} className="flex items-center gap-2">
                        <Link href={`/recipes/${p.slug}`} className="text-brand-700 underline">{p.title}</Link>
                        {p.completed ? <Badge tone="green">Completed</Badge> : <Badge tone="amber">Not done yet</Badge>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {r.inputs.length > 0 && (
                <>
                  <h3 className="mt-3 text-sm font-semibold text-slate-800">Inputs</h3>
                  <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">{r.inputs.map((i) => <li key={i}>{i}</li>)}</ul>
                </>
              )}
              {r.environment && (
                <>
                  <h3 className="mt-3 text-sm font-semibold text-slate-800">Environment</h3>
                  <Markdown className="prose-sortie text-sm">{r.environment}</Markdown>
                </>
              )}
            </Card>
          )}

          <section aria-labelledby="steps-title">
            <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
              <h2 id="steps-title" className="text-lg font-semibold">Steps</h2>
              <p className="text-sm text-slate-600">{done} of {total} done</p>
            </div>
            <ol className="space-y-4">
              {d.steps.map((s) => {
                const checked = d.progress.stepsCompleted.includes(s.step);
                return (
                  <li key={s.step} className={`rounded-xl border bg-white p-5 shadow-sm ${checked ? "border-green-300" : "border-slate-200"}`}>
                    <h3 className="flex items-start gap-3 font-semibold text-slate-900">
                      <span aria-hidden="true" className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm ${checked ? "bg-green-600 text-white" : "bg-slate-200 text-slate-700"}`}>
                        {checked ? "✓" : s.step}
                      </span>
                      <span><span className="sr-only">Step {s.step}: </span>{s.title}</span>
                    </h3>
                    <div className="mt-2 min-w-0 sm:pl-10">
                      <Markdown>{s.body}</Markdown>
                      {s.command && (
                        <div className="my-3 overflow-hidden rounded-lg bg-slate-900">
                          <div className="flex items-center justify-between border-b border-slate-700 px-3 py-1.5">
                            <span className="text-xs font-medium text-slate-300">Command</span>
                            <CopyButton text={s.command} label={`Copy`} />
                          </div>
                          <pre tabIndex={0} className="overflow-x-auto p-3 text-sm text-slate-100"><code>{s.command}</code></pre>
                        </div>
                      )}
                      <p className="mt-2 text-sm"><span className="font-medium text-slate-800">Expected outcome: </span><span className="text-slate-700">{s.expectedOutcome}</span></p>
                      {s.evidenceHint && <p className="mt-1 text-sm"><span className="font-medium text-slate-800">Evidence: </span><span className="text-slate-700">{s.evidenceHint}</span></p>}
                      {tracks && <div className="mt-3"><StepCheckButton slug={r.slug} step={s.step} title={s.title} done={checked} /></div>}
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>

          {r.validationChecks.length > 0 && (
            <Card>
              <h2 className="text-lg font-semibold">Check your work</h2>
              <ul className="mt-2 space-y-1 text-sm text-slate-700">
                {r.validationChecks.map((c) => <li key={c} className="flex gap-2"><span aria-hidden="true" className="text-green-700">☐</span>{c}</li>)}
              </ul>
            </Card>
          )}
        </div>

        <aside className="min-w-0 space-y-6" aria-label="Your progress and related recipes">
          {tracks && (
            <Card>
              <h2 className="text-lg font-semibold">Your progress</h2>
              <div className="mt-3">
                <div className="flex justify-between text-sm"><span>{d.progress.completed ? "Completed" : `${done} of ${total} steps`}</span><span>{d.progress.completed ? 100 : pct}%</span></div>
                <div role="progressbar" aria-label="Recipe progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={d.progress.completed ? 100 : pct} className="mt-1 h-2 rounded-full bg-slate-200">
                  <div className="h-2 rounded-full bg-green-600" style={{ width: `${d.progress.completed ? 100 : pct}%` }} />
                </div>
              </div>
              {d.progress.completed ? (
                <div className="mt-4 border-t border-slate-100 pt-4">
                  <RatingForm slug={r.slug} current={d.myRating} />
                </div>
              ) : (
                <div className="mt-4 space-y-2 border-t border-slate-100 pt-4 text-sm text-slate-600">
                  <p>Check off each step as you go. Once you have completed the recipe you can rate it.</p>
                  <CompleteRecipeButton slug={r.slug} />
                </div>
              )}
            </Card>
          )}

          <Card>
            <h2 className="text-lg font-semibold">Where this is used</h2>
            {d.usedIn.missions.length === 0 && d.usedIn.modules.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Not linked to a mission yet: a general-purpose recipe.</p>
            ) : (
              <ul className="mt-2 space-y-3 text-sm">
                {d.usedIn.missions.map((m) => (
                  <li key={m.code}>
                    <Link href={`/missions/${m.code}`} className="font-medium text-brand-700 underline">{m.code}: {m.title}</Link>
                    <span className="ml-1 text-xs text-slate-500">{trackLabel(m.track)} · {tierLabel(m.tier)}</span>
                    {m.stages.length > 0 && (
                      <ul className="mt-1 list-disc pl-5 text-slate-700">{m.stages.map((s) => <li key={s.key}>Stage {s.number}: {s.title}</li>)}</ul>
                    )}
                  </li>
                ))}
                {d.usedIn.modules.map((m) => <li key={m.slug}>Foundations: <Link href="/foundations" className="text-brand-700 underline">{m.title}</Link></li>)}
              </ul>
            )}
          </Card>

          <Card>
            <h2 className="text-lg font-semibold">Related recipes</h2>
            {related.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No related recipes yet.</p>
            ) : (
              <ul className="mt-2 divide-y divide-slate-100">
                {related.map((x) => (
                  <li key={x.slug} className="py-2">
                    <Link href={`/recipes/${x.slug}`} className="font-medium text-brand-700 underline">{x.title}</Link>
                    <p className="text-xs text-slate-500">{x.estimatedMinutes} min · <span className="capitalize">{x.difficulty}</span></p>
                    <p className="text-xs text-slate-600">{x.reasons.join(" · ")}</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </aside>
      </div>
    </article>
  );
}
