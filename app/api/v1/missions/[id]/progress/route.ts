import { route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { getProgress } from "@/lib/db/queries/progress";

export const GET = route(attempts.progress, async ({ caller, params }) => getProgress({ caller, idOrCode: params.id }));
