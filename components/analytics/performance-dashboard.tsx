import { Alert, Badge, Stat } from "@/components/ui";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { scopeFor } from "@/lib/analytics/api";
import { analyticsFilterSchema } from "@/lib/api/contracts/analytics";
import { missionPerformance } from "@/lib/analytics/performance";
import { AsOf } from "./as-of";
import { pct } from "@/lib/analytics/math";
import { formatDuration } from "@/lib/labels";
import { ColumnChart, DecisionChart, FunnelChart } from "./lazy-charts";
import { DataTable, NoData, Section, TableToggle } from "./parts";
import type { FilterValues } from "./filter-bar";
import { countOf } from "@/lib/labels";

/** Server component: parses the URL filters, runs the SQL, renders KPIs, funnel and the rest. */
export async function PerformanceDashboard({ caller, values }: { caller: Caller; values: FilterValues }) {
  const parsed = analyticsFilterSchema.safeParse(values);
  if (!parsed.success)
    return (
      <Alert tone="red" title="Some filters are not valid">
        <ul className="list-disc pl-5">
          {parsed.error.issues.map((i) => (
            <li key={i.path.join(".")}>
              {i.path.join(".")}: {i.message}
            </li>
          ))}
        </ul>
      </Alert>
    );
  let data;
  try {
    data = await missionPerformance(await scopeFor(caller, parsed.data));
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return <Alert tone="amber" title="Nothing to show">{e.message} Check the mission or cohort filter.</Alert>;
    throw e;
  }
  const k = data.kpis;
  const empty = k.attempts === 0;
  return (
    <div className="space-y-6">
      <AsOf at={data.as_of} />
      <section aria-label="Key figures" className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Stat label="Attempts" value={k.attempts} hint={`${countOf(k.learners, "learner")} · ${countOf(k.starts, "first attempt")}`} />
        <Stat label="Submissions" value={k.submissions} hint={`${k.abandoned} abandoned · ${k.expired} expired`} />
        <Stat label="Completion rate" value={pct(k.completion_rate)} hint="submitted ÷ attempts" />
        <Stat label="Pass rate" value={pct(k.pass_rate)} hint={`${k.passed} of ${k.reviewed} reviewed`} />
        <Stat label="Mean score" value={k.mean_score ?? "—"} />
        <Stat label="Median score" value={k.median_score ?? "—"} hint="within 0.5%" />
        <Stat label="Median time" value={formatDuration(k.median_time_ms)} hint="start → submit" />
        <Stat label="p90 time" value={formatDuration(k.p90_time_ms)} hint="within 0.5%" />
      </section>

      {empty ? (
        <NoData>
          No attempts match these filters yet. Widen the date range or clear a filter; figures appear as soon as learners start missions.
        </NoData>
      ) : (
        <>
          <div className="grid gap-6 xl:grid-cols-2">
            <Section
              title="Stage funnel"
              description={
                data.biggest_drop ? (
                  <>Biggest drop: <strong>{data.funnel.find((s) => s.key === data.biggest_drop)?.label}</strong> loses {countOf(data.funnel.find((s) => s.key === data.biggest_drop)?.dropped ?? 0, "attempt")}.</>
                ) : (
                  "Attempts reaching each stage of their own path, then submitting and passing."
                )
              }
            >
              <FunnelChart steps={data.funnel} />
              <DataTable
                caption="Stage funnel"
                head={["Step", "Attempts", "Of started", "From previous", "Dropped"]}
                numeric={[1, 2, 3, 4]}
                rows={data.funnel.map((s, i) => [s.label, s.count, pct(s.overall), i === 0 ? "—" : pct(s.step), i === 0 ? "—" : s.dropped])}
              />
            </Section>
            <Section title="Drop-off" description="Where abandoned attempts (open, no activity for the configured number of days) stopped.">
              {data.drop_off.length ? (
                <DataTable
                  caption="Drop-off stage of abandoned attempts"
                  head={["Mission", "Stage", "Abandoned", "Share"]}
                  numeric={[2, 3]}
                  rows={data.drop_off.map((d) => [d.mission, d.stage_title ?? "All stages done, not submitted", d.abandoned, pct(d.share)])}
                />
              ) : (
                <NoData>No abandoned attempts. Every open attempt had activity recently.</NoData>
              )}
            </Section>
          </div>

          <div className="grid gap-6 xl:grid-cols-2">
            <Section title="Score distribution" description={`${data.score_distribution.reduce((a, b) => a + b.count, 0)} scored attempts, in bands of 10 points.`}>
              <ColumnChart data={data.score_distribution.map((b) => ({ name: `${b.from}–${b.to}`, value: b.count }))} unit="attempts" />
              <TableToggle>
                <DataTable caption="Score distribution" head={["Score", "Attempts"]} numeric={[1]} rows={data.score_distribution.map((b) => [`${b.from}–${b.to}`, b.count])} />
              </TableToggle>
            </Section>
            <Section title="Time per stage" description="Visible time only (a hidden tab does not count), summed over visits; median per attempt.">
              {data.time_per_stage.length ? (
                <>
                  <ColumnChart data={data.time_per_stage.slice(0, 16).map((t) => ({ name: parsed.data.mission ? t.stage_title : `${t.mission} ${t.stage}`, value: Math.round((t.median_ms ?? 0) / 60000) }))} unit="min" color="#0f9d76" />
                  <TableToggle>
                    <DataTable
                      caption="Time per stage"
                      head={["Mission", "Stage", "Attempts", "Median", "Mean"]}
                      numeric={[2, 3, 4]}
                      rows={data.time_per_stage.map((t) => [t.mission, t.stage_title, t.attempts, formatDuration(t.median_ms), formatDuration(t.mean_ms)])}
                    />
                  </TableToggle>
                </>
              ) : (
                <NoData>No stage timing yet: it comes from the stage pages' telemetry.</NoData>
              )}
            </Section>
          </div>

          <Section
            title="Decision paths"
            description="Share of each choice per decision point, the mean score of attempts that took it, and how far paths deviate from the expert's."
          >
            {data.decisions.points.length ? (
              <>
                <DecisionChart points={data.decisions.points.map((p) => ({ name: parsed.data.mission ? p.decision : `${p.mission} · ${p.decision}`, choices: p.choices }))} />
                <DataTable
                  caption="Decision distribution"
                  head={["Decision", "Choice", "Chosen", "Share", "Mean score"]}
                  numeric={[2, 3, 4]}
                  rows={data.decisions.points.flatMap((p) =>
                    p.choices.map((c, i) => [
                      i === 0 ? <span key="d" className="font-medium">{p.mission} · {p.prompt}</span> : "",
                      <span key="c">
                        {c.label} {c.ideal && <Badge tone="green">expert</Badge>}
                      </span>,
                      c.count,
                      pct(c.share),
                      c.mean_score ?? "—",
                    ]),
                  )}
                />
              </>
            ) : (
              <NoData>No decisions recorded for these attempts.</NoData>
            )}
            {data.decisions.deviation.length > 0 && (
              <DataTable
                caption="Score by deviation from the expert path"
                head={["Choices away from the expert", "Attempts", "Mean score"]}
                numeric={[1, 2]}
                rows={data.decisions.deviation.map((d) => [d.deviations === 0 ? "0 (expert path)" : d.deviations, d.attempts, d.mean_score ?? "—"])}
              />
            )}
            {data.decisions.paths.length > 0 && (
              <DataTable
                caption="Most common complete paths"
                head={["Path", "Attempts", "Share", "Mean score", "Deviations"]}
                numeric={[1, 2, 3, 4]}
                rows={data.decisions.paths.map((p) => [
                  <span key="p">
                    {p.path.join(" → ")} {p.expert && <Badge tone="green">expert path</Badge>}
                  </span>,
                  p.count,
                  pct(p.share),
                  p.mean_score ?? "—",
                  p.deviations,
                ])}
              />
            )}
          </Section>

          <div className="grid gap-6 xl:grid-cols-2">
            <Section title="Hint use" description={`${pct(data.hints.share_with_hints)} of attempts unlocked at least one hint (${data.hints.hints_unlocked} hints in all; mean penalty ${data.hints.mean_penalty_when_used ?? "—"} points when used).`}>
              {data.hints.by_stage.length ? (
                <DataTable
                  caption="Hints unlocked per stage"
                  head={["Mission", "Stage", "Unlocks", "Attempts", "Deepest level"]}
                  numeric={[2, 3, 4]}
                  rows={data.hints.by_stage.map((h) => [h.mission, h.stage_title, h.unlocks, h.attempts, h.max_level])}
                />
              ) : (
                <NoData>No hints unlocked.</NoData>
              )}
            </Section>
            <Section title="Tool use" description="Tools learners recorded at a stage, and the mean score of those attempts.">
              {data.tools.length ? (
                <DataTable caption="Tool use" head={["Tool", "Attempts", "Uses", "Mean score"]} numeric={[1, 2, 3]} rows={data.tools.map((t) => [t.tool, t.attempts, t.uses, t.mean_score ?? "—"])} />
              ) : (
                <NoData>No tools recorded.</NoData>
              )}
            </Section>
          </div>
        </>
      )}
    </div>
  );
}

export function PerformanceSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading analytics">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-24 animate-pulse rounded-xl bg-slate-200" />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <div className="h-96 animate-pulse rounded-xl bg-slate-200" />
        <div className="h-96 animate-pulse rounded-xl bg-slate-200" />
      </div>
    </div>
  );
}
