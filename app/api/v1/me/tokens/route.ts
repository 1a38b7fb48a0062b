import { route } from "@/lib/api/handler";
import { createApiToken } from "@/lib/auth/tokens";
import { tokenCreateSchema } from "@/lib/api/docs/auth";
import { toToken } from "@/lib/api/serialize";

export const POST = route({ permission: "tokens:manage", body: tokenCreateSchema, status: 201 }, async ({ caller, body }) => {
  const t = await createApiToken({ userId: caller.id, name: body.name });
  return { ...toToken(t), token: t.token };
});
