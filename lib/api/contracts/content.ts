import { z } from "zod";
import { contentPackSchema } from "@/lib/content/schemas";
import { defineContract } from "../contract";

const changes = z.object({ created: z.array(z.string()), updated: z.array(z.string()), unchanged: z.array(z.string()) });
const imported = z.object({ missions: changes, recipes: changes, foundations: z.number().int() });
const checked = z.object({ valid: z.literal(true), missions: z.number().int(), recipes: z.number().int(), foundations: z.number().int() });

const T = "Content";

export const importPack = defineContract({
  method: "post",
  path: "/admin/content/import",
  tag: T,
  summary: "Import a content pack (all-or-nothing)",
  description:
    "Validates the whole pack (shape, decision graphs, references, skill tags) and reports every error by path in `error.fields`, e.g. `missions[0].stages[2].hints[0].penalty`. Nothing is written unless the pack is valid. A changed mission gets version + 1; unchanged content is left untouched. `?dry_run=1` only validates and answers with the counts.",
  permission: "content:manage",
  query: z.object({ dry_run: z.enum(["0", "1", "true", "false"]).optional() }),
  // Parsed by the import itself, so that every error is reported by its path in the pack.
  body: z.unknown(),
  documentedBody: contentPackSchema,
  // Content packs can be large (dozens of missions with artefacts).
  maxBodyBytes: 10 * 1024 * 1024,
  response: z.union([imported, checked]),
  errors: [413],
});

export const exportPack = defineContract({
  method: "get",
  path: "/admin/content/export",
  tag: T,
  summary: "Export every mission (current version), recipe and Foundations module as a content pack",
  permission: "content:manage",
  response: contentPackSchema,
});
