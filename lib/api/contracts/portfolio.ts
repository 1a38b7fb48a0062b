import { z } from "zod";
import { defineContract } from "../contract";

export const visibilityBodySchema = z.object({ public: z.boolean() });

const portfolioItem = z.object({
  id: z.uuid(),
  progress_id: z.uuid(),
  mission: z.object({ id: z.uuid(), code: z.string(), title: z.string(), track: z.string(), tier: z.string() }),
  score: z.number(),
  rubric_summary: z.array(z.object({ criterion: z.string(), level: z.string(), points: z.number(), max: z.number() })),
  reflection: z.string(),
  evidence: z.array(z.object({ name: z.string(), sha256: z.string(), size: z.number() })),
  completed_at: z.string(),
  public: z.boolean(),
  public_slug: z.string(),
  public_url: z.string().nullable(),
});

const T = "Portfolio";

export const list = defineContract({ method: "get", path: "/portfolio", tag: T, summary: "The caller's portfolio items", permission: "portfolio:own", response: z.object({ items: z.array(portfolioItem) }) });

export const setVisibility = defineContract({
  method: "patch",
  path: "/portfolio/{item}",
  tag: T,
  summary: "Make a portfolio item public or private",
  description: "A public item is shown at `/p/{public_slug}` with nothing private (no email, notes or evidence contents; evidence names and SHA-256 only).",
  permission: "portfolio:own",
  params: z.object({ item: z.uuid() }),
  body: visibilityBodySchema,
  response: portfolioItem,
  errors: [404],
});
