import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { assignments, missionProgress, missions, telemetryEvents, users } from "@/lib/db/schema";
import type { Caller } from "@/lib/auth/session";
import type { MissionContent, StageContent } from "@/lib/content/schemas";
import { missionContent } from "@/lib/db/queries/missions";
import { startMission } from "@/lib/attempts/start";
import { getProgress } from "@/lib/attempts/read";
import { chooseDecision, completeStage, recordTool, saveReflection, unlockHint } from "@/lib/attempts/play";
import { submitMission } from "@/lib/attempts/submit";
import { addEvidence } from "@/lib/attempts/evidence";
import { submitReview } from "@/lib/reviews/submit";
import { computePath } from "@/lib/missions/graph";
import { evidenceStore } from "@/lib/storage";
import { removeStaged, stageBytes } from "@/lib/storage/staging";
import type { ReviewOutcome } from "@/lib/db/schema/enums";
import { AppError } from "@/lib/errors";
import { recordEvents } from "@/lib/telemetry/record";
import type { EventRecord } from "@/lib/telemetry/events";

/**
 * Mission history for the demo, played through the same services the app uses (so every row,
 * pre-score and telemetry event is what a real learner would leave), then backdated so dashboards
 * show weeks of activity. Idempotent: skipped when the demo learner already has history.
 */
export async function seedHistory(ids: { learnerId: string; mentorId: string; adminId: string; peerIds: string[]; cohortId: string }) {
  const [already] = await db.select({ id: missionProgress.id }).from(missionProgress).where(eq(missionProgress.userId, ids.learnerId)).limit(1);
  if (already) return;

  const people = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role, organisationId: users.organisationId }).from(users).where(inArray(users.id, [ids.learnerId, ids.mentorId, ...ids.peerIds]));
  const caller = (id: string): Caller => {
    const u = people.find((p) => p.id === id)!;
    return { id: u.id, email: u.email, name: u.name, role: u.role as Caller["role"], organisationId: u.organisationId };
  };
  const mentor = caller(ids.mentorId);
  const catalogue = await db
    .select({ code: missions.code, track: missions.track, tier: missions.tier, hours: missions.timeConstraintHours })
    .from(missions)
    .where(eq(missions.status, "published"))
    .orderBy(asc(missions.code));
  const pick = (track: string, tier: string, n = 0, untimed = true) => catalogue.filter((m) => m.track === track && m.tier === tier && (!untimed || !m.hours))[n]?.code;

  const learner = caller(ids.learnerId);
  const siem = catalogue.some((m) => m.code === "SIEM-01") ? "SIEM-01" : pick("defender", "beginner");
  const defenderB2 = catalogue.find((m) => m.track === "defender" && m.tier === "beginner" && m.code !== siem && !m.hours)?.code;
  const plan: { code: string | undefined; who: Caller; strategy: number; until: Until; review?: ReviewPlan; daysAgo: number }[] = [
    { code: siem, who: learner, strategy: 0, until: "submit", review: { outcome: "approved", quality: 0.9 }, daysAgo: 24 },
    { code: defenderB2, who: learner, strategy: 1, until: "submit", review: { outcome: "approved", quality: 0.75 }, daysAgo: 17 },
    { code: pick("defender", "intermediate"), who: learner, strategy: 0, until: "half", daysAgo: 2 },
    { code: pick("offensive", "beginner"), who: learner, strategy: 0, until: "submit", daysAgo: 3 },
    { code: pick("grc", "beginner"), who: learner, strategy: 1, until: "submit", review: { outcome: "changes_requested", quality: 0.45 }, daysAgo: 9 },
    { code: pick("leadership", "beginner"), who: learner, strategy: 1, until: "submit", review: { outcome: "failed", quality: 0.2 }, daysAgo: 12 },
  ];
  ids.peerIds.forEach((peer, i) => {
    const who = caller(peer);
    const reviewed: ReviewPlan | undefined = i < 2 ? { outcome: "approved", quality: i === 0 ? 0.95 : 0.6 } : i === 2 ? { outcome: "failed", quality: 0.25 } : undefined;
    // Peer 4 stalls early and goes quiet for weeks: an abandoned attempt and a learner at risk.
    plan.push({ code: siem, who, strategy: i, until: i === 4 ? "half" : "submit", review: reviewed, daysAgo: i === 4 ? 18 : 20 - i * 3 });
    if (i < 3 && defenderB2) plan.push({ code: defenderB2, who, strategy: i + 1, until: i === 1 ? "half" : "submit", daysAgo: 6 + i });
  });

  // Assignments: one for the whole cohort with a due date ahead, one already overdue for a peer.
  const byCode = new Map((await db.select({ id: missions.id, code: missions.code }).from(missions)).map((m) => [m.code, m.id]));
  const cohortMission = byCode.get(pick("defender", "beginner", 1) ?? "") ?? byCode.get(siem ?? "");
  const overdueMission = byCode.get(pick("offensive", "beginner") ?? "");
  const day = 24 * 3600 * 1000;
  if (cohortMission) await db.insert(assignments).values({ missionId: cohortMission, cohortId: ids.cohortId, assignedBy: ids.mentorId, dueAt: new Date(Date.now() + 5 * day) });
  if (overdueMission && ids.peerIds[3]) await db.insert(assignments).values({ missionId: overdueMission, learnerId: ids.peerIds[3], assignedBy: ids.mentorId, dueAt: new Date(Date.now() - 2 * day) });

  for (const step of plan) {
    if (!step.code) continue;
    const progressId = await play(step.who, step.code, step.strategy, step.until);
    if (!progressId) continue;
    if (step.review && step.until === "submit") await reviewOrDowngrade(mentor, progressId, step.review);
    await backdate(progressId, step.daysAgo);
  }
}

