import { route, json } from "@/lib/api/handler";
import { grantException } from "@/lib/db/queries/assignments";
import * as assignments from "@/lib/api/contracts/assignments";

export const POST = route(assignments.grantException, async ({ caller, body }) => {
  const r = await grantException({ caller, input: body });
  return json(r.exception, r.created ? 201 : 200);
});
