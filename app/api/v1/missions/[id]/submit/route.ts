import { route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { submitMission } from "@/lib/db/queries/progress";

export const POST = route(attempts.submit, async ({ caller, params }) => submitMission({ caller, idOrCode: params.id }));
