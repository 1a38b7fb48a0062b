"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/api/action";
import { checkPack, importPack } from "./import";
import { AppError } from "@/lib/errors";
import { parseJsonText } from "@/lib/api/input";

const schema = z.object({
  pack: z.string().min(2, "Paste a content pack or choose a file").max(10 * 1024 * 1024, "The pack is larger than 10 MB"),
  mode: z.enum(["check", "import"]),
});

/** Admin page: check or import a pasted/uploaded content pack. Errors come back by path. */
export const importPackAction = action({ schema, permission: "content:manage" }, async ({ pack, mode }) => {
  let parsed: unknown;
  try {
    parsed = parseJsonText(pack);
  } catch (e) {
    if (e instanceof AppError && e.fields) return { message: "This pack cannot be stored.", data: { errors: Object.entries(e.fields).map(([path, message]) => ({ path, message })) } };
    return { message: "This is not valid JSON.", fields: { pack: "not valid JSON" } };
  }
  if (mode === "check") {
    const r = await checkPack(parsed);
    if (!r.ok) return { message: `${r.errors.length} error(s) found. Nothing was imported.`, data: { errors: r.errors } };
    return { ok: true, message: `Valid: ${r.pack.missions.length} mission(s), ${r.pack.recipes.length} recipe(s), ${r.pack.foundations.length} module(s).` };
  }
  try {
    const s = await importPack(parsed);
    revalidatePath("/admin/content");
    return {
      ok: true,
      message: `Imported. Missions: ${s.missions.created.length} created, ${s.missions.updated.length} updated (new version), ${s.missions.unchanged.length} unchanged. Recipes: ${s.recipes.created.length} created, ${s.recipes.updated.length} updated, ${s.recipes.unchanged.length} unchanged.`,
    };
  } catch (e) {
    if (e instanceof AppError && e.fields) {
      return { message: e.message, data: { errors: Object.entries(e.fields).map(([path, message]) => ({ path, message })) } };
    }
    throw e;
  }
});
