import { route } from "@/lib/api/handler";
import * as auth from "@/lib/api/contracts/auth";
import { revokeApiToken } from "@/lib/auth/tokens";
import { errors } from "@/lib/errors";

export const DELETE = route(auth.revokeToken, async ({ caller, params }) => {
  if (!(await revokeApiToken({ userId: caller.id, token: params.token }))) throw errors.notFound("Token");
  return { revoked: true };
});
