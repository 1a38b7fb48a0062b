import { z } from "zod";
import { defineContract } from "../contract";

const jsonSchema = z.record(z.string(), z.unknown()).describe("A JSON Schema (2020-12) generated from the zod schema");
const content = z.record(z.string().describe("Media type"), z.object({ schema: jsonSchema }));
const operation = z.object({
  summary: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  parameters: z.array(z.object({ name: z.string(), in: z.enum(["path", "query"]), required: z.boolean(), schema: jsonSchema })),
  requestBody: z.object({ required: z.boolean(), content }).optional(),
  responses: z.record(z.string().describe("HTTP status"), z.object({ description: z.string(), content: content.optional() })),
  security: z.array(z.record(z.string(), z.array(z.string()))),
});

export const document = defineContract({
  method: "get",
  path: "/openapi.json",
  tag: "Meta",
  summary: "This document: every /api/v1 endpoint, generated from the contracts the route handlers enforce",
  response: z.object({
    openapi: z.literal("3.1.0"),
    info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
    servers: z.array(z.object({ url: z.string() })),
    components: z.object({
      schemas: z.record(z.string(), jsonSchema),
      securitySchemes: z.record(z.string(), z.object({ type: z.string(), scheme: z.string().optional(), in: z.string().optional(), name: z.string().optional(), description: z.string().optional() })),
    }),
    paths: z.record(z.string(), z.partialRecord(z.enum(["get", "post", "put", "patch", "delete"]), operation)),
  }),
});
