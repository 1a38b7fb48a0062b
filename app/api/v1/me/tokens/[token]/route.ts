import { z } from "zod";
import { route } from "@/lib/api/handler";
import { revokeApiToken } from "@/lib/auth/tokens";
import { errors } from "@/lib/errors";

export const DELETE = route({ permission: "tokens:manage", params: z.object({ token: z.string().min(1).max(100) }) }, async ({ caller, params }) => {
  if (!(await revokeApiToken({ userId: caller.id, token: params.token }))) throw errors.notFound("Token");
  return { revoked: true };
});
