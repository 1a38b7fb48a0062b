import { route } from "@/lib/api/handler";
import { getProgress } from "@/lib/attempts/read";
import * as attempts from "@/lib/api/contracts/attempts";

export const GET = route(attempts.progress, async ({ caller, params }) => getProgress({ caller, idOrCode: params.id }));
