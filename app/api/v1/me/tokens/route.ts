import { route } from "@/lib/api/handler";
import * as auth from "@/lib/api/contracts/auth";
import { createApiToken } from "@/lib/auth/tokens";
import { toToken } from "@/lib/api/serialize";

export const POST = route(auth.createToken, async ({ caller, body }) => {
  const t = await createApiToken({ userId: caller.id, name: body.name });
  return { ...toToken(t), token: t.token };
});
