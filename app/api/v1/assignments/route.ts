import { route, json } from "@/lib/api/handler";
import * as assignments from "@/lib/api/contracts/assignments";
import { createAssignment } from "@/lib/assignments/assign";
import { listAssignments } from "@/lib/assignments/list";

export const POST = route(assignments.create, async ({ caller, body }) => {
  const r = await createAssignment({ caller, input: body });
  return json(r.assignment, r.created ? 201 : 200);
});

export const GET = route(assignments.list, async ({ caller, query }) => ({
  assignments: await listAssignments({ caller, ...query }),
}));
