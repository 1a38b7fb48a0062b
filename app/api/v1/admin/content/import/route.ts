import { z } from "zod";
import { route } from "@/lib/api/handler";
import { checkPack, importPack } from "@/lib/content/import";
import { errors } from "@/lib/errors";

// Content packs can be large (dozens of missions with artefacts): allow 10 MB here.
export const POST = route(
  { permission: "content:manage", body: z.unknown(), query: z.object({ dry_run: z.enum(["0", "1", "true", "false"]).optional() }), maxBodyBytes: 10 * 1024 * 1024 },
  async ({ body, query }) => {
    if (query.dry_run === "1" || query.dry_run === "true") {
      const r = await checkPack(body);
      if (!r.ok) throw errors.validation(Object.fromEntries(r.errors.map((e) => [e.path, e.message])), `The content pack has ${r.errors.length} error(s).`);
      return { valid: true, missions: r.pack.missions.length, recipes: r.pack.recipes.length, foundations: r.pack.foundations.length };
    }
    return importPack(body);
  },
);
