import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Mission, MissionProgress } from "@/lib/db/schema";
import type { MissionContent } from "@/lib/content/schemas";
import { attemptFacts, emptyFacts, type Facts } from "@/lib/db/queries/attempts";
import { findMission, findMissionWithLatestAttempt, missionContent } from "@/lib/db/queries/missions";
import { computePath } from "@/lib/missions/graph";
import { computePrescore, type Prescore } from "@/lib/missions/prescore";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";

// The one way an attempt is read: its row, the content of the version it started on, what the
// learner did (facts) and the route those facts give through the mission's graph. Learner writes,
// the stage page, the review screen, results and the second opinion all start from here.

export type Route = ReturnType<typeof computePath>;

export interface Attempt {
  progress: MissionProgress;
  content: MissionContent;
  facts: Facts;
  /** The decision path, the stage the learner is on and a decision still to make. */
  route: Route;
}

/** A mission the caller may see: 404 when missing, or a draft for anyone but an admin. */
export async function visibleMission({ caller, idOrCode, tx = db }: { caller: Caller; idOrCode: string; tx?: Tx }): Promise<Mission> {
  return visible(await findMission({ idOrCode, tx }), caller);
}

function visible(m: Mission | undefined, caller: Caller): Mission {
  if (!m || (m.status === "draft" && caller.role !== "admin")) throw errors.notFound("Mission");
  return m;
}

/** A mission the caller may see (as `visibleMission`) with their latest attempt at it, read in one statement. */
export async function visibleMissionWithAttempt({ caller, idOrCode }: { caller: Caller; idOrCode: string }): Promise<{ mission: Mission; progress: MissionProgress | undefined }> {
  const found = await findMissionWithLatestAttempt({ idOrCode, userId: caller.id });
  return { mission: visible(found?.mission, caller), progress: found?.progress };
}

// Content versions are written once and never changed (a publish or import adds the next version),
// so a version read is kept in this process: the stage page, which every learner request renders,
// reads no content row and parses no content JSON after the first time. Safe on every instance of a
// cluster; bounded, least recently used first out. Only reads outside a transaction are kept (a
// version read inside one could still be rolled back), and a kept content is frozen, so a caller
// that tried to change it would fail loudly instead of changing it for every later request.
const KEEP_VERSIONS = 200;
const keptContent = new Map<string, MissionContent>();

function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** The content of one version of a mission; a progress row always points at one that exists. */
export async function contentOf({ missionId, version, tx = db }: { missionId: string; version: number; tx?: Tx }): Promise<MissionContent> {
  const key = tx === db ? `${missionId}:${version}` : null;
  const hit = key ? keptContent.get(key) : undefined;
  if (key && hit) {
    keptContent.delete(key);
    keptContent.set(key, hit);
    return hit;
  }
  const c = await missionContent({ missionId, version, tx });
  if (!c) throw errors.notFound("Mission version");
  if (key) {
    keptContent.set(key, deepFreeze(c));
    if (keptContent.size > KEEP_VERSIONS) keptContent.delete(keptContent.keys().next().value!);
  }
  return c;
}

export function routeOf(content: MissionContent, facts: Facts): Route {
  return computePath(content, new Set(facts.completions.map((c) => c.stageKey)), new Map(facts.decisions.map((d) => [d.decisionKey, d.choiceKey])));
}

/** Loads an attempt's content and facts (content and facts in parallel when outside a transaction). */
export async function loadAttempt(progress: MissionProgress, { tx = db, content }: { tx?: Tx; content?: MissionContent } = {}): Promise<Attempt> {
  const [c, facts] = await Promise.all([content ?? contentOf({ missionId: progress.missionId, version: progress.missionVersion, tx }), attemptFacts({ progressId: progress.id, tx })]);
  return { progress, content: c, facts, route: routeOf(c, facts) };
}

/** Content of the version the caller would play (their attempt's, else the mission's) and its facts. */
export async function loadOptionalAttempt(mission: Mission, progress: MissionProgress | undefined): Promise<Omit<Attempt, "progress"> & { progress: MissionProgress | undefined }> {
  if (progress) return loadAttempt(progress);
  const content = await contentOf({ missionId: mission.id, version: mission.version });
  const facts = emptyFacts();
  return { progress, content, facts, route: routeOf(content, facts) };
}

export function stageOf(content: MissionContent, key: string) {
  return content.stages.find((s) => s.key === key);
}

/** The automated pre-score of the attempt as it stands (SPEC §3 "Scoring"). */
export function computeAttemptPrescore(a: Pick<Attempt, "content" | "facts" | "route">, reflection: string | null): Prescore {
  return computePrescore({
    mission: a.content,
    path: a.route.path,
    completions: a.facts.completions.map((c) => ({ stageKey: c.stageKey, notes: c.notes, answer: c.answer })),
    evidence: a.facts.evidence.map((e) => ({ stageKey: e.stageKey, kind: e.kind as "file" | "link", contentType: e.contentType })),
    reflection,
  });
}

/** The pre-score stored at submission, or computed now for an attempt submitted without one. */
export function prescoreOf(a: Attempt): Prescore {
  const stored = a.progress.prescore as Prescore | null;
  return stored && Array.isArray(stored.items) ? stored : computeAttemptPrescore(a, a.progress.reflection);
}
