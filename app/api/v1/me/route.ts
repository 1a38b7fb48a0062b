import { route } from "@/lib/api/handler";
import { listApiTokens } from "@/lib/db/queries/users";
import { toMe, toToken } from "@/lib/api/serialize";

export const GET = route({ permission: "profile:read" }, async ({ caller }) => ({
  ...toMe(caller),
  tokens: (await listApiTokens({ userId: caller.id })).map(toToken),
}));
