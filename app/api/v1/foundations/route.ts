import { route } from "@/lib/api/handler";
import * as foundations from "@/lib/api/contracts/foundations";
import { readFoundations } from "@/lib/foundations/progress";

export const GET = route(foundations.list, async ({ caller }) => readFoundations({ caller }));
