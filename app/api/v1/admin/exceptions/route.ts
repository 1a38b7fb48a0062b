import { route, json } from "@/lib/api/handler";
import { exceptionCreateSchema } from "@/lib/db/queries/assignments";
import { grantException } from "@/lib/assignments/exceptions";

export const POST = route({ permission: "exceptions:grant", body: exceptionCreateSchema }, async ({ caller, body }) => {
  const r = await grantException({ caller, input: body });
  return json(r.exception, r.created ? 201 : 200);
});
