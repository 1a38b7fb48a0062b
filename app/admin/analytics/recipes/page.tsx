import Link from "next/link";
import { Suspense } from "react";
import { requireRole } from "@/lib/auth/session";
import { formatDuration } from "@/lib/labels";
import { recipeUsage, usesPerStage, type DateRange } from "@/lib/db/queries/recipe-analytics";
import { recipeEffectiveness } from "@/lib/analytics/recipes";
import { effectivenessQuerySchema } from "@/lib/api/contracts/recipes";
import { METHOD, points } from "@/lib/recipes/effectiveness";
import { Button, Card, EmptyState, PageHeader, Skeleton, Stat, inputClass } from "@/components/ui";
import { EffectivenessChart } from "@/components/analytics/lazy-charts";
import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import type { Caller } from "@/lib/auth/session";

export const metadata = { title: "Recipe usage analytics" };

const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "px-3 py-2 text-sm text-slate-800";

export default async function RecipeAnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("admin");
  const sp = await searchParams;
  const parsed = effectivenessQuerySchema.safeParse({ from: sp.from, to: sp.to });
  const range: DateRange = parsed.success ? { from: parsed.data.from, to: parsed.data.to } : {};
  const rangeError = parsed.success ? null : "Enter dates as YYYY-MM-DD, with the start before the end.";
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/admin/analytics" className="text-brand-700 underline">Analytics</Link>
        <span aria-hidden="true" className="mx-1 text-slate-400">/</span>
        <span className="text-slate-600">Recipes</span>
      </nav>
      <PageHeader title="Recipe usage analytics" description="Which recipes learners open, finish and use in missions, and whether using them goes with passing." />
      <AnalyticsTabs base="/admin/analytics" current="recipes" />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="from" className="block text-sm font-medium text-slate-800">From</label>
          <input id="from" name="from" type="date" defaultValue={range.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium text-slate-800">To</label>
          <input id="to" name="to" type="date" defaultValue={range.to ?? ""} className={inputClass} />
        </div>
        <Button type="submit" variant="secondary">Apply</Button>
        {(range.from || range.to) && <Link href="/admin/analytics/recipes" className="text-sm text-brand-700 underline">All time</Link>}
        {rangeError && <p role="alert" className="w-full text-sm text-red-700">{rangeError}</p>}
      </form>
      <Suspense fallback={<SectionSkeleton label="Loading usage" />}>
        <Usage range={range} />
      </Suspense>
      <Suspense fallback={<SectionSkeleton label="Loading effectiveness" />}>
        <Effectiveness caller={caller} range={range} />
      </Suspense>
    </>
  );
}

function SectionSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-label={label} className="mb-6 space-y-3">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-24" />)}</div>
      <Skeleton className="h-64" />
    </div>
  );
}

