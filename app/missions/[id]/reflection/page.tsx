import Link from "next/link";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { missionDetail } from "@/lib/catalogue/detail";
import { getTimeline } from "@/lib/attempts/read";
import { REFLECTION_MIN_CHARS } from "@/lib/missions/checklist";
import { Alert, Card, PageHeader } from "@/components/ui";
import { ReflectionForm } from "@/components/missions/reflection-form";
import { orNotFound } from "@/components/missions/load";

export const metadata = { title: "Reflection" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requireRole("learner", "mentor", "admin");
  const { id } = await params;
  const d = await orNotFound(missionDetail({ caller, idOrCode: id }));
  const p = d.progress;
  if (!p) redirect(`/missions/${d.code}`);
  const live = p.state === "in_progress" || p.state === "changes_requested";
  const timeline = await getTimeline({ caller, idOrCode: d.code });
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
        <Link href={`/missions/${d.code}`} className="hover:underline">{d.code} · {d.title}</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/missions/${d.code}/play`} className="hover:underline">Stages</Link> <span aria-hidden="true">/</span> Reflection
      </nav>
      <PageHeader
        title="Reflection"
        description={d.reflection_required ? "Required before you submit. Your mentor reads it alongside your work, and it goes into your portfolio." : "Optional for this mission, and worth it: it goes into your portfolio."}
      />
      {!live && <Alert tone="blue" className="mb-4">This attempt is {p.state.replace("_", " ")}; the reflection can no longer change.</Alert>}
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <Card>
          <h2 className="font-semibold text-slate-900">Guided by the objectives</h2>
          <p className="mt-1 text-sm text-slate-600">For each objective: what did you do, what evidence did you rely on, what would you change?</p>
          <ol className="mt-3 list-decimal space-y-2 pl-5 text-sm text-slate-800">
            {d.objectives.map((o) => <li key={o}>{o}</li>)}
          </ol>
          {d.reflection_prompt && (
            <>
              <h3 className="mt-4 text-sm font-semibold text-slate-900">The author asks</h3>
              <p className="mt-1 text-sm italic text-slate-700">{d.reflection_prompt}</p>
            </>
          )}
          <h3 className="mt-4 text-sm font-semibold text-slate-900">Your path</h3>
          <p className="mt-1 text-sm text-slate-700">{p.path.map((k) => d.stages.find((s) => s.key === k)?.title ?? k).join(" → ")}</p>
        </Card>
        <Card>
          <ReflectionForm code={d.code} initial={p.reflection ?? ""} minChars={d.reflection_required ? REFLECTION_MIN_CHARS : 0} disabled={!live} moments={timeline.moments} />
        </Card>
      </div>
    </>
  );
}
