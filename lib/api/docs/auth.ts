import { z } from "zod";
import type { Operation } from "../openapi";
import { registerSchema } from "@/lib/auth/register-schema";

export const meSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: z.enum(["learner", "mentor", "admin", "enterprise"]),
  organisation_id: z.uuid().nullable(),
});

export const tokenCreateSchema = z.object({ name: z.string().trim().min(1).max(80) });
export const tokenSchema = z.object({ id: z.uuid(), name: z.string(), prefix: z.string(), created_at: z.string(), last_used_at: z.string().nullable().optional() });

export const authOperations: Operation[] = [
  { method: "post", path: "/auth/register", tag: "Auth", summary: "Sign up as a learner", body: registerSchema, response: meSchema, status: 201, errors: [403, 409, 429] },
  { method: "get", path: "/me", tag: "Auth", summary: "The caller", permission: "profile:read", response: meSchema.extend({ tokens: z.array(tokenSchema) }) },
  {
    method: "post",
    path: "/me/tokens",
    tag: "Auth",
    summary: "Create a personal access token (the secret is returned once)",
    permission: "tokens:manage",
    body: tokenCreateSchema,
    response: tokenSchema.extend({ token: z.string() }),
    status: 201,
  },
  { method: "delete", path: "/me/tokens/{token}", tag: "Auth", summary: "Revoke a token (by id or prefix)", permission: "tokens:manage", errors: [404] },
];
