import { z } from "zod";
import type { Operation } from "../openapi";
import { queueQuerySchema, reviewBodySchema, visibilityBodySchema } from "@/lib/missions/review-schemas";
import { FORMULA_TEXT } from "@/lib/missions/scoring";

const queueItem = z.object({
  progress_id: z.uuid(),
  version: z.number().int(),
  state: z.enum(["submitted", "in_review"]),
  attempt: z.number().int(),
  learner: z.object({ id: z.uuid(), name: z.string() }),
  mission: z.object({ id: z.uuid(), code: z.string(), title: z.string(), track: z.string(), tier: z.string() }),
  submitted_at: z.string().nullable(),
  waiting_seconds: z.number().int(),
  prescore: z.number().nullable(),
});

const prescoreItem = z.object({
  stage: z.string().nullable(),
  rule: z.enum(["evidence", "answer", "notes", "reflection", "objectives"]),
  points: z.number(),
  max: z.number(),
  verdict: z.enum(["pass", "partial", "fail", "n/a"]),
  reason: z.string(),
});

const submission = z.object({
  progress: z.object({ id: z.uuid(), state: z.string(), version: z.number().int(), attempt: z.number().int(), reflection: z.string(), hint_penalty: z.number(), decision_delta: z.number(), reviewable: z.boolean() }).loose(),
  learner: z.object({ id: z.uuid(), name: z.string() }),
  mission: z.object({ id: z.uuid(), code: z.string(), title: z.string(), track: z.string(), tier: z.string(), min_score: z.number(), required_stages: z.array(z.string()) }).loose(),
  path: z.array(
    z
      .object({
        stage: z.string(),
        title: z.string(),
        notes: z.string(),
        answer: z.string().nullable(),
        answer_verdict: z.object({ verdict: z.string(), reason: z.string() }).nullable(),
        time_seconds: z.number().nullable(),
        hints: z.array(z.object({ level: z.number(), penalty: z.number() })),
        decision: z.object({ key: z.string(), prompt: z.string(), chosen: z.unknown(), expert: z.unknown() }).nullable(),
      })
      .loose(),
  ),
  hints: z.object({ total_penalty: z.number(), items: z.array(z.object({ stage: z.string(), level: z.number(), penalty: z.number() })) }),
  evidence: z.array(z.object({ id: z.uuid(), stage: z.string(), kind: z.string(), name: z.string(), sha256: z.string().nullable(), download_url: z.string().nullable() }).loose()),
  prescore: z.object({ score: z.number(), items: z.array(prescoreItem), answers: z.record(z.string(), z.object({ verdict: z.string(), reason: z.string() })) }),
  rubric: z.array(
    z.object({
      key: z.string(),
      stage: z.string().nullable(),
      title: z.string(),
      weight: z.number(),
      on_path: z.boolean(),
      max_points: z.number(),
      levels: z.array(z.object({ index: z.number().int(), points: z.number(), label: z.string(), descriptor: z.string() })),
    }),
  ),
  reviews: z.array(z.object({ id: z.uuid(), outcome: z.string(), score: z.number(), mentor: z.object({ name: z.string() }) }).loose()),
});

const reviewResult = z.object({
  review: z.object({ id: z.uuid(), outcome: z.string(), score: z.number(), passed: z.boolean(), created_at: z.string() }),
  progress: z.object({ id: z.uuid(), state: z.string(), version: z.number().int(), score: z.number().nullable(), passed: z.boolean().nullable() }),
  portfolio_item: z.object({ id: z.uuid(), public_slug: z.string() }).nullable(),
});

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

const progressParam = z.object({ progress: z.uuid() });

export const reviewOperations: Operation[] = [
  {
    method: "get",
    path: "/reviews/queue",
    tag: "Reviews",
    summary: "Submissions waiting for review, oldest first, with pre-scores",
    description: "A mentor sees the submissions of learners assigned to them directly or through a cohort; an admin sees all. Filters: `mission` (id or code), `track`, `tier`.",
    permission: "reviews:queue",
    query: queueQuerySchema,
    response: z.object({ items: z.array(queueItem), total: z.number().int() }),
  },
  {
    method: "get",
    path: "/reviews/{progress}",
    tag: "Reviews",
    summary: "A submission with evidence, path, hints, time per stage, pre-score and rubric",
    description:
      "Opening a `submitted` submission moves it to `in_review`; the `version` does not change, so the version from the queue or from this response is the one to send with the review. A learner who is not assigned to the caller is a 404.",
    permission: "reviews:queue",
    params: progressParam,
    response: submission,
    errors: [404],
  },
  {
    method: "post",
    path: "/reviews/{progress}",
    tag: "Reviews",
    summary: "Review a submission: a level per criterion, feedback, outcome, recommended recipes",
    description:
      `\`level\` is the index into the criterion's levels (0 = first) or the level's label. Every criterion of a stage on the learner's path, and every mission-wide criterion, needs a level. ` +
      `\`approved\` needs a passing score (else 422); \`changes_requested\` sends the attempt back to \`in_progress\` (same attempt); \`approved\` adds a portfolio item. ` +
      `A stale \`version\` (someone reviewed it meanwhile, or the learner changed it) is a 409 whose \`error.reviewed_by\` says who. Scoring: ${FORMULA_TEXT}`,
    permission: "reviews:write",
    params: progressParam,
    body: reviewBodySchema,
    response: reviewResult,
    status: 201,
    errors: [404, 409, 422],
  },
  { method: "get", path: "/portfolio", tag: "Portfolio", summary: "The caller's portfolio items", permission: "portfolio:own", response: z.object({ items: z.array(portfolioItem) }) },
  {
    method: "patch",
    path: "/portfolio/{item}",
    tag: "Portfolio",
    summary: "Make a portfolio item public or private",
    description: "A public item is shown at `/p/{public_slug}` with nothing private (no email, notes or evidence contents; evidence names and SHA-256 only).",
    permission: "portfolio:own",
    params: z.object({ item: z.uuid() }),
    body: visibilityBodySchema,
    response: portfolioItem,
    errors: [404],
  },
];
