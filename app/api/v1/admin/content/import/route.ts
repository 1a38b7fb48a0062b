import { route } from "@/lib/api/handler";
import * as content from "@/lib/api/contracts/content";
import { checkPack, importPack } from "@/lib/content/import";
import { errors } from "@/lib/errors";

export const POST = route(
  content.importPack,
  async ({ body, query }) => {
    if (query.dry_run === "1" || query.dry_run === "true") {
      const r = await checkPack(body);
      if (!r.ok) throw errors.validation(Object.fromEntries(r.errors.map((e) => [e.path, e.message])), `The content pack has ${r.errors.length} error(s).`);
      return { valid: true, missions: r.pack.missions.length, recipes: r.pack.recipes.length, foundations: r.pack.foundations.length };
    }
    return importPack(body);
  },
);
