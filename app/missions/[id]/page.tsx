import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { missionDetail } from "@/lib/catalogue/detail";
import { listDecisions } from "@/lib/attempts/read";
import { Alert, Badge, ButtonLink, Card, PageHeader, Stat } from "@/components/ui";
import { Markdown } from "@/components/ui/markdown";
import { StartButton } from "@/components/missions/start-button";
import { PathTimeline } from "@/components/missions/path-timeline";
import { orNotFound } from "@/components/missions/load";
import { STATE_LABEL, STATE_TONE, TIER_TONE, formatDate, formatHours, formatMinutes } from "@/components/missions/format";
import { tierLabel, trackLabel } from "@/lib/labels";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: (await params).id.toUpperCase() };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requireUser();
  const { id } = await params;
  const d = await orNotFound(missionDetail({ caller, idOrCode: id }));
  const decisions = caller.role === "enterprise" ? { decisions: [] } : await listDecisions({ caller, idOrCode: d.id });
  const p = d.progress;
  const live = p && (p.state === "in_progress" || p.state === "changes_requested");
  const canPlay = caller.role !== "enterprise";
  const recipes = new Map<string, (typeof d.stages)[number]["recipes"][number] & { stage: string }>();
  for (const s of d.stages) for (const r of s.recipes) if (!recipes.has(r.slug)) recipes.set(r.slug, { ...r, stage: s.title });
  const action = !canPlay ? null : d.locked ? null : live ? (
    <ButtonLink href={`/missions/${d.code}/play`}>Resume mission</ButtonLink>
  ) : p && ["submitted", "in_review", "approved"].includes(p.state) ? (
    <ButtonLink href={`/missions/${d.code}/complete`} variant="secondary">View submission</ButtonLink>
  ) : (
    <StartButton code={d.code} label={p ? "Start a new attempt" : "Start mission"} />
  );
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href={caller.role === "learner" ? "/dashboard" : "/missions"} className="hover:underline">Missions</Link> <span aria-hidden="true">/</span> {d.code}
      </nav>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs">
        <span className="font-mono font-semibold text-slate-500">{d.code}</span>
        <Badge tone={TIER_TONE[d.tier]}>{tierLabel(d.tier)}</Badge>
        <Badge>{trackLabel(d.track)}</Badge>
        {p && <Badge tone={STATE_TONE[p.state]}>{STATE_LABEL[p.state]} · attempt {p.attempt}</Badge>}
        {!d.enrolled && <Badge tone="amber">Not enrolled in {trackLabel(d.track)}</Badge>}
      </div>
      <PageHeader title={d.title} description={d.summary || undefined} actions={action} />
      {d.locked && (
        <Alert tone="amber" title="Locked" className="mb-6">
          {d.lock_reason} <Link href="/foundations" className="font-medium underline">See Foundations and tracks</Link>
        </Alert>
      )}
      {p?.state === "changes_requested" && <Alert tone="amber" className="mb-6" title="Your mentor asked for changes">Resume the mission, update your work and submit again.</Alert>}
      {p && ["failed", "expired"].includes(p.state) && <Alert tone="red" className="mb-6">{p.state === "expired" ? "The deadline of your last attempt passed." : "Your last attempt did not pass."} You can start a new attempt.</Alert>}

      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Estimated time" value={formatMinutes(d.estimated_minutes)} />
        <Stat label="Time limit" value={d.time_constraint_hours ? formatHours(d.time_constraint_hours) : "None"} hint={d.time_constraint_hours ? (d.auto_submit_on_deadline ? "Auto-submitted at the deadline" : "Expires at the deadline") : undefined} />
        <Stat label="Stages" value={d.stages.length} hint={d.decisions.length ? `${d.decisions.length} decision point${d.decisions.length === 1 ? "" : "s"}` : undefined} />
        <Stat label="Pass mark" value={`${d.success_criteria.min_score}%`} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-2 text-lg font-semibold text-slate-900">The situation</h2>
            <div className="[&_pre]:overflow-x-visible [&_pre]:whitespace-pre-wrap [&_pre]:break-all">
              <Markdown>{d.story}</Markdown>
            </div>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold text-slate-900">Objectives</h2>
            <ol className="list-decimal space-y-1 pl-5 text-slate-800">
              {d.objectives.map((o) => <li key={o}>{o}</li>)}
            </ol>
            {d.success_criteria.items.length > 0 && (
              <>
                <h3 className="mb-1 mt-4 text-sm font-semibold text-slate-900">What a mentor looks for</h3>
                <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                  {d.success_criteria.items.map((i) => <li key={i}>{i}</li>)}
                </ul>
              </>
            )}
          </Card>
        </div>
        <aside className="space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-semibold text-slate-900">Stages</h2>
            <PathTimeline detail={d} decisions={decisions.decisions} linkStages={Boolean(live)} />
            {p?.deadline_at && live && <p className="mt-4 text-sm text-slate-700">Deadline: <strong>{formatDate(p.deadline_at)}</strong></p>}
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold text-slate-900">Skills</h2>
            <ul className="flex flex-wrap gap-1.5">
              {d.skills.map((s) => <li key={s}><Badge tone="blue">{s}</Badge></li>)}
            </ul>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold text-slate-900">Recommended recipes</h2>
            {recipes.size === 0 ? (
              <p className="text-sm text-slate-600">No recipes are linked to this mission yet.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {[...recipes.values()].map((r) => (
                  <li key={r.slug}>
                    <Link href={`/recipes/${r.slug}`} className="font-medium text-brand-700 hover:underline">{r.title}</Link>
                    <span className="block text-xs text-slate-500">For “{r.stage}”{r.estimated_minutes ? ` · ${r.estimated_minutes} min` : ""}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </aside>
      </div>
    </>
  );
}
