import { requireRole } from "@/lib/auth/session";
import { enrolledTracks, foundationsFor } from "@/lib/db/queries/foundations";
import { TRACKS } from "@/lib/db/schema/enums";
import { Alert, Badge, ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import Link from "next/link";
import { EnrolButton } from "@/components/missions/foundations-forms";
import { ProgressBar } from "@/components/missions/progress-bar";
import { formatDate, formatMinutes } from "@/components/missions/format";
import { trackLabel } from "@/lib/labels";

export const metadata = { title: "Foundations" };

const TRACK_BLURB: Record<string, string> = {
  defender: "SOC analysis, detection engineering, incident response.",
  offensive: "Penetration testing, web and network exploitation, reporting.",
  grc: "Governance, risk, compliance, audits and policy.",
  innovation: "Security automation, AI and tooling for defenders.",
  leadership: "Crisis communication, programme and team leadership.",
};

export default async function Page() {
  const caller = await requireRole("learner", "mentor", "admin");
  const [f, tracks] = await Promise.all([foundationsFor({ userId: caller.id }), enrolledTracks({ userId: caller.id })]);
  const enrolled = new Set(tracks.map((t) => t.track));
  const minutesLeft = f.modules.filter((m) => !m.completedAt).reduce((s, m) => s + m.estimatedMinutes, 0);
  return (
    <>
      <PageHeader title="Foundations" description="A short course every learner completes before the first mission: ethics, how missions work, and the basics you will use in every stage. Each module is a reading, a self-check graded with feedback, and recipes to practise with; passing the self-check marks the module done." />
      <Card className="mb-6">
        <h2 className="font-semibold text-slate-900">Your progress</h2>
        <div className="mt-3"><ProgressBar value={f.completed} max={f.total} label="Foundations modules done" /></div>
        {f.complete ? (
          <Alert tone="green" className="mt-4" title="Foundations complete">
            Beginner missions are unlocked. <a href="/dashboard" className="font-medium underline">Go to your missions</a>.
          </Alert>
        ) : (
          <p className="mt-3 text-sm text-slate-600">{f.requiredRemaining} required module{f.requiredRemaining === 1 ? "" : "s"} left · about {formatMinutes(minutesLeft)}.</p>
        )}
      </Card>

      <section aria-labelledby="modules">
        <h2 id="modules" className="mb-3 text-xl font-semibold text-slate-900">Modules</h2>
        {f.modules.length === 0 ? (
          <EmptyState title="No modules yet">An administrator has not published Foundations modules yet; missions are open.</EmptyState>
        ) : (
          <ol className="space-y-3">
            {f.modules.map((m, i) => (
              <li key={m.id}>
                <Card className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <p className="text-xs font-medium text-slate-500">Module {i + 1} · {formatMinutes(m.estimatedMinutes)}{!m.required && " · optional"}{m.selfCheck.length > 0 && ` · self-check of ${m.selfCheck.length} questions`}</p>
                    <h3 className="mt-0.5 font-semibold text-slate-900"><Link href={`/foundations/${m.slug}`} className="hover:underline">{m.title}</Link></h3>
                    <p className="mt-1 text-sm text-slate-700">{m.summary}</p>
                  </div>
                  <div className="flex shrink-0 flex-wrap items-center gap-2">
                    {m.completedAt && <Badge tone="green">Done · {formatDate(m.completedAt)}</Badge>}
                    <ButtonLink href={`/foundations/${m.slug}`} variant={m.completedAt ? "secondary" : "primary"} aria-label={`${m.completedAt ? "Review" : "Start"} "${m.title}"`}>
                      {m.completedAt ? "Review" : "Start module"}
                    </ButtonLink>
                  </div>
                </Card>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section id="tracks" aria-labelledby="tracks-h" className="mt-10">
        <h2 id="tracks-h" className="text-xl font-semibold text-slate-900">Tracks</h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">Enrol in the tracks you are training for. Missions of other tracks stay visible, marked “not enrolled”.</p>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {TRACKS.map((t) => (
            <li key={t}>
              <Card className="flex h-full flex-col">
                <div className="flex items-center gap-2">
                  <h3 className="font-semibold text-slate-900">{trackLabel(t)}</h3>
                  {enrolled.has(t) && <Badge tone="green">Enrolled</Badge>}
                </div>
                <p className="mt-1 flex-1 text-sm text-slate-600">{TRACK_BLURB[t]}</p>
                <div className="mt-3 flex flex-wrap items-center gap-2">
                  <EnrolButton track={t} label={trackLabel(t)} enrolled={enrolled.has(t)} />
                  <ButtonLink href={`/dashboard?track=${t}`} variant="ghost">Missions</ButtonLink>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
