import Link from "next/link";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { missionDetail } from "@/lib/catalogue/detail";
import { submitChecklistFor } from "@/lib/attempts/read";
import { Alert, Card, PageHeader } from "@/components/ui";
import { SubmitPanel } from "@/components/missions/submit-panel";
import { orNotFound } from "@/components/missions/load";

export const metadata = { title: "Submit" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requireRole("learner", "mentor", "admin");
  const { id } = await params;
  const d = await orNotFound(missionDetail({ caller, idOrCode: id }));
  const p = d.progress;
  if (!p) redirect(`/missions/${d.code}`);
  const live = p.state === "in_progress" || p.state === "changes_requested";
  if (!live) redirect(`/missions/${d.code}/complete`);
  const missing = (await submitChecklistFor({ caller, idOrCode: d.id })) ?? [];
  const done = p.path.filter((k) => p.completed_stages.includes(k));
  const titleOf = (k: string) => d.stages.find((s) => s.key === k)?.title ?? k;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
        <Link href={`/missions/${d.code}`} className="hover:underline">{d.code} · {d.title}</Link> <span aria-hidden="true">/</span> Submit
      </nav>
      <PageHeader title="Submit for review" description="A mentor scores every stage on your path with the mission's rubric. After you submit, your work can no longer change." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="font-semibold text-slate-900">Checklist</h2>
          {missing.length === 0 ? (
            <Alert tone="green" className="mt-3" title="Everything is in place">Your path is complete, the evidence is attached and the reflection is written.</Alert>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-700">{missing.length} item{missing.length === 1 ? "" : "s"} still missing:</p>
              <ul className="mt-2 space-y-2" aria-label="Missing items">
                {missing.map((m) => (
                  <li key={m.field} className="flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
                    <span aria-hidden="true">✗</span>
                    <span>
                      {m.message}{" "}
                      {m.stage && m.item !== "reflection" && <Link href={`/missions/${d.code}/play?stage=${m.stage}`} className="font-medium underline">Go to the stage</Link>}
                      {m.item === "reflection" && <Link href={`/missions/${d.code}/reflection`} className="font-medium underline">Write it</Link>}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {done.length > 0 && (
            <ul className="mt-4 space-y-1 text-sm text-slate-700" aria-label="Completed stages">
              {done.map((k) => <li key={k}><span aria-hidden="true" className="text-green-700">✓ </span>{titleOf(k)}</li>)}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold text-slate-900">Your attempt</h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-600">Path</dt><dd className="text-slate-900">{p.path.map(titleOf).join(" → ")}</dd>
            <dt className="text-slate-600">Evidence</dt><dd className="text-slate-900">{p.evidence.filter((e) => e.kind === "file").length} file(s), {p.evidence.filter((e) => e.kind === "link").length} link(s)</dd>
            <dt className="text-slate-600">Hint penalty</dt><dd className="text-slate-900">{p.hint_penalty} point{p.hint_penalty === 1 ? "" : "s"}</dd>
            <dt className="text-slate-600">Reflection</dt><dd className="text-slate-900">{p.reflection?.trim() ? `${p.reflection.trim().length} characters` : "Not written"}</dd>
          </dl>
          <div className="mt-5"><SubmitPanel code={d.code} ready={missing.length === 0} /></div>
        </Card>
      </div>
    </>
  );
}
