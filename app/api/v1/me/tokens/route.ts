import { route } from "@/lib/api/handler";
import * as auth from "@/lib/api/contracts/auth";
import { createApiToken } from "@/lib/auth/tokens";
import { toToken } from "@/lib/api/serialize";

export const POST = route(auth.createToken, async ({ caller, body }) => {
  const t = await createApiToken({ userId: caller.id, name: body.name, expiresInDays: body.expires_in_days });
  return { ...toToken(t), token: t.token };
});
