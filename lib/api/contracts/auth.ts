import { z } from "zod";
import { defineContract } from "../contract";

export const registerSchema = z.object({
  email: z.email("Enter a valid email address").max(320),
  password: z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters"),
  name: z.string().trim().min(1, "Tell us your name").max(120),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const tokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(80),
  // Omitted (or blank from the settings form): the token lasts until revoked.
  expires_in_days: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int("must be a whole number of days").min(1).max(365).optional()),
});

const meSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: z.enum(["learner", "mentor", "admin", "enterprise"]),
  organisation_id: z.uuid().nullable(),
});
const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable().optional(),
  expires_at: z.string().nullable().optional(),
});

const T = "Auth";

export const register = defineContract({
  method: "post",
  path: "/auth/register",
  tag: T,
  summary: "Sign up as a learner",
  body: registerSchema,
  response: meSchema,
  status: 201,
  errors: [403, 409, 429],
});

export const me = defineContract({
  method: "get",
  path: "/me",
  tag: T,
  summary: "The caller",
  permission: "profile:read",
  response: meSchema.extend({ tokens: z.array(tokenSchema) }),
});

export const createToken = defineContract({
  method: "post",
  path: "/me/tokens",
  tag: T,
  summary: "Create a personal access token (the secret is returned once)",
  permission: "tokens:manage",
  body: tokenCreateSchema,
  response: tokenSchema.extend({ token: z.string() }),
  status: 201,
});

export const revokeToken = defineContract({
  method: "delete",
  path: "/me/tokens/{token}",
  tag: T,
  summary: "Revoke a token (by id or prefix)",
  permission: "tokens:manage",
  params: z.object({ token: z.string().min(1).max(100) }),
  response: z.object({ revoked: z.literal(true) }),
  errors: [404],
});
