import { Alert, Card, Stat, inputClass } from "@/components/ui";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { benchmarks } from "@/lib/analytics/benchmarks";
import { formatDuration } from "@/lib/labels";
import { benchmarkLearners } from "@/lib/analytics/options";
import { findMission } from "@/lib/db/queries/missions";
import { NoData, Section } from "./parts";
import { BenchmarkPercentiles } from "./benchmark-percentiles";

/** Pick a mission and a learner; see their score and time as percentiles of everyone's and their cohort's. */
export async function BenchmarksView({ caller, action, missions, mission, learner }: { caller: Caller; action: string; missions: { code: string; title: string }[]; mission?: string; learner?: string }) {
  const m = mission ? await findMission({ idOrCode: mission }) : undefined;
  const learners = m ? await benchmarkLearners({ caller, missionId: m.id }) : [];
  let result: Awaited<ReturnType<typeof benchmarks>> | null = null;
  let problem: string | null = null;
  if (m && learner) {
    try {
      result = await benchmarks({ caller, mission: m.id, learnerId: learner });
    } catch (e) {
      if (e instanceof AppError) problem = e.message;
      else throw e;
    }
  }
  return (
    <div className="space-y-6">
      <form method="get" action={action} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_1fr_auto]" aria-label="Choose a mission and learner">
        <div>
          <label htmlFor="b-mission" className="block text-xs font-medium text-slate-700">Mission</label>
          <select id="b-mission" name="mission" defaultValue={m?.code ?? ""} className={inputClass}>
            <option value="">Choose a mission</option>
            {missions.map((x) => (
              <option key={x.code} value={x.code}>{x.code} — {x.title}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="b-learner" className="block text-xs font-medium text-slate-700">Learner</label>
          <select id="b-learner" name="learner" defaultValue={learner ?? ""} className={inputClass} disabled={!m}>
            <option value="">{m ? (learners.length ? "Choose a learner" : "Nobody has submitted this mission yet") : "Choose a mission first"}</option>
            {learners.map((l) => (
              <option key={l.id} value={l.id}>{l.name} ({l.email})</option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className="inline-flex min-h-10 w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {m ? "Show benchmark" : "Next"}
          </button>
        </div>
      </form>
      {problem && <Alert tone="amber" title="Nothing to show">{problem}</Alert>}
      {!result && !problem && <NoData>Choose a mission, then one of the learners who submitted it, to compare their score and time with everyone else&apos;s.</NoData>}
      {result && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Section title={`${result.learner.name} on ${result.mission.code}`} description={result.mission.title}>
            {result.attempt ? (
              <div className="grid grid-cols-2 gap-3">
                <Stat label="Score" value={result.attempt.score ?? "not scored yet"} hint={`attempt ${result.attempt.attempt} · ${result.attempt.state.replace("_", " ")}`} />
                <Stat label="Time to submit" value={formatDuration(result.attempt.time_ms)} />
              </div>
            ) : (
              <NoData>This learner has not submitted this mission.</NoData>
            )}
          </Section>
          <Card>
            <h2 className="text-lg font-semibold">Percentiles</h2>
            <p className="mt-1 text-sm text-slate-600">Higher is better for both: the time percentile is the share of attempts that took longer.</p>
            <BenchmarkPercentiles result={result} className="mt-4" />
          </Card>
        </div>
      )}
    </div>
  );
}

/** The learner's own benchmark, for their completion screen (nothing until they have submitted). */
export async function YourBenchmark({ caller, missionId }: { caller: Caller; missionId: string }) {
  const result = await benchmarks({ caller, mission: missionId });
  if (!result.attempt) return null;
  const a = result.attempt;
  return (
    <Card>
      <section aria-labelledby="your-benchmark">
        <h2 id="your-benchmark" className="font-semibold">
          How you compare
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Your best submitted attempt (attempt {a.attempt}: {a.score === null ? "not scored yet" : `score ${a.score.toFixed(1)}`}, {formatDuration(a.time_ms)} to submit) against every submitted attempt of this
          mission. Higher is better for both: the time percentile is the share of attempts that took longer.
        </p>
        <BenchmarkPercentiles result={result} className="mt-4" />
      </section>
    </Card>
  );
}
