import { Suspense } from "react";
import { PageHeader } from "@/components/ui";
import type { Caller } from "@/lib/auth/session";
import { filterOptions } from "@/lib/analytics/options";
import { FilterBar, filterValues } from "./filter-bar";
import { AnalyticsTabs, queryString } from "./analytics-tabs";
import { PerformanceDashboard, PerformanceSkeleton } from "./performance-dashboard";
import { HeatmapView } from "./heatmap-view";
import { BenchmarksView } from "./benchmarks-view";
import { LearningView } from "./learning-view";

type SP = Record<string, string | string[] | undefined>;

const scopeNote = (c: Caller) => (c.role === "mentor" ? "Figures cover the learners you mentor (directly or through a cohort)." : "Figures cover every learner.");

/** The Mission Performance Dashboard page body, shared by /admin/analytics and /analytics (mentors). */
export async function PerformancePage({ caller, base, sp }: { caller: Caller; base: string; sp: SP }) {
  const values = filterValues(sp);
  const options = await filterOptions({ caller });
  return (
    <>
      <PageHeader title="Mission performance" description={`Attempts, completion, scores, the stage funnel and decision paths. ${scopeNote(caller)}`} />
      <AnalyticsTabs base={base} current="performance" query={queryString({ ...values })} />
      <FilterBar action={base} values={values} missions={options.missions} cohorts={options.cohorts} />
      <Suspense key={JSON.stringify(values)} fallback={<PerformanceSkeleton />}>
        <PerformanceDashboard caller={caller} values={values} />
      </Suspense>
    </>
  );
}

export async function HeatmapPage({ caller, base, sp }: { caller: Caller; base: string; sp: SP }) {
  const values = filterValues(sp);
  const options = await filterOptions({ caller });
  return (
    <>
      <PageHeader title="Heatmaps" description={`Where learners complete and where they stall. ${scopeNote(caller)}`} />
      <AnalyticsTabs base={base} current="heatmap" query={queryString({ ...values })} />
      <FilterBar action={`${base}/heatmap`} values={values} missions={options.missions} cohorts={options.cohorts} />
      <Suspense key={JSON.stringify(values)} fallback={<PerformanceSkeleton />}>
        <HeatmapView caller={caller} values={values} />
      </Suspense>
    </>
  );
}

export async function PathsPage({ caller, base, sp }: { caller: Caller; base: string; sp: SP }) {
  const values = filterValues(sp);
  const options = await filterOptions({ caller });
  return (
    <>
      <PageHeader title="Paths, nudges and hints" description={`Which way learners go at each decision, and whether nudges and hints get them unstuck. ${scopeNote(caller)}`} />
      <AnalyticsTabs base={base} current="paths" query={queryString({ ...values })} />
      <FilterBar action={`${base}/paths`} values={values} missions={options.missions} cohorts={options.cohorts} />
      <Suspense key={JSON.stringify(values)} fallback={<PerformanceSkeleton />}>
        <LearningView caller={caller} values={values} />
      </Suspense>
    </>
  );
}

export async function BenchmarksPage({ caller, base, sp }: { caller: Caller; base: string; sp: SP }) {
  const v = filterValues(sp);
  const learner = typeof sp.learner === "string" && /^[0-9a-f-]{36}$/i.test(sp.learner) ? sp.learner : undefined;
  const options = await filterOptions({ caller });
  return (
    <>
      <PageHeader title="Benchmarks" description="A learner's score and time on a mission as percentiles of everyone's and of their cohort's." />
      <AnalyticsTabs base={base} current="benchmarks" />
      <Suspense key={`${v.mission}-${learner}`} fallback={<PerformanceSkeleton />}>
        <BenchmarksView caller={caller} action={`${base}/benchmarks`} missions={options.missions} mission={v.mission} learner={learner} />
      </Suspense>
    </>
  );
}
