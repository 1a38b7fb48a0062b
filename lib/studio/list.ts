import "server-only";
import type { StudioKind } from "@/lib/db/schema";
import { draftsWithEditors, publishedMissions, publishedRecipes } from "@/lib/db/queries/studio";
import type { Caller } from "@/lib/auth/session";
import { assertAdmin } from "./drafts";

// The studio's list: published content with any pending draft over it, and drafts never published.
// A draft's title wins, so the list shows what the author is working on.

export interface StudioItem {
  ref: string;
  title: string;
  status: string;
  version: number | null;
  draft_version: number;
  has_draft: boolean;
  last_editor: { id: string; name: string } | null;
  updated_at: string;
}

export async function listStudio({ caller, kind, q, status }: { caller: Caller; kind: StudioKind; q?: string; status?: string }): Promise<StudioItem[]> {
  assertAdmin(caller);
  const [published, drafts] = await Promise.all([kind === "mission" ? publishedMissions({ q }) : publishedRecipes({ q }), draftsWithEditors({ kind, q })]);
  const byRef = new Map(drafts.map((d) => [d.ref, d]));
  const editor = (d: (typeof drafts)[number] | undefined) => (d?.editorId ? { id: d.editorId, name: d.editorName ?? "" } : null);
  const titleOf = (d: (typeof drafts)[number] | undefined, fallback: string) => (typeof d?.content?.title === "string" && d.content.title ? d.content.title : fallback);
  const items: StudioItem[] = published.map((p) => {
    const d = byRef.get(p.ref);
    byRef.delete(p.ref);
    return { ref: p.ref, title: titleOf(d, p.title), status: p.status, version: p.version, draft_version: d?.draftVersion ?? 0, has_draft: Boolean(d?.content), last_editor: editor(d), updated_at: (d && d.updatedAt > p.updatedAt ? d.updatedAt : p.updatedAt).toISOString() };
  });
  for (const d of byRef.values()) {
    if (!d.content) continue;
    items.push({ ref: d.ref, title: titleOf(d, ""), status: "draft", version: null, draft_version: d.draftVersion, has_draft: true, last_editor: editor(d), updated_at: d.updatedAt.toISOString() });
  }
  const filtered = status ? items.filter((i) => i.status === status || (status === "draft" && i.has_draft)) : items;
  return filtered.sort((a, b) => b.updated_at.localeCompare(a.updated_at) || a.ref.localeCompare(b.ref));
}
