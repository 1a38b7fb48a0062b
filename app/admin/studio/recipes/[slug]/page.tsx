import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { readDraft } from "@/lib/studio/drafts";
import { publishedMissions, publishedRecipes } from "@/lib/db/queries/studio";
import { SKILL_TAGS } from "@/lib/content/skills";
import { AppError } from "@/lib/errors";
import { RecipeEditor } from "@/components/studio/recipe-editor";
import type { RecipeDraft } from "@/components/studio/types";

export const metadata = { title: "Edit recipe" };

export default async function EditRecipePage({ params }: { params: Promise<{ slug: string }> }) {
  const caller = await requireRole("admin");
  const { slug } = await params;
  const draft = await readDraft({ caller, kind: "recipe", ref: slug }).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const [recipes, missions] = await Promise.all([publishedRecipes({}), publishedMissions({})]);
  return (
    <RecipeEditor
      key={`${draft.slug}-${draft.draft_version}`}
      slug={String(draft.slug)}
      publishedVersion={draft.version}
      initial={draft.recipe as RecipeDraft}
      draftVersion={draft.draft_version}
      skills={[...SKILL_TAGS].sort()}
      recipes={recipes.map((r) => r.ref).sort()}
      missions={missions.map((m) => m.ref).sort()}
    />
  );
}
