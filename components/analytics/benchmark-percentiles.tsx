import type { Benchmarks } from "@/lib/analytics/benchmarks";
import { formatDuration } from "@/lib/labels";
import { countOf, ordinal } from "@/lib/labels";

function Meter({ label, value }: { label: string; value: number | null }) {
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span className="text-slate-700">{label}</span>
        <span className="font-semibold tabular-nums">{value === null ? "—" : `${ordinal(Math.round(value))} percentile`}</span>
      </div>
      <div className="mt-1 h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${value ?? 0}%` }} />
      </div>
    </div>
  );
}

/** The learner's score and time as percentiles of everyone's attempts and of their cohort's. */
export function BenchmarkPercentiles({ result, className }: { result: Benchmarks; className?: string }) {
  const groups = [
    { key: "all", name: "Everyone", g: result.all, medianTime: true },
    ...(result.cohort ? [{ key: "cohort", name: result.cohort.name, g: result.cohort, medianTime: false }] : []),
  ];
  return (
    <div className={`space-y-5 ${className ?? ""}`}>
      {groups.map(({ key, name, g, medianTime }) => (
        <div key={key} className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">
            {name} ({countOf(g.attempts, "scored attempt")}; median {g.median_score ?? "—"}
            {medianTime ? `, ${formatDuration(g.median_time_ms)}` : ""})
          </h3>
          {/* A percentile among one's own attempt alone says nothing. */}
          {g.attempts <= 1 && g.timed_attempts <= 1 ? (
            <p className="text-sm text-slate-600">Only this attempt so far: nothing to compare with yet.</p>
          ) : (
            <>
              <Meter label="Score" value={g.score_percentile} />
              <Meter label="Time" value={g.timed_attempts > 1 ? g.time_percentile : null} />
            </>
          )}
        </div>
      ))}
      {!result.cohort && <p className="text-sm text-slate-600">Not in a cohort: no cohort comparison.</p>}
    </div>
  );
}
