import "server-only";
import { db } from "@/lib/db";
import { findPreview, savePreview } from "@/lib/db/queries/studio";
import { knownContent } from "@/lib/content/import";
import { missionSchema, recipeSchema } from "@/lib/content/schemas";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { assertAdmin, workingCopy } from "./drafts";
import { missionProblems, problemFields, recipeProblems } from "./problems";
import { applyAction, emptySandbox, SandboxRefusal, sandboxView, type PreviewAction, type SandboxState } from "./sandbox";

// Preview (SPEC §7): the caller's sandbox run of the draft. It lives in studio_previews only: no
// progress row, no telemetry, no gating, so nothing reaches analytics. A new draft_version or
// `reset` starts it over.

export async function previewMission({ caller, code, reset = false, action }: { caller: Caller; code: string; reset?: boolean; action?: PreviewAction }) {
  assertAdmin(caller);
  return db.transaction(async (tx) => {
    const w = await workingCopy({ kind: "mission", ref: code, tx });
    const r = missionSchema.safeParse(w.content);
    if (!r.success) {
      const problems = missionProblems(w.content, await knownContent(tx));
      throw errors.rule("The draft is not a complete mission yet, so it cannot be played; fix these first.", problemFields(problems), { problems });
    }
    const content = r.data;
    const existing = await findPreview({ userId: caller.id, kind: "mission", ref: w.ref, tx });
    const restart = reset || !existing || existing.draftVersion !== w.draftVersion;
    let state: SandboxState = restart ? emptySandbox() : (existing.state as unknown as SandboxState);
    let feedback = null;
    if (action) {
      try {
        ({ state, feedback } = applyAction(content, state, action));
      } catch (e) {
        if (e instanceof SandboxRefusal) throw errors.rule(e.message, { [e.field]: e.message });
        throw e;
      }
    }
    const row = await savePreview(tx, { userId: caller.id, kind: "mission", ref: w.ref, draftVersion: w.draftVersion, state: state as unknown as Record<string, unknown>, restart });
    return {
      code: w.ref,
      draft_version: w.draftVersion,
      started_at: row.startedAt.toISOString(),
      restarted: restart,
      mission: { code: content.code, title: content.title, story: content.story, objectives: content.objectives, stages: content.stages.map((s) => ({ key: s.key, title: s.title })) },
      state: sandboxView(content, state),
      feedback,
    };
  });
}

export async function previewRecipe({ caller, slug, reset = false, completeStep }: { caller: Caller; slug: string; reset?: boolean; completeStep?: number }) {
  assertAdmin(caller);
  return db.transaction(async (tx) => {
    const w = await workingCopy({ kind: "recipe", ref: slug, tx });
    const r = recipeSchema.safeParse(w.content);
    if (!r.success) {
      const problems = recipeProblems(w.content, await knownContent(tx));
      throw errors.rule("The draft is not a complete recipe yet, so it cannot be previewed; fix these first.", problemFields(problems), { problems });
    }
    const recipe = r.data;
    const existing = await findPreview({ userId: caller.id, kind: "recipe", ref: w.ref, tx });
    const restart = reset || !existing || existing.draftVersion !== w.draftVersion;
    const done = new Set<number>(restart ? [] : ((existing.state.steps_completed as number[] | undefined) ?? []));
    if (completeStep !== undefined) {
      if (completeStep >= recipe.steps.length) throw errors.rule(`The recipe has ${recipe.steps.length} step(s).`, { complete_step: `must be below ${recipe.steps.length}` });
      done.add(completeStep);
    }
    const steps_completed = [...done].sort((a, b) => a - b);
    const row = await savePreview(tx, { userId: caller.id, kind: "recipe", ref: w.ref, draftVersion: w.draftVersion, state: { steps_completed }, restart });
    return {
      slug: w.ref,
      draft_version: w.draftVersion,
      started_at: row.startedAt.toISOString(),
      restarted: restart,
      recipe: {
        slug: recipe.slug,
        title: recipe.title,
        summary: recipe.summary,
        description: recipe.description,
        steps: recipe.steps.map((s) => ({ title: s.title, body: s.body, command: s.command ?? null, expected_outcome: s.expected_outcome, evidence_hint: s.evidence_hint ?? null })),
      },
      state: { steps_completed, completed: steps_completed.length === recipe.steps.length },
    };
  });
}
