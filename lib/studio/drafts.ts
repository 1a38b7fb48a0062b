import "server-only";
import { db, type Tx } from "@/lib/db";
import type { StudioKind } from "@/lib/db/schema";
import { findMission, missionContent } from "@/lib/db/queries/missions";
import { findDraft, insertDraft, recipeContent, saveDraftIfVersion, userName, type DraftRow } from "@/lib/db/queries/studio";
import { KEY, MISSION_CODE } from "@/lib/content/schemas";
import type { Caller } from "@/lib/auth/session";
import { AppError, errors, isUniqueViolation } from "@/lib/errors";

// Drafts beside published content (SPEC §7): read, create (blank or from a copy) and save with
// optimistic concurrency on `draft_version`. Missions and recipes differ only in how their
// published content is found and which field names them.

export interface Published {
  id: string;
  version: number;
  status: string;
  content: Record<string, unknown>;
}

const REF_FIELD = { mission: "code", recipe: "slug" } as const;
const CONTENT_FIELD = { mission: "mission", recipe: "recipe" } as const;
const WHAT = { mission: "Mission", recipe: "Recipe" } as const;

export function assertAdmin(caller: Caller) {
  // route() checks the contract's permission; pages and actions reach these use cases directly.
  if (caller.role !== "admin") throw errors.forbidden();
}

export function normaliseRef(kind: StudioKind, ref: string): string | null {
  if (kind === "mission") return MISSION_CODE.test(ref.toUpperCase()) ? ref.toUpperCase() : null;
  return KEY.test(ref) ? ref : null;
}

export async function publishedOf(kind: StudioKind, ref: string, tx: Tx = db): Promise<Published | undefined> {
  if (kind === "mission") {
    const m = await findMission({ idOrCode: ref, tx });
    if (!m) return undefined;
    const content = await missionContent({ missionId: m.id, version: m.version, tx });
    return content ? { id: m.id, version: m.version, status: m.status, content: content as unknown as Record<string, unknown> } : undefined;
  }
  const r = await recipeContent({ slug: ref, tx });
  return r ? { id: r.id, version: r.version, status: r.status, content: r.content as unknown as Record<string, unknown> } : undefined;
}

export type DraftView = Awaited<ReturnType<typeof draftView>>;

async function draftView(kind: StudioKind, ref: string, draft: DraftRow | undefined, published: Published | undefined, tx: Tx) {
  const editor = await userName({ id: draft?.updatedBy ?? null, tx });
  return {
    [REF_FIELD[kind]]: ref,
    status: published?.status ?? "draft",
    version: published?.version ?? null,
    draft_version: draft?.draftVersion ?? 0,
    has_draft: Boolean(draft?.content),
    updated_at: draft?.updatedAt.toISOString() ?? null,
    last_editor: editor,
    [CONTENT_FIELD[kind]]: (draft?.content ?? published?.content ?? {}) as Record<string, unknown>,
  };
}

/** The draft to edit: the pending draft, else the published content (draft_version says which). */
export async function readDraft({ caller, kind, ref: raw }: { caller: Caller; kind: StudioKind; ref: string }) {
  assertAdmin(caller);
  const ref = normaliseRef(kind, raw);
  if (!ref) throw errors.notFound(WHAT[kind]);
  const [draft, published] = await Promise.all([findDraft({ kind, ref }), publishedOf(kind, ref)]);
  if (!draft && !published) throw errors.notFound(WHAT[kind]);
  return draftView(kind, ref, draft, published, db);
}

/** The body's content: under `mission`/`recipe`, or the object itself (SPEC: "a mission object of §2"). */
export function contentFromBody(kind: StudioKind, body: Record<string, unknown>, drop: string[]): Record<string, unknown> {
  const nested = body[CONTENT_FIELD[kind]];
  if (nested && typeof nested === "object" && !Array.isArray(nested)) return { ...(nested as Record<string, unknown>) };
  return Object.fromEntries(Object.entries(body).filter(([k]) => !drop.includes(k)));
}

function withRef(kind: StudioKind, ref: string, content: Record<string, unknown>, at: string) {
  const field = REF_FIELD[kind];
  const given = content[field];
  if (given !== undefined && given !== ref && !(kind === "mission" && typeof given === "string" && given.toUpperCase() === ref))
    throw errors.validation({ [`${at}.${field}`]: `must stay "${ref}": the ${field} names the draft; create a copy to change it` });
  return { ...content, [field]: ref };
}

