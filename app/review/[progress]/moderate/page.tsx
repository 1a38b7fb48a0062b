import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { moderationView } from "@/lib/reviews/moderation";
import { Alert, Card, PageHeader } from "@/components/ui";
import { ModerationForm } from "@/components/review/moderation-form";
import { OUTCOME_LABEL } from "@/components/review/format";

export const metadata = { title: "Moderate a double-marked review" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ModeratePage({ params }: { params: Promise<{ progress: string }> }) {
  const caller = await requireRole("admin");
  const { progress } = await params;
  if (!UUID.test(progress)) notFound();
  let v;
  try {
    v = await moderationView({ caller, progressId: progress });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "conflict")
      return (
        <Alert tone="blue" title="Not ready for moderation" className="mt-4">
          {e.message}
        </Alert>
      );
    throw e;
  }
  const marked = v.marks.some((m) => m.mentor.id === caller.id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/review/${v.progress_id}`} className="text-brand-700 underline">
          ← The submission
        </Link>
      </p>
      <PageHeader title={`Moderate ${v.mission.code} · ${v.mission.title}`} description={<>Submitted by <strong>{v.learner.name}</strong>. Two mentors marked it blind; pick the final marks.</>} />
      {v.status === "final" ? (
        <Alert tone="green" title="Decided" className="mb-4">
          The final review has been released to the learner.
        </Alert>
      ) : (
        <Alert tone="amber" title="Why it needs a moderator" className="mb-4">
          <ul className="mt-1 list-disc pl-5">
            {v.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="mb-6 grid gap-4 md:grid-cols-2">
        {v.marks.map((m) => (
          <Card key={m.round}>
            <h2 className="font-semibold">
              {m.round === 1 ? "First" : "Second"} mentor: {m.mentor.name}
            </h2>
            <p className="mt-1 text-sm">
              {OUTCOME_LABEL[m.outcome] ?? m.outcome} · score <strong>{m.score.toFixed(1)}</strong> {m.passed ? "(passes)" : "(does not pass)"}
            </p>
            {m.feedback ? <p className="mt-2 whitespace-pre-wrap text-sm text-slate-700">{m.feedback}</p> : <p className="mt-2 text-sm text-slate-500">No overall feedback.</p>}
          </Card>
        ))}
      </div>
      {v.status === "moderation" &&
        (marked ? (
          <Alert tone="blue">You marked this submission yourself; another admin moderates it.</Alert>
        ) : (
          <ModerationForm view={v} />
        ))}
    </>
  );
}
