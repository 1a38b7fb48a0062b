import { z } from "zod";
import { route, json } from "@/lib/api/handler";
import { assignmentCreateSchema } from "@/lib/db/queries/assignments";
import { createAssignment } from "@/lib/assignments/assign";
import { listAssignments } from "@/lib/assignments/list";

export const POST = route({ permission: "assignments:create", body: assignmentCreateSchema }, async ({ caller, body }) => {
  const r = await createAssignment({ caller, input: body });
  return json(r.assignment, r.created ? 201 : 200);
});

const listQuery = z.object({
  mission: z.string().max(80).optional(),
  cohort: z.string().max(80).optional(),
  learner: z.uuid().optional(),
});

export const GET = route({ permission: "assignments:read", query: listQuery }, async ({ caller, query }) => ({
  assignments: await listAssignments({ caller, ...query }),
}));
