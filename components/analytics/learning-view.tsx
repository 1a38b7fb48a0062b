import { Alert, Badge } from "@/components/ui";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { scopeFor } from "@/lib/analytics/api";
import { analyticsFilterSchema } from "@/lib/api/contracts/analytics";
import { hintEffectiveness, nudgeAnalytics, pathsSankey } from "@/lib/analytics/learning";
import { pct } from "@/lib/analytics/math";
import { DataTable, NoData, Section, TableToggle } from "./parts";
import { PathsSankey } from "./lazy-charts";
import type { FilterValues } from "./filter-bar";

const ci = (d: { low: number; high: number } | null) => (d ? `${Math.round(d.low * 100)} to ${Math.round(d.high * 100)}` : "—");

/** Paths through a mission's decision points, nudges and hints: how the learning loop plays out. */
export async function LearningView({ caller, values }: { caller: Caller; values: FilterValues }) {
  const parsed = analyticsFilterSchema.safeParse(values);
  if (!parsed.success) return <Alert tone="red" title="Some filters are not valid">{parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}</Alert>;
  let scope;
  try {
    scope = await scopeFor(caller, parsed.data);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return <Alert tone="amber" title="Nothing to show">{e.message}</Alert>;
    throw e;
  }
  const [paths, nudges, hints] = await Promise.all([scope.missionId ? pathsSankey(scope) : null, nudgeAnalytics(scope), hintEffectiveness(scope)]);
  const title = (id: string) => paths?.nodes.find((n) => n.id === id)?.title ?? id;
  return (
    <div className="space-y-6">
      <Section title="Paths through the decisions" description="Each band is a step learners took; its width is how many. Green marks the expert's path.">
        {!paths ? (
          <NoData>Choose a mission in the filters to see the paths through its decision points.</NoData>
        ) : paths.links.length === 0 ? (
          <NoData />
        ) : (
          <>
            <PathsSankey nodes={paths.nodes} links={paths.links} />
            <DataTable
              caption="Steps between stages: attempts, share of those who reached the first stage, mean score"
              head={["From", "To", "Choice", "Attempts", "Share", "Mean score"]}
              numeric={[3, 4, 5]}
              rows={paths.links.map((l) => [
                title(l.source),
                title(l.target),
                l.choice ? <>{l.choice.label}{l.expert && <Badge tone="green" className="ml-1">expert</Badge>}</> : l.expert ? <Badge tone="green">expert</Badge> : "—",
                l.count,
                pct(l.share),
                l.mean_score ?? "—",
              ])}
            />
          </>
        )}
      </Section>

      <Section title="Nudges" description="How often learners who reached a stage were nudged, and whether opening the nudge helped (95% intervals; not enough data under 10 per side).">
        {nudges.items.every((i) => i.shown === 0) ? (
          <NoData>No nudges shown yet for these filters.</NoData>
        ) : (
          <DataTable
            caption="Nudge rate and lift per stage"
            head={["Mission", "Stage", "Reached", "Nudged", "Rate", "Lift"]}
            numeric={[2, 3, 4]}
            rows={nudges.items.filter((i) => i.shown > 0).map((i) => [i.mission.code, i.stage_title, i.reached, i.shown, pct(i.nudge_rate), i.lift.summary])}
          />
        )}
      </Section>

      <Section title="Hints" description="How often a stage is completed within 10 minutes of a hint, against learners who reached it without that hint. Flagged hints do not seem to help.">
        {hints.items.length === 0 ? (
          <NoData>No hints unlocked yet for these filters.</NoData>
        ) : (
          <TableToggle label={`Show ${hints.items.length} hint level${hints.items.length === 1 ? "" : "s"}`}>
            <DataTable
              caption="Completion soon after each hint level, against attempts without it"
              head={["Mission", "Stage", "Level", "Unlocked", "Completed soon", "Without it", "Difference (95% CI, points)"]}
              numeric={[2, 3, 4, 5]}
              rows={hints.items.map((h) => [
                h.mission.code,
                h.stage_title,
                h.level,
                h.unlocked,
                pct(h.completed_soon_rate),
                pct(h.without_completion_rate),
                h.difference ? <>{Math.round(h.difference.estimate * 100)} ({ci(h.difference)}){h.flagged && <Badge tone="amber" className="ml-1">does not help</Badge>}</> : "not enough data",
              ])}
            />
          </TableToggle>
        )}
      </Section>
    </div>
  );
}
