import { route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { listDecisions } from "@/lib/db/queries/progress";

export const GET = route(attempts.decisions, async ({ caller, params }) => listDecisions({ caller, idOrCode: params.id }));
