import { route } from "@/lib/api/handler";
import * as missions from "@/lib/api/contracts/missions";
import { listCatalogue } from "@/lib/catalogue/list";

export const GET = route(missions.catalogue, async ({ caller, query }) => listCatalogue({ caller, filters: query }));
