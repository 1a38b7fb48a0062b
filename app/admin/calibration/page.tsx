import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { calibrationReport, doubleMarkingSettings } from "@/lib/reviews/calibration";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui";
import { DataTable } from "@/components/analytics/parts";
import { DriftChart } from "@/components/review/drift-chart";
import { DoubleMarkingSettings } from "@/components/review/double-marking-settings";

export const metadata: Metadata = { title: "Calibration and moderation" };

function kappaWords(k: number) {
  // Landis & Koch (1977) bands, as a reading aid only.
  return k < 0 ? "poor" : k <= 0.2 ? "slight" : k <= 0.4 ? "fair" : k <= 0.6 ? "moderate" : k <= 0.8 ? "substantial" : "almost perfect";
}
const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(1)}`;

export default async function Page() {
  const caller = await requireRole("admin");
  const [r, settings] = await Promise.all([calibrationReport({ caller }), doubleMarkingSettings({ caller })]);
  return (
    <>
      <PageHeader
        title="Calibration and moderation"
        description="Sampled submissions are marked twice, blind. How far do two mentors agree, and does anyone drift from the final marks?"
      />
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Waiting for a second mark" value={r.moderation.second_marking} />
        <Stat label="Waiting for a moderator" value={r.moderation.moderation} />
        <Stat label="Double-marked, final" value={r.moderation.final} />
        <Stat label="Decided by a moderator" value={r.moderation.moderated} hint="Marks differed past the threshold" />
      </div>
      <div className="space-y-6">
        <Card>
          <h2 className="text-lg font-semibold">Agreement per criterion</h2>
          <p className="mt-1 text-sm text-slate-600">
            Weighted Cohen&apos;s κ between the first and second blind marks, linear weights over the criterion&apos;s levels, with a 95% interval (Fleiss, Cohen &amp; Everitt 1969).
            1 is perfect agreement, 0 what chance alone gives. Under {r.min_pairs} pairs a criterion shows &ldquo;not enough data&rdquo;.
          </p>
          {r.criteria.length === 0 ? (
            <div className="mt-4">
              <EmptyState title="No double-marked pairs yet">Set a double-marking rate below; pairs appear once both mentors have marked a sampled submission.</EmptyState>
            </div>
          ) : (
            <DataTable
              caption="Agreement per criterion: pairs, weighted kappa with 95% interval, exact agreement"
              head={["Mission", "Criterion", "Levels", "Pairs", "Weighted κ (95% interval)", "Same level"]}
              numeric={[2, 3, 5]}
              rows={r.criteria.map((c) => [
                <span key="m" className="font-mono text-xs">{c.mission.code}</span>,
                c.criterion.title,
                c.levels,
                c.pairs,
                c.not_enough_data || c.kappa === null ? (
                  <Badge key="k" tone="slate">{c.not_enough_data ? `not enough data (${c.pairs} of ${r.min_pairs})` : "undefined: one level only"}</Badge>
                ) : (
                  <span key="k">
                    <strong className="tabular-nums">{c.kappa.toFixed(2)}</strong>{" "}
                    <span className="tabular-nums text-slate-600">
                      ({c.interval!.low.toFixed(2)} to {c.interval!.high.toFixed(2)})
                    </span>{" "}
                    <span className="text-xs text-slate-500">{kappaWords(c.kappa)}</span>
                  </span>
                ),
                c.exact_agreement === null ? "—" : `${Math.round(c.exact_agreement * 100)}%`,
              ])}
            />
          )}
        </Card>

        <Card>
          <h2 className="text-lg font-semibold">Each mentor against the final marks</h2>
          <p className="mt-1 text-sm text-slate-600">
            Mean of (the mentor&apos;s score − the released final score), in points out of 100, over their double-marked submissions: above zero marks more generously than the final, below more
            strictly. Per week (Monday, UTC) so that drift shows.
          </p>
          {r.mentors.length === 0 ? (
            <div className="mt-4">
              <EmptyState title="No final double-marked reviews yet">A mentor appears here once a submission they marked has a final review.</EmptyState>
            </div>
          ) : (
            <>
              <DriftChart mentors={r.mentors} />
              <DataTable
                caption="Each mentor's mean difference from the final score, overall and per week"
                head={["Mentor", "Marks", "Mean difference", "Per week (oldest first)"]}
                numeric={[1, 2]}
                rows={r.mentors.map((m) => [
                  m.mentor.name,
                  m.marks,
                  m.mean_difference === null ? "—" : signed(m.mean_difference),
                  <span key="w" className="text-xs text-slate-600">
                    {m.weeks.map((w) => `${w.week}: ${signed(w.mean_difference)} (${w.marks})`).join(" · ")}
                  </span>,
                ])}
              />
            </>
          )}
        </Card>

        <Card>
          <h2 className="text-lg font-semibold">Double-marking per mission</h2>
          <p className="mt-1 text-sm text-slate-600">
            The share of first marks that get a second, blind mentor (every n-th, exactly at the rate), and how far two marks may differ in score before a moderator decides. Different outcomes, or a
            criterion more than one level apart, always go to a moderator.
          </p>
          <DoubleMarkingSettings items={settings.items} />
        </Card>
      </div>
    </>
  );
}
