import { route } from "@/lib/api/handler";
import { submitMission } from "@/lib/attempts/submit";
import * as attempts from "@/lib/api/contracts/attempts";

export const POST = route(attempts.submit, async ({ caller, params }) => submitMission({ caller, idOrCode: params.id }));
