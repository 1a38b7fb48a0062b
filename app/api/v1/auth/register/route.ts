import { route } from "@/lib/api/handler";
import { registerLearner, registerSchema } from "@/lib/auth/register";
import { toMe } from "@/lib/api/serialize";

export const POST = route({ body: registerSchema, status: 201 }, async ({ body, req }) => {
  const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
  return toMe(await registerLearner(body, ip));
});
