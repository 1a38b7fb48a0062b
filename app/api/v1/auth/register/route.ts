import { route } from "@/lib/api/handler";
import { registerLearner } from "@/lib/auth/register";
import * as auth from "@/lib/api/contracts/auth";
import { toMe } from "@/lib/api/serialize";

export const POST = route(auth.register, async ({ body, req }) => {
  const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
  return toMe(await registerLearner(body, ip));
});