async function Usage({ range }: { range: DateRange }) {
  const [usage, stages] = await Promise.all([recipeUsage({ range }), usesPerStage({ range })]);
  const views = usage.reduce((a, u) => a + u.views, 0);
  const time = usage.reduce((a, u) => a + u.timeSpentMs, 0);
  const learners = usage.reduce((a, u) => a + u.learners, 0);
  const completions = usage.reduce((a, u) => a + u.completions, 0);
  const usedBy = usage.reduce((a, u) => a + u.usedBy, 0);
  const active = usage.filter((u) => u.views > 0 || u.learners > 0);
  return (
    <section aria-labelledby="usage-title" className="mb-8">
      <h2 id="usage-title" className="mb-3 text-lg font-semibold">Usage</h2>
      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Views" value={views} hint={`${active.length} of ${usage.length} recipes opened`} />
        <Stat label="Time spent" value={formatDuration(time)} hint="Measured while the page was visible" />
        <Stat label="Completion rate" value={pct(learners ? completions / learners : null)} hint={`${completions} completions by ${learners} learner-recipes`} />
        <Stat label="Used in a mission" value={pct(learners ? usedBy / learners : null)} hint={`${usedBy} learner-recipes marked used`} />
      </div>
      <Card className="p-0">
        <h3 className="px-4 pt-4 font-semibold">Most viewed recipes</h3>
        {active.length === 0 ? (
          <div className="p-4"><EmptyState title="No recipe activity yet">Views, completions and uses appear here as learners open recipes.</EmptyState></div>
        ) : (
          <div className="overflow-x-auto">
            <table className="mt-2 min-w-full divide-y divide-slate-200">
              <caption className="sr-only">Recipe usage, most viewed first</caption>
              <thead><tr><th scope="col" className={th}>Recipe</th><th scope="col" className={th}>Views</th><th scope="col" className={th}>Viewers</th><th scope="col" className={th}>Time spent</th><th scope="col" className={th}>Avg per view</th><th scope="col" className={th}>Completion rate</th><th scope="col" className={th}>Used in mission</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {active.slice(0, 25).map((u) => (
                  <tr key={u.slug}>
                    <th scope="row" className={`${td} text-left font-medium`}><Link href={`/recipes/${u.slug}`} className="text-brand-700 underline">{u.title}</Link></th>
                    <td className={td}>{u.views}</td>
                    <td className={td}>{u.viewers}</td>
                    <td className={td}>{formatDuration(u.timeSpentMs)}</td>
                    <td className={td}>{formatDuration(u.meanViewMs)}</td>
                    <td className={td}>{pct(u.completionRate)} <span className="text-xs text-slate-500">({u.completions}/{u.learners})</span></td>
                    <td className={td}>{pct(u.usedInMissionRate)} <span className="text-xs text-slate-500">({u.usedBy}/{u.learners})</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card className="mt-4 p-0">
        <h3 className="px-4 pt-4 font-semibold">Marked as used, per mission stage</h3>
        {stages.length === 0 ? (
          <div className="p-4"><EmptyState title="No recipe marked as used yet">When a learner marks a recipe as used in a mission stage, it is counted here.</EmptyState></div>
        ) : (
          <div className="overflow-x-auto">
            <table className="mt-2 min-w-full divide-y divide-slate-200">
              <caption className="sr-only">Recipes marked as used per mission stage</caption>
              <thead><tr><th scope="col" className={th}>Recipe</th><th scope="col" className={th}>Mission</th><th scope="col" className={th}>Stage</th><th scope="col" className={th}>Uses</th><th scope="col" className={th}>Learners</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {stages.map((s) => (
                  <tr key={`${s.slug}-${s.mission}-${s.stage}`}>
                    <th scope="row" className={`${td} text-left font-medium`}>{s.title}</th>
                    <td className={td}>{s.mission}</td>
                    <td className={`${td} font-mono text-xs`}>{s.stage}</td>
                    <td className={td}>{s.uses}</td>
                    <td className={td}>{s.learners}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </section>
  );
}

async function Effectiveness({ caller, range }: { caller: Caller; range: DateRange }) {
  const rowsAll = await recipeEffectiveness({ caller, range });
  const measured = rowsAll.filter((r) => r.result.difference);
  const withAttempts = rowsAll.filter((r) => r.counts.used.attempts + r.counts.notUsed.attempts > 0);
  const shown = [...measured, ...withAttempts.filter((r) => !r.result.difference)];
  return (
    <section aria-labelledby="effect-title">
      <h2 id="effect-title" className="mb-1 text-lg font-semibold">Effectiveness</h2>
      <p className="mb-3 max-w-3xl text-sm text-slate-600">{METHOD}</p>
      {shown.length === 0 ? (
        <EmptyState title="No reviewed attempts yet">Effectiveness appears once attempts of missions with linked recipes have been reviewed.</EmptyState>
      ) : (
        <>
          {measured.length > 0 ? (
            <Card className="mb-4">
              <h3 className="font-semibold">Pass-rate difference with 95% interval</h3>
              <EffectivenessChart
                points={measured.map((m) => ({
                  label: `${m.recipe.title.slice(0, 22)}${m.recipe.title.length > 22 ? "…" : ""} · ${m.mission.code}`,
                  estimate: points(m.result.difference!.estimate),
                  low: points(m.result.difference!.low),
                  high: points(m.result.difference!.high),
                }))}
              />
            </Card>
          ) : (
            <p className="mb-4 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">No recipe has 10 or more attempts on both sides yet, so no interval is drawn; the counts so far are below.</p>
          )}
          <Card className="p-0">
            <div className="overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-200">
                <caption className="px-4 pt-4 text-left font-semibold">Effectiveness by recipe and mission</caption>
                <thead><tr><th scope="col" className={th}>Recipe</th><th scope="col" className={th}>Mission</th><th scope="col" className={th}>Used: pass rate (n)</th><th scope="col" className={th}>Not used: pass rate (n)</th><th scope="col" className={th}>Mean score used / not</th><th scope="col" className={th}>Difference (95% CI)</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {shown.map((e) => (
                    <tr key={`${e.recipe.slug}-${e.mission.code}`}>
                      <th scope="row" className={`${td} text-left font-medium`}>{e.recipe.title}</th>
                      <td className={td}>{e.mission.code}</td>
                      <td className={td}>{pct(e.result.used.passRate)} ({e.result.used.attempts})</td>
                      <td className={td}>{pct(e.result.notUsed.passRate)} ({e.result.notUsed.attempts})</td>
                      <td className={td}>{e.result.used.meanScore?.toFixed(1) ?? "–"} / {e.result.notUsed.meanScore?.toFixed(1) ?? "–"}</td>
                      <td className={td}>
                        {e.result.difference ? (
                          <>{points(e.result.difference.estimate) > 0 ? "+" : ""}{points(e.result.difference.estimate)} pts ({points(e.result.difference.low)} to {points(e.result.difference.high)})</>
                        ) : (
                          <span className="text-slate-500">Not enough data</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
    </section>
  );
}
