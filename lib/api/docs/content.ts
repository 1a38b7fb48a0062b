import { z } from "zod";
import type { Operation } from "../openapi";
import { contentPackSchema } from "@/lib/content/schemas";

const summary = z.object({
  missions: z.object({ created: z.array(z.string()), updated: z.array(z.string()), unchanged: z.array(z.string()) }),
  recipes: z.object({ created: z.array(z.string()), updated: z.array(z.string()), unchanged: z.array(z.string()) }),
  foundations: z.number().int(),
});

export const contentOperations: Operation[] = [
  {
    method: "post",
    path: "/admin/content/import",
    tag: "Content",
    summary: "Import a content pack (all-or-nothing)",
    description:
      "Validates the whole pack (shape, decision graphs, references, skill tags) and reports every error by path in `error.fields`, e.g. `missions[0].stages[2].hints[0].penalty`. Nothing is written unless the pack is valid. A changed mission gets version + 1; unchanged content is left untouched. `?dry_run=1` only validates.",
    permission: "content:manage",
    query: z.object({ dry_run: z.enum(["0", "1", "true", "false"]).optional() }),
    body: contentPackSchema,
    response: summary,
    errors: [413],
  },
  { method: "get", path: "/admin/content/export", tag: "Content", summary: "Export every mission (current version), recipe and Foundations module as a content pack", permission: "content:manage", response: contentPackSchema },
];
