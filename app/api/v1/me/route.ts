import { route } from "@/lib/api/handler";
import * as auth from "@/lib/api/contracts/auth";
import { listApiTokens } from "@/lib/db/queries/users";
import { toMe, toToken } from "@/lib/api/serialize";

export const GET = route(auth.me, async ({ caller }) => ({
  ...toMe(caller),
  tokens: (await listApiTokens({ userId: caller.id })).map(toToken),
}));
