import { route } from "@/lib/api/handler";
import { listDecisions } from "@/lib/attempts/read";
import * as attempts from "@/lib/api/contracts/attempts";

export const GET = route(attempts.decisions, async ({ caller, params }) => listDecisions({ caller, idOrCode: params.id }));