type Until = "half" | "submit";
interface ReviewPlan {
  outcome: ReviewOutcome;
  quality: number; // 0..1: how high in each criterion's levels the mentor scores
}

function answerFor(stage: StageContent): string | null {
  const a = stage.answer;
  if (!a) return null;
  if (a.kind === "exact") return a.value;
  if (a.kind === "set") return a.values.join(", ");
  return null;
}

function notesFor(stage: StageContent): string {
  const first = stage.instructions.replace(/```[\s\S]*?```/g, " ").replace(/[#*_>`|-]/g, " ").replace(/\s+/g, " ").trim().split(/(?<=\.)\s/)[0] ?? "";
  const text = `Worked through "${stage.title}". ${first} I recorded what I checked, what I found and why it matters, with timestamps in UTC and the evidence attached.`;
  return text.length >= stage.notes_min_chars ? text : text + " ".repeat(0) + " Detail: " + "I double-checked each finding against the raw artefact before writing it down. ".repeat(Math.ceil(stage.notes_min_chars / 80));
}

const TINY_PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));

function evidenceFile(stage: StageContent, who: Caller) {
  const kinds = stage.evidence.kinds;
  const text = `Evidence for ${stage.title}\nAnalyst: ${who.name}\nCollected: ${new Date().toISOString()}\n\nCommands run and their output are summarised in my stage notes.\n`;
  if (kinds.includes("text")) return { name: `${stage.key}-notes.txt`, bytes: new TextEncoder().encode(text), contentType: "text/plain", kind: "text" };
  if (kinds.includes("csv")) return { name: `${stage.key}.csv`, bytes: new TextEncoder().encode("item,finding\n1,see notes\n"), contentType: "text/csv", kind: "csv" };
  if (kinds.includes("json")) return { name: `${stage.key}.json`, bytes: new TextEncoder().encode(JSON.stringify({ stage: stage.key, summary: "see notes" })), contentType: "application/json", kind: "json" };
  return { name: `${stage.key}.png`, bytes: TINY_PNG, contentType: "image/png", kind: "image" };
}

