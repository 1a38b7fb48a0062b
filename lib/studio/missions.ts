import "server-only";
import { db, type Tx } from "@/lib/db";
import { findMission } from "@/lib/db/queries/missions";
import { attemptFacts, updateAttempt } from "@/lib/db/queries/attempts";
import { attemptsByState, attemptsInStates, insertAudit, saveDraftIfVersion, userName } from "@/lib/db/queries/studio";
import { listStudio } from "./list";
import { knownContent, writePack } from "@/lib/content/import";
import { missionSchema, type MissionContent } from "@/lib/content/schemas";
import { computeAttemptPrescore, routeOf } from "@/lib/attempts/load";
import { REVIEWABLE_STATES } from "@/lib/missions/state";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { assertAdmin, staleConflict, workingCopy } from "./drafts";
import { countByState, missionDiff } from "./diff";
import { missionProblems, problemFields, type Problem } from "./problems";

// Mission Studio for missions (SPEC §7): the list, validate, impact and publish. Publishing goes
// through the import's own checks (validatePack) and writes (writePack), so the analytics
// triggers, recipe links and stored versions behave exactly as after an import.

export async function listMissions({ caller, q, status }: { caller: Caller; q?: string; status?: string }) {
  const items = await listStudio({ caller, kind: "mission", q, status });
  return { items: items.map(({ ref, ...i }) => ({ code: ref, ...i })) };
}

async function problemsOf(content: unknown, tx: Tx = db): Promise<Problem[]> {
  return missionProblems(content, await knownContent(tx));
}

export async function validateMission({ caller, code }: { caller: Caller; code: string }) {
  assertAdmin(caller);
  const w = await workingCopy({ kind: "mission", ref: code });
  const problems = await problemsOf(w.content);
  return { code: w.ref, draft_version: w.draftVersion, valid: problems.length === 0, problems };
}

function parsed(content: unknown): MissionContent {
  return missionSchema.parse(content);
}

export async function missionImpact({ caller, code }: { caller: Caller; code: string }) {
  assertAdmin(caller);
  const w = await workingCopy({ kind: "mission", ref: code });
  const r = missionSchema.safeParse(w.content);
  if (!r.success) {
    const problems = await problemsOf(w.content);
    throw errors.rule("The draft is not a complete mission yet, so it cannot be compared; fix these first.", problemFields(problems), { problems });
  }
  const before = w.published ? (w.published.content as unknown as MissionContent) : null;
  const diff = missionDiff(before, r.data);
  const rows = w.published ? await attemptsByState({ missionId: w.published.id }) : [];
  const attempts = countByState(rows);
  const rescorable = rows.filter((x) => (REVIEWABLE_STATES as readonly string[]).includes(x.state)).reduce((s, x) => s + x.n, 0);
  return {
    code: w.ref,
    draft_version: w.draftVersion,
    published_version: w.published?.version ?? null,
    changes: diff,
    attempts: { ...attempts, on_published_version: rows.filter((x) => x.version === w.published?.version).reduce((s, x) => s + x.n, 0), rescorable },
  };
}

/**
 * Re-runs the deterministic pre-score of submissions waiting for review against the new content
 * (their answers, weights and evidence rules); the attempts keep the version they started on.
 */
async function rescore(tx: Tx, missionId: string, content: MissionContent): Promise<number> {
  const waiting = await attemptsInStates({ missionId, states: REVIEWABLE_STATES, tx });
  for (const p of waiting) {
    const facts = await attemptFacts({ progressId: p.id, tx });
    const prescore = computeAttemptPrescore({ content, facts, route: routeOf(content, facts) }, p.reflection);
    await updateAttempt(tx, { id: p.id, set: { prescore } });
  }
  return waiting.length;
}

export async function publishMission({ caller, code, rescore: rerun = false, draftVersion }: { caller: Caller; code: string; rescore?: boolean; draftVersion?: number }) {
  assertAdmin(caller);
  return db.transaction(async (tx) => {
    const w = await workingCopy({ kind: "mission", ref: code, tx, lock: true });
    if (draftVersion !== undefined && draftVersion !== w.draftVersion) throw await staleConflict("mission", w.draft, tx);
    if (!w.draft?.content) {
      // Nothing pending: publishing again is a no-op (a retried request must not fail), though a
      // rescore still re-runs against the published content.
      const current = w.published!;
      const rescored = rerun ? await rescore(tx, current.id, current.content as unknown as MissionContent) : 0;
      return { code: w.ref, status: current.status, version: current.version, previous_version: current.version, outcome: "unchanged" as const, draft_version: w.draftVersion, rescored, audit: null };
    }
    const problems = await problemsOf(w.draft.content, tx);
    if (problems.length) throw errors.rule(`The draft has ${problems.length} problem(s); nothing was published.`, problemFields(problems), { problems });
    const status = w.draft.content.status === "archived" ? "archived" : "published";
    const mission = parsed({ ...w.draft.content, status });
    const before = w.published ? (w.published.content as unknown as MissionContent) : null;
    const summary = await writePack(tx, { format: "sortie-content-pack/1", foundations: [], missions: [mission], recipes: [] });
    const row = (await findMission({ idOrCode: w.ref, tx }))!;
    const rescored = rerun ? await rescore(tx, row.id, mission) : 0;
    const diff = missionDiff(before, mission);
    const outcome = summary.missions.created.length ? ("created" as const) : summary.missions.updated.length ? ("updated" as const) : ("unchanged" as const);
    const audit = await insertAudit(tx, {
      kind: "mission",
      ref: w.ref,
      action: "publish",
      version: row.version,
      actorId: caller.id,
      details: { previous_version: w.published?.version ?? null, outcome, rescored, changes: diff },
    });
    const cleared = await saveDraftIfVersion(tx, { id: w.draft.id, expect: w.draft.draftVersion, content: null, userId: caller.id });
    const by = await userName({ id: caller.id, tx });
    return {
      code: w.ref,
      status: row.status,
      version: row.version,
      previous_version: w.published?.version ?? null,
      outcome,
      draft_version: cleared?.draftVersion ?? w.draft.draftVersion,
      rescored,
      audit: { id: audit.id, action: "publish", at: audit.createdAt.toISOString(), by },
    };
  });
}