async function staleConflict(kind: StudioKind, draft: DraftRow | undefined, tx: Tx): Promise<AppError> {
  const who = await userName({ id: draft?.updatedBy ?? null, tx });
  const at = draft?.updatedAt.toISOString() ?? null;
  return errors.conflict(
    `This ${kind} was saved by ${who?.name ?? "someone else"}${at ? ` at ${at}` : ""} after you opened it. Reload it, or copy your changes across.`,
    { draft_version: draft?.draftVersion ?? 0, last_saved_by: who, last_saved_at: at },
  );
}

/** Saves a draft when `draftVersion` is the one stored (0: the first draft of published content). */
export async function saveDraft({ caller, kind, ref: raw, draftVersion, content }: { caller: Caller; kind: StudioKind; ref: string; draftVersion: number; content: Record<string, unknown> }) {
  assertAdmin(caller);
  const ref = normaliseRef(kind, raw);
  if (!ref) throw errors.notFound(WHAT[kind]);
  const value = withRef(kind, ref, content, CONTENT_FIELD[kind]);
  try {
    return await db.transaction(async (tx) => {
      const draft = await findDraft({ kind, ref, tx, lock: true });
      const published = await publishedOf(kind, ref, tx);
      if (!draft && !published) throw errors.notFound(WHAT[kind]);
      if ((draft?.draftVersion ?? 0) !== draftVersion) throw await staleConflict(kind, draft, tx);
      const saved = draft
        ? await saveDraftIfVersion(tx, { id: draft.id, expect: draftVersion, content: value, userId: caller.id })
        : await insertDraft(tx, { kind, ref, content: value, userId: caller.id });
      if (!saved) throw await staleConflict(kind, await findDraft({ kind, ref, tx }), tx);
      return draftView(kind, ref, saved, published, tx);
    });
  } catch (e) {
    // Two first saves of the same published content raced: the loser is stale like any other.
    if (isUniqueViolation(e)) throw await staleConflict(kind, await findDraft({ kind, ref }), db);
    throw e;
  }
}

/** A new draft: blank (the body's fields) or a copy of another mission's or recipe's latest content. */
export async function createDraft({ caller, kind, ref: raw, copyFrom, content }: { caller: Caller; kind: StudioKind; ref: string; copyFrom?: string; content: Record<string, unknown> }) {
  assertAdmin(caller);
  const field = REF_FIELD[kind];
  const ref = normaliseRef(kind, raw);
  if (!ref) throw errors.validation({ [field]: kind === "mission" ? "must look like SIEM-03" : "must be a lowercase slug (a-z, 0-9, -)" });
  let base: Record<string, unknown> = {};
  if (copyFrom) {
    const from = normaliseRef(kind, copyFrom);
    const [draft, published] = from ? await Promise.all([findDraft({ kind, ref: from }), publishedOf(kind, from)]) : [undefined, undefined];
    const source = draft?.content ?? published?.content;
    if (!source) throw errors.validation({ copy_from: `unknown ${kind} "${copyFrom}"` });
    // The copy takes the new code or slug; everything else starts as the source's latest content.
    base = Object.fromEntries(Object.entries({ ...source, status: "draft" }).filter(([k]) => k !== field));
  }
  const value = withRef(kind, ref, { ...base, ...content }, CONTENT_FIELD[kind]);
  try {
    return await db.transaction(async (tx) => {
      if ((await findDraft({ kind, ref, tx })) || (await publishedOf(kind, ref, tx))) throw errors.conflict(`${WHAT[kind]} "${ref}" already exists.`);
      const saved = await insertDraft(tx, { kind, ref, content: value, userId: caller.id });
      return draftView(kind, ref, saved, undefined, tx);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.conflict(`${WHAT[kind]} "${ref}" already exists.`);
    throw e;
  }
}

/** The content a validate, impact, publish or preview works on: the draft, else the published content. */
export async function workingCopy({ kind, ref: raw, tx = db, lock = false }: { kind: StudioKind; ref: string; tx?: Tx; lock?: boolean }) {
  const ref = normaliseRef(kind, raw);
  if (!ref) throw errors.notFound(WHAT[kind]);
  const draft = await findDraft({ kind, ref, tx, lock });
  const published = await publishedOf(kind, ref, tx);
  if (!draft && !published) throw errors.notFound(WHAT[kind]);
  return { ref, draft, published, content: (draft?.content ?? published!.content) as Record<string, unknown>, draftVersion: draft?.draftVersion ?? 0 };
}

export { staleConflict };
