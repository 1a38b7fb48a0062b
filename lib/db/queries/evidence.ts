import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { evidence, missionProgress } from "@/lib/db/schema";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { recordEvents } from "@/lib/telemetry/record";
import { toEvidence } from "@/lib/missions/serialize";
import { evidenceStore, persistEvidence, type EvidenceStore, type PreparedFile } from "@/lib/storage";
import { canSeeLearner } from "./access";
import { pathOf, stageOf, touch, visibleMission, withWritableProgress } from "./progress-core";

/**
 * Adds evidence files and links to a stage of the caller's current attempt. Files are written
 * first; the rows go in one transaction; if it fails, the files this call wrote are removed, so
 * there is never a row without its file nor a file without its row.
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
  // Check the rules before writing any file: stage, path, kinds and counts (re-checked under the lock below).
  const precheck = async () =>
    withWritableProgress(caller, idOrCode, async (ctx) => {
      check(ctx);
      return true;
    });
  const check = (ctx: Parameters<Parameters<typeof withWritableProgress>[2]>[0]) => {
    const stage = stageOf(ctx.content, key);
    if (!stage) throw errors.validation({ stage: `unknown stage "${key}"` });
    if (!pathOf(ctx.content, ctx.facts).path.includes(key)) throw errors.rule(`Stage "${stage.title}" is not on your path yet.`, { stage: "not on your path yet" });
    for (const f of files) {
      if (!stage.evidence.kinds.includes(f.kind as never))
        throw errors.unsupported(`"${f.name}" is ${f.kind === "image" ? "an image" : `a ${f.kind} file`}; this stage accepts ${stage.evidence.kinds.join(", ")}.`);
    }
    const existing = ctx.facts.evidence.filter((e) => e.stageKey === key && e.kind === "file").length;
    if (existing + files.length > stage.evidence.max_files)
      throw errors.rule(`This stage accepts at most ${stage.evidence.max_files} file${stage.evidence.max_files === 1 ? "" : "s"}; it has ${existing}. Remove one first.`, { files: `at most ${stage.evidence.max_files} files for this stage` });
    return stage;
  };
  await precheck();

  const persisted = await persistEvidence(files, store);
  try {
    return await withWritableProgress(caller, idOrCode, async (ctx) => {
      check(ctx);
      const { tx, progress, mission, content, facts } = ctx;
      const existingLinks = new Set(facts.evidence.filter((e) => e.stageKey === key && e.kind === "link").map((e) => e.url));
      const values = [
        ...persisted.files.map((f) => ({
          progressId: progress.id,
          userId: caller.id,
          stageKey: key,
          kind: "file",
          fileName: f.name,
          contentType: f.contentType,
          size: f.bytes.byteLength,
          sha256: f.sha256,
          storageKey: f.storageKey,
        })),
        ...[...new Set(links)].filter((u) => !existingLinks.has(u)).map((url) => ({ progressId: progress.id, userId: caller.id, stageKey: key, kind: "link", url })),
      ];
      const rows = values.length ? await tx.insert(evidence).values(values).returning() : [];
      facts.evidence.push(...rows);
      await touch(tx, progress, content, facts);
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
    await persisted.discard();
    throw e;
  }
}

/** Removes the caller's own evidence from their current attempt before submitting. */
export async function removeEvidence({ caller, idOrCode, evidenceId, store = evidenceStore() }: { caller: Caller; idOrCode: string; evidenceId: string; store?: EvidenceStore }) {
  const removed = await withWritableProgress(caller, idOrCode, async (ctx) => {
    const { tx, progress, mission, content, facts } = ctx;
    const row = facts.evidence.find((e) => e.id === evidenceId);
    if (!row) throw errors.notFound("Evidence");
    await tx.delete(evidence).where(eq(evidence.id, row.id));
    facts.evidence = facts.evidence.filter((e) => e.id !== row.id);
    await touch(tx, progress, content, facts);
    await recordEvents(tx, [{ type: "evidence.removed", userId: caller.id, missionId: mission.id, progressId: progress.id, stageKey: row.stageKey, payload: { evidence: row.id, kind: row.kind } }]);
    return row;
  });
  // The file goes once no other row points at the same content.
  if (removed.storageKey) {
    const [other] = await db.select({ id: evidence.id }).from(evidence).where(and(eq(evidence.storageKey, removed.storageKey), ne(evidence.id, removed.id))).limit(1);
    if (!other) await store.remove(removed.storageKey).catch((e) => console.error("[storage] could not remove", e));
  }
  return { removed: true, id: removed.id };
}

/**
 * One evidence file for download: served to its owner, their mentors and admins; everyone else
 * gets a 404 (its existence is not revealed).
 */
export async function evidenceForDownload({ caller, idOrCode, evidenceId, store = evidenceStore() }: { caller: Caller; idOrCode: string; evidenceId: string; store?: EvidenceStore }) {
  const mission = await visibleMission({ caller, idOrCode });
  const [row] = await db
    .select({ id: evidence.id, userId: evidence.userId, kind: evidence.kind, fileName: evidence.fileName, contentType: evidence.contentType, size: evidence.size, sha256: evidence.sha256, storageKey: evidence.storageKey })
    .from(evidence)
    .innerJoin(missionProgress, eq(missionProgress.id, evidence.progressId))
    .where(and(eq(evidence.id, evidenceId), eq(missionProgress.missionId, mission.id), sql`${evidence.kind} = 'file'`));
  if (!row || !(await canSeeLearner({ caller, learnerId: row.userId }))) throw errors.notFound("Evidence");
  const body = await store.get(row.storageKey!);
  if (!body) throw errors.notFound("Evidence file");
  return { ...row, body };
}