/** Plays a mission as a learner would: stages in path order, a choice per decision, evidence, reflection, submit. */
async function play(who: Caller, code: string, strategy: number, until: Until): Promise<string | null> {
  let started;
  try {
    started = await startMission({ caller: who, idOrCode: code });
  } catch {
    return null; // locked for this learner: leave it locked in the demo
  }
  const progressId = started.progress.id as string;
  const [row] = await db.select({ missionId: missionProgress.missionId, version: missionProgress.missionVersion }).from(missionProgress).where(eq(missionProgress.id, progressId));
  const content = (await missionContent({ missionId: row.missionId, version: row.version })) as MissionContent;
  const completed = new Set<string>();
  const choices = new Map<string, string>();
  let steps = 0;
  for (;;) {
    const { current, pendingDecision } = computePath(content, completed, choices);
    if (pendingDecision) {
      const d = content.decisions.find((x) => x.key === pendingDecision)!;
      const ideal = d.choices.findIndex((c) => c.ideal);
      const choice = strategy === 0 && ideal >= 0 ? d.choices[ideal] : d.choices[(strategy + steps) % d.choices.length];
      await chooseDecision({ caller: who, idOrCode: code, decision: d.key, choiceId: choice.id });
      choices.set(d.key, choice.id);
      continue;
    }
    if (!current) break;
    if (until === "half" && steps >= Math.max(1, Math.floor(content.stages.length / 3))) return progressId;
    const stage = content.stages.find((s) => s.key === current)!;
    if (stage.hints.length && (strategy + steps) % 3 === 1) await unlockHint({ caller: who, idOrCode: code, stage: stage.key });
    if (stage.evidence.required || stage.evidence.min_files > 0) {
      const f = evidenceFile(stage, who);
      const files = Array.from({ length: Math.max(1, stage.evidence.min_files) }, (_, i) => stageBytes({ ...f, name: i ? `${i}-${f.name}` : f.name, bytes: i ? new Uint8Array([...f.bytes, 10 + i]) : f.bytes }, evidenceStore().staging));
      try {
        await addEvidence({ caller: who, idOrCode: code, stage: stage.key, files });
      } finally {
        await removeStaged(files.map((x) => x.path));
      }
    }
    const links = stage.evidence.links?.required ? [`https://git.northwind-logistics.test/${who.name.split(" ")[0].toLowerCase()}/${code.toLowerCase()}-${stage.key}`] : [];
    await stageVisit(who, progressId, row.missionId, stage.key, strategy, steps);
    const tool = stage.required_skills[0];
    if (tool) await recordTool({ caller: who, idOrCode: code, stage: stage.key, tool: toolFor(tool) });
    await completeStage({ caller: who, idOrCode: code, stage: stage.key, input: { notes: notesFor(stage), answer: answerFor(stage), links } });
    completed.add(stage.key);
    steps++;
  }
  await saveReflection({
    caller: who,
    idOrCode: code,
    reflection: `What I set out to do: ${content.objectives.join("; ")}.\n\nWhat went well: I worked from the evidence, wrote down each finding with its source, and made each decision on what the artefacts showed rather than on instinct.\n\nWhat I would do differently: I would time-box the first pass and ask for a second opinion earlier. Next time I will automate the repetitive filtering so I spend my time on judgement, not on typing.`,
  });
  await submitMission({ caller: who, idOrCode: code });
  await getProgress({ caller: who, idOrCode: code });
  return progressId;
}

/**
 * What the browser tracker would have sent while the learner worked on the stage: the visible time
 * (3–13 minutes, varied by learner and stage) and, for some, a nudge they opened or dismissed — so
 * time per stage, nudge rates and the timeline have data in a fresh demo.
 */
async function stageVisit(who: Caller, progressId: string, missionId: string, stage: string, strategy: number, steps: number) {
  const minutes = 3 + ((strategy * 7 + steps * 5) % 11);
  const now = Date.now();
  const at = (msAgo: number) => new Date(now - msAgo);
  const base = { userId: who.id, missionId, progressId, stageKey: stage };
  // Wall-clock times stay between the attempt's start and the completion that follows (the
  // timeline orders by them); the visible time is what the dashboards count.
  const events: EventRecord[] = [
    { ...base, type: "stage.entered", occurredAt: at(4) },
    { ...base, type: "stage.left", occurredAt: at(1), payload: { visible_ms: Math.round(minutes * 60_000 * 0.85), reason: "completed" } },
  ];
  if ((strategy + steps) % 4 === 2) {
    events.splice(1, 0, { ...base, type: "nudge.shown", occurredAt: at(3), payload: { kind: "recipe" } });
    events.splice(2, 0, { ...base, type: strategy % 2 ? "nudge.opened" : "nudge.dismissed", occurredAt: at(2), payload: { kind: "recipe" } });
  }
  await db.transaction((tx) => recordEvents(tx, events));
}

