import Link from "next/link";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { stageView } from "@/lib/attempts/read";
import { Alert, Badge, ButtonLink, Card } from "@/components/ui";
import { InlineMarkdown, Markdown } from "@/components/ui/markdown";
import { StageRecipes } from "@/components/recipes/stage-recipes";
import { StageTelemetry } from "@/components/telemetry/stage-telemetry";
import { PathTimeline } from "@/components/missions/path-timeline";
import { Countdown } from "@/components/missions/countdown";
import { StageForm } from "@/components/missions/stage-form";
import { EvidenceUploader } from "@/components/missions/evidence-uploader";
import { HintPanel } from "@/components/missions/hint-panel";
import { ToolsUsed } from "@/components/missions/tools-used";
import { DecisionPanel } from "@/components/missions/decision-panel";
import { NudgeCard } from "@/components/missions/nudge-card";
import { orNotFound } from "@/components/missions/load";
import { ChangesRequestedBanner } from "@/components/missions/changes-requested";
import { reviewForLearner } from "@/lib/reviews/results";
import { STATE_LABEL } from "@/components/missions/format";
import { tierLabel, trackLabel } from "@/lib/labels";

export const metadata = { title: "Mission stage" };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ stage?: string | string[] }> }) {
  const caller = await requireRole("learner", "mentor", "admin");
  const { id } = await params;
  const sp = await searchParams;
  // One load of mission, attempt and facts for the whole page (stageView), not one per section.
  const { detail: d, decisions, mission, content } = await orNotFound(stageView({ caller, idOrCode: id }));
  const p = d.progress;
  if (!p) redirect(`/missions/${d.code}`);
  const live = p.state === "in_progress" || p.state === "changes_requested";
  const wanted = typeof sp.stage === "string" ? sp.stage : null;
  const stageKey = wanted && p.path.includes(wanted) ? wanted : (p.current_stage ?? p.path[p.path.length - 1]);
  const stage = d.stages.find((s) => s.key === stageKey)!;
  // A reopened attempt shows its mentor's remarks where the learner works on them.
  const review = p.state === "changes_requested" ? await reviewForLearner({ caller, progressId: p.id }) : null;
  const completion = p.completions.find((c) => c.stage === stageKey);
  const decision = decisions.find((x) => x.after_stage === stageKey);
  const stageEvidence = p.evidence.filter((e) => e.stage === stageKey);
  const index = p.path.indexOf(stageKey) + 1;
  const rule = stage.evidence;
  const ruleText = [
    rule.required ? `Required: at least ${Math.max(1, rule.min_files)} file${Math.max(1, rule.min_files) === 1 ? "" : "s"}.` : rule.min_files ? `At least ${rule.min_files} file(s).` : "Optional.",
    rule.links?.required ? `A link is required (${rule.links.kinds.join(", ")}).` : "",
    typeof rule.description === "string" ? rule.description : "",
  ].filter(Boolean).join(" ");

  return (
    <>
      {live && <StageTelemetry missionId={d.id} progressId={p.id} stage={stageKey} />}
      {/* The clock stays in view while the learner scrolls through long instructions. */}
      {live && p.deadline_at && (
        <div className="sticky top-0 z-20 -mx-1 mb-3 bg-slate-50/95 px-1 py-1 backdrop-blur">
          <Countdown startedAt={p.started_at} deadlineAt={p.deadline_at} />
        </div>
      )}
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
        <Link href={`/missions/${d.code}`} className="hover:underline">{d.code} · {d.title}</Link> <span aria-hidden="true">/</span> Stage {index}
      </nav>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{stage.title}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
            <Badge tone={completion ? "green" : "blue"}>{completion ? "Completed" : "In progress"}</Badge>
            {!stage.required && <Badge>Optional</Badge>}
            {stage.required_skills.map((s) => <Badge key={s} tone="slate">{s}</Badge>)}
          </div>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <ButtonLink href={`/missions/${d.code}/reflection`} variant="secondary">Reflection</ButtonLink>
          <ButtonLink href={`/missions/${d.code}/submit`} variant={p.finished_path ? "primary" : "secondary"}>Submit</ButtonLink>
        </div>
      </div>
      {!live && <Alert tone="blue" className="mb-4" title={STATE_LABEL[p.state]}>This attempt can no longer change. <Link className="underline" href={`/missions/${d.code}`}>Back to the mission</Link></Alert>}
      {p.state === "changes_requested" && (review ? <ChangesRequestedBanner review={review} path={p.path} code={d.code} current={stageKey} stageTitle={(k) => d.stages.find((s) => s.key === k)?.title ?? k} /> : <Alert tone="amber" className="mb-4">Your mentor asked for changes: update your work and submit again.</Alert>)}

      <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)_18rem]">
        <aside aria-label="Stage navigation" className="order-2 lg:order-1">
          <Card className="p-4">
            <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">Your path</h2>
            <PathTimeline detail={d} decisions={decisions} activeStage={stageKey} linkStages />
          </Card>
        </aside>

        <div className="order-1 min-w-0 space-y-6 lg:order-2">
          <Card>
            <h2 className="mb-2 text-lg font-semibold text-slate-900">Instructions</h2>
            {/* Code and log blocks keep their lines whole (an IP never splits) and scroll inside the block. */}
            <div className="min-w-0">
              <Markdown>{stage.instructions}</Markdown>
            </div>
          </Card>

          {decision && completion && (
            <DecisionPanel
              key={decision.key}
              code={d.code}
              // What the panel reads: the prompt goes rendered only, the decision's timestamps not at all.
              decision={{ key: decision.key, after_stage: decision.after_stage, choices: decision.choices, chosen: decision.chosen && { choice_id: decision.chosen.choice_id, label: decision.chosen.label, consequence: decision.chosen.consequence, next_stage: decision.chosen.next_stage } }}
              rendered={{
                // Prompts, choices and consequences are inline markdown, rendered here (see components/ui/markdown.tsx).
                prompt: <InlineMarkdown text={decision.prompt} />,
                choices: Object.fromEntries(decision.choices.map((c) => [c.id, <InlineMarkdown key={c.id} text={c.label} />])),
                consequence: decision.chosen ? <InlineMarkdown text={decision.chosen.consequence} /> : null,
              }}
              // Only the stages this decision can lead to: the panel names the one chosen.
              stageTitles={Object.fromEntries((content.decisions.find((x) => x.key === decision.key)?.choices ?? []).map((c) => [c.next_stage, d.stages.find((s) => s.key === c.next_stage)?.title ?? c.next_stage]))}
              pathSoFar={p.path.slice(0, p.path.indexOf(stageKey) + 1).map((k) => ({ key: k, title: d.stages.find((s) => s.key === k)?.title ?? k, choice: decisions.find((x) => x.after_stage === k)?.chosen?.label ?? null }))}
            />
          )}

          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Evidence</h2>
            <p className="mb-3 mt-1 text-sm text-slate-600">{ruleText}</p>
            <EvidenceUploader key={stageKey} code={d.code} stage={stageKey} evidence={stageEvidence} accepts={rule.kinds} maxFiles={rule.max_files} disabled={!live} />
          </Card>

          <Card>
            <h2 className="mb-3 text-lg font-semibold text-slate-900">{completion ? "Your work on this stage" : "Complete the stage"}</h2>
            <StageForm
              key={`${stageKey}-${completion?.completed_at ?? "new"}`}
              code={d.code}
              stage={stageKey}
              notesMinChars={stage.notes_min_chars}
              answerPrompt={stage.answer_prompt}
              initial={{ notes: completion?.notes ?? "", answer: completion?.answer ?? null }}
              completed={Boolean(completion)}
              disabled={!live}
            />
          </Card>

          {p.finished_path && live && (
            <Alert tone="green" title="You reached the end of your path">
              Write your reflection, then check the submission list. <Link href={`/missions/${d.code}/reflection`} className="font-medium underline">Write the reflection</Link>
            </Alert>
          )}
        </div>

        <aside aria-label="Help for this stage" className="order-3 space-y-6">
          {live && <NudgeCard key={stageKey} code={d.code} missionId={d.id} progressId={p.id} stage={stageKey} />}
          {/* In the page's own chunk, not behind a Suspense boundary: its two statements take a few ms, and
              each streamed boundary is one more write (and zlib flush) per view (bench/RESULTS-stage.md). */}
          <StageRecipes caller={caller} mission={mission} content={content} stage={stageKey} />
          <Card className="scroll-mt-4 p-4" id="hints">
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">Hints</h2>
            <HintPanel key={stageKey} code={d.code} stage={stageKey} hints={stage.hints.map((h) => ({ level: h.level, penalty: h.penalty, unlocked: h.unlocked, ...(h.text === undefined ? {} : { text: <InlineMarkdown text={h.text} /> }) }))} disabled={!live} />
            <p className="mt-1 text-xs text-slate-500">Total hint penalty this attempt: {p.hint_penalty}.</p>
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">Tools used</h2>
            <ToolsUsed key={stageKey} code={d.code} stage={stageKey} tools={p.tools.filter((t) => t.stage === stageKey).map((t) => t.tool)} disabled={!live} />
          </Card>
          {stage.recipes.length > 0 && (
            <Card className="p-4">
              <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">Author's recipes</h2>
              <ul className="space-y-1 text-sm">
                {stage.recipes.map((r) => <li key={r.slug}><Link href={`/recipes/${r.slug}`} className="text-brand-700 hover:underline">{r.title}</Link></li>)}
              </ul>
            </Card>
          )}
          <p className="text-xs text-slate-500">{trackLabel(d.track)} · {tierLabel(d.tier)} · attempt {p.attempt}</p>
        </aside>
      </div>
    </>
  );
}
