import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { readDraft } from "@/lib/studio/drafts";
import { auditTrail, publishedRecipes } from "@/lib/db/queries/studio";
import { SKILL_TAGS } from "@/lib/content/skills";
import { AppError } from "@/lib/errors";
import { MissionEditor } from "@/components/studio/mission-editor";
import type { MissionDraft } from "@/components/studio/types";

export const metadata = { title: "Edit mission" };

export default async function EditMissionPage({ params }: { params: Promise<{ code: string }> }) {
  const caller = await requireRole("admin");
  const { code } = await params;
  const draft = await readDraft({ caller, kind: "mission", ref: code }).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const [recipeRows, trail] = await Promise.all([publishedRecipes({}), auditTrail({ kind: "mission", ref: String(draft.code) })]);
  const recipes = recipeRows.map((r) => r.ref).sort();
  const history = trail.map((a) => ({ id: a.id, version: a.version, at: a.at.toISOString(), by: a.actorName }));
  return (
    <MissionEditor
      key={`${draft.code}-${draft.draft_version}`}
      code={String(draft.code)}
      status={draft.status}
      publishedVersion={draft.version}
      initial={draft.mission as MissionDraft}
      draftVersion={draft.draft_version}
      skills={[...SKILL_TAGS].sort()}
      recipes={recipes}
      history={history}
    />
  );
}
