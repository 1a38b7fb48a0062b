import { route, json } from "@/lib/api/handler";
import * as assignments from "@/lib/api/contracts/assignments";
import { grantException } from "@/lib/assignments/exceptions";

export const POST = route(assignments.grantException, async ({ caller, body }) => {
  const r = await grantException({ caller, input: body });
  return json(r.exception, r.created ? 201 : 200);
});
