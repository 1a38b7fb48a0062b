import { route } from "@/lib/api/handler";
import { registerLearner } from "@/lib/auth/register";
import * as auth from "@/lib/api/contracts/auth";
import { toMe } from "@/lib/api/serialize";

export const POST = route(auth.register, async ({ body, req }) => toMe(await registerLearner(body, req.headers)));
