import "server-only";
import { canSeeLearnerWork } from "@/lib/db/queries/access";
import { db } from "@/lib/db";
import { deleteEvidence, evidenceFile, insertEvidence, lockEvidenceContent, storageKeyInUse } from "@/lib/db/queries/attempts";
import { toEvidence } from "@/lib/missions/serialize";
import { recordEvents } from "@/lib/telemetry/record";
import { evidenceStore, persistEvidence, type EvidenceStore, type PreparedFile } from "@/lib/storage";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { logFailure } from "@/lib/log";
import { stageOf, visibleMission } from "./load";
import { saveAttempt } from "./save";
import { withWritableAttempt, type WriteCtx } from "./write";

/** Checks a stage's evidence rule for new files: the stage, the route, kinds and counts. */
function checkFiles(ctx: WriteCtx, key: string, files: PreparedFile[]) {
  const stage = stageOf(ctx.content, key);
  if (!stage) throw errors.validation({ stage: `unknown stage "${key}"` });
  if (!ctx.route.path.includes(key)) throw errors.rule(`Stage "${stage.title}" is not on your path yet.`, { stage: "not on your path yet" });
  for (const f of files) {
    if (!stage.evidence.kinds.includes(f.kind as never))
      throw errors.unsupported(`"${f.name}" is ${f.kind === "image" ? "an image" : `a ${f.kind} file`}; this stage accepts ${stage.evidence.kinds.join(", ")}.`);
  }
  const existing = ctx.facts.evidence.filter((e) => e.stageKey === key && e.kind === "file").length;
  if (existing + files.length > stage.evidence.max_files)
    throw errors.rule(`This stage accepts at most ${stage.evidence.max_files} file${stage.evidence.max_files === 1 ? "" : "s"}; it has ${existing}. Remove one first.`, { files: `at most ${stage.evidence.max_files} files for this stage` });
}

/**
 * Deletes a stored file once no row points at it. Under the content's lock, so an upload of the
 * same bytes either committed its row before (the file stays) or writes the file again after.
 */
async function collectStored(store: EvidenceStore, files: { sha256: string; storageKey: string }[]) {
  for (const f of files) {
    await db
      .transaction(async (tx) => {
        await lockEvidenceContent(tx, { sha256s: [f.sha256] });
        if (!(await storageKeyInUse({ storageKey: f.storageKey, tx }))) await store.remove(f.storageKey);
      })
      .catch((e) => logFailure("removing a stored file nobody references", e));
  }
}

/**
 * Adds evidence files and links to a stage of the caller's current attempt. Files are written and
 * their rows inserted in one transaction holding each content's lock (see collectStored), so no
 * interleaving with a removal leaves a row without its file; if the transaction fails, files no
 * row references are removed, so none is left without a row.
 */
export async function addEvidence({
  caller,
  idOrCode,
  stage: key,
  files,
  links = [],
  store = evidenceStore(),
}: {
  caller: Caller;
  idOrCode: string;
  stage: string;
  files: PreparedFile[];
  links?: string[];
  store?: EvidenceStore;
}) {
  const written: { sha256: string; storageKey: string }[] = [];
  try {
    return await withWritableAttempt(caller, idOrCode, async (ctx) => {
      checkFiles(ctx, key, files);
      const { tx, progress, mission, facts } = ctx;
      await lockEvidenceContent(tx, { sha256s: files.map((f) => f.sha256) });
      const persisted = await persistEvidence(files, store);
      written.push(...persisted.files.map((f) => ({ sha256: f.sha256, storageKey: f.storageKey })));
      const existingLinks = new Set(facts.evidence.filter((e) => e.stageKey === key && e.kind === "link").map((e) => e.url));
      const rows = await insertEvidence(tx, [
        ...persisted.files.map((f) => ({
          progressId: progress.id,
          userId: caller.id,
          stageKey: key,
          kind: "file",
          fileName: f.name,
          contentType: f.contentType,
          size: f.size,
          sha256: f.sha256,
          storageKey: f.storageKey,
        })),
        ...[...new Set(links)].filter((u) => !existingLinks.has(u)).map((url) => ({ progressId: progress.id, userId: caller.id, stageKey: key, kind: "link", url })),
      ]);
      facts.evidence.push(...rows);
      await saveAttempt(ctx);
      await recordEvents(
        tx,
        rows.map((r) => ({
          type: "evidence.uploaded" as const,
          userId: caller.id,
          missionId: mission.id,
          progressId: progress.id,
          stageKey: key,
          payload: { evidence: r.id, kind: r.kind, ...(r.kind === "file" ? { content_type: r.contentType, size: r.size, sha256: r.sha256 } : { url: r.url }) },
        })),
      );
      return { evidence: rows.map((r) => toEvidence(r, mission.code)) };
    });
  } catch (e) {
    await collectStored(store, written);
    throw e;
  }
}

/** Removes the caller's own evidence from their current attempt before submitting. */
export async function removeEvidence({ caller, idOrCode, evidenceId, store = evidenceStore() }: { caller: Caller; idOrCode: string; evidenceId: string; store?: EvidenceStore }) {
  const removed = await withWritableAttempt(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, facts } = ctx;
    const row = facts.evidence.find((e) => e.id === evidenceId);
    if (!row) throw errors.notFound("Evidence");
    await deleteEvidence(tx, { id: row.id });
    ctx.facts = { ...facts, evidence: facts.evidence.filter((e) => e.id !== row.id) };
    await saveAttempt(ctx);
    await recordEvents(tx, [{ type: "evidence.removed", userId: caller.id, missionId: mission.id, progressId: progress.id, stageKey: row.stageKey, payload: { evidence: row.id, kind: row.kind } }]);
    return row;
  });
  // The file goes once no other row points at the same content.
  if (removed.storageKey && removed.sha256) await collectStored(store, [{ sha256: removed.sha256, storageKey: removed.storageKey }]);
  return { removed: true, id: removed.id };
}

/**
 * One evidence file for download: served to its owner, their mentors and admins; everyone else,
 * enterprise viewers of the learner's organisation included, gets a 404 (its existence is not revealed).
 */
export async function evidenceForDownload({ caller, idOrCode, evidenceId, store = evidenceStore() }: { caller: Caller; idOrCode: string; evidenceId: string; store?: EvidenceStore }) {
  const mission = await visibleMission({ caller, idOrCode });
  const row = await evidenceFile({ evidenceId, missionId: mission.id });
  if (!row || !(await canSeeLearnerWork({ caller, learnerId: row.userId }))) throw errors.notFound("Evidence");
  const body = await store.get(row.storageKey!);
  if (!body) throw errors.notFound("Evidence file");
  return { ...row, body };
}
