import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { ERROR_STATUS } from "@/lib/errors";
import type { Contract } from "./contract";
import { contracts } from "./contracts";

const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [string, ...string[]]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

function schema(s: z.ZodType, io: "input" | "output") {
  const j = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete j.$schema;
  return j;
}

function parameters(op: Contract) {
  const out: unknown[] = [];
  const add = (s: z.ZodType | undefined, where: "path" | "query") => {
    if (!s) return;
    const j = schema(s, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, sch] of Object.entries(j.properties ?? {}))
      out.push({ name, in: where, required: where === "path" || (j.required ?? []).includes(name), schema: sch });
  };
  add(op.params, "path");
  add(op.query, "query");
  // Path parameters the route names but no schema describes (plain strings).
  for (const m of op.path.matchAll(/\{(\w+)\}/g))
    if (!out.some((p) => (p as { name: string }).name === m[1])) out.push({ name: m[1], in: "path", required: true, schema: { type: "string" } });
  return out;
}

/** The OpenAPI document of /api/v1, from the same contracts route() enforces. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of contracts) {
    const status = op.status ?? 200;
    const body = op.documentedBody ?? op.body;
    const responses: Record<string, unknown> = {
      [status]: { description: "Success", content: op.response ? { "application/json": { schema: schema(op.response, "output") } } : undefined },
    };
    const errs = new Set([...(op.errors ?? []), ...(op.permission ? [401, 403] : []), ...(body ? [400] : [])]);
    for (const e of [...errs].sort())
      responses[e] = { description: errorDescriptions[e] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    const roles = op.permission ? (PERMISSIONS[op.permission] as readonly string[]).join(", ") : "anyone";
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      description: [op.description, `Roles: ${roles}.`].filter(Boolean).join("\n\n"),
      tags: [op.tag],
      parameters: parameters(op),
      requestBody: body
        ? { required: true, content: { "application/json": { schema: schema(body, "input") } } }
        : op.multipart
          ? { required: true, content: { "multipart/form-data": { schema: { type: "object", properties: { stage: { type: "string" }, files: { type: "array", items: { type: "string", format: "binary" } }, links: { type: "array", items: { type: "string", format: "uri" } } } } } } }
          : undefined,
      responses,
      security: op.permission ? [{ bearer: [] }, { session: [] }] : [],
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sortie API",
      version: "1.0.0",
      description:
        "JSON in and out. Sign in with next-auth (cookie session) or send `Authorization: Bearer <token>` with a personal access token from Settings. Errors: `{\"error\": {\"code\", \"message\", \"fields\"}}`.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      schemas: { Error: schema(errorSchema, "output") },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Personal access token (srt_…)" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
    },
    paths,
  };
}

const errorDescriptions: Record<number, string> = {
  400: "Malformed input (validation_failed with fields)",
  401: "Not signed in",
  403: "Not allowed for this role",
  404: "Not found or not yours",
  409: "Conflict",
  413: "Too large",
  415: "Wrong content type",
  422: "A rule is not met",
  429: "Too many requests",
};