function toolFor(skill: string): string {
  const tools: Record<string, string> = {
    "log-analysis": "grep",
    "siem-querying": "Splunk",
    "network-analysis": "Wireshark",
    "web-exploitation": "Burp Suite",
    reconnaissance: "nmap",
    "risk-assessment": "risk register",
    communication: "briefing template",
  };
  return tools[skill] ?? skill.replace(/-/g, " ");
}

/** A path with costly decisions may not pass even when scored well: then the mentor fails it instead. */
async function reviewOrDowngrade(mentor: Caller, progressId: string, plan: ReviewPlan) {
  const attempts: ReviewPlan[] = plan.outcome === "approved" ? [plan, { outcome: "approved", quality: 1 }, { outcome: "failed", quality: plan.quality }] : [plan];
  for (const [i, a] of attempts.entries()) {
    try {
      return await review(mentor, progressId, a);
    } catch (e) {
      if (!(e instanceof AppError && e.code === "rule_not_met") || i === attempts.length - 1) throw e;
    }
  }
}

async function review(mentor: Caller, progressId: string, plan: ReviewPlan) {
  const [p] = await db.select({ version: missionProgress.version, missionId: missionProgress.missionId, missionVersion: missionProgress.missionVersion, path: missionProgress.path }).from(missionProgress).where(eq(missionProgress.id, progressId));
  const content = (await missionContent({ missionId: p.missionId, version: p.missionVersion })) as MissionContent;
  const onPath = new Set(p.path);
  const scores = content.rubric
    .filter((c) => c.stage === null || onPath.has(c.stage))
    .map((c, i) => {
      // Levels may be authored best-first or worst-first: rank them by points.
      const byPoints = c.levels.map((l, idx) => ({ idx, points: l.points })).sort((a, b) => a.points - b.points);
      const rank = Math.min(byPoints.length - 1, Math.max(0, Math.round(plan.quality * (byPoints.length - 1) + (i % 2 ? -0.3 : 0.2))));
      return { criterion: c.key, level: byPoints[rank].idx };
    });
  const feedback =
    plan.outcome === "approved"
      ? "Solid, evidence-led work. Your notes let me follow every step, and your decisions were justified by what the artefacts showed."
      : plan.outcome === "changes_requested"
        ? "Good start, but the findings need their evidence: attach the output you relied on and tighten the recommendation so a manager can act on it."
        : "The key finding was missed and the decisions were not supported by the evidence. Work through the recommended recipes and try a new attempt.";
  await submitReview({
    caller: mentor,
    progressId,
    body: { version: p.version, outcome: plan.outcome, scores, feedback, stage_feedback: {}, recommended_recipes: content.stages[0]?.recipes.slice(0, 1) ?? [], anchors: [] },
  });
}

/** Shifts an attempt and its events into the past so the demo has history over weeks. */
async function backdate(progressId: string, days: number) {
  const shift = sql.raw(`interval '${Math.round(days * 24)} hours'`);
  await db.execute(sql`update ${missionProgress} set
      started_at = started_at - ${shift},
      deadline_at = case when state in ('in_progress','changes_requested') then deadline_at else deadline_at - ${shift} end,
      submitted_at = submitted_at - ${shift} + interval '90 minutes',
      reviewed_at = reviewed_at - ${shift} + interval '1 day',
      completed_at = completed_at - ${shift} + interval '1 day',
      last_activity_at = last_activity_at - ${shift} + interval '1 day'
    where id = ${progressId} and started_at > now() - interval '1 hour'`);
  await db.execute(sql`update ${telemetryEvents} set occurred_at = occurred_at - ${shift}, received_at = received_at - ${shift} where ${and(eq(telemetryEvents.progressId, progressId))}`);
}
