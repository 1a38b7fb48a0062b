import { route } from "@/lib/api/handler";
import { catalogueQuery } from "@/lib/api/docs/missions";
import { listCatalogue } from "@/lib/catalogue/list";

export const GET = route({ permission: "catalogue:read", query: catalogueQuery }, async ({ caller, query }) => listCatalogue({ caller, filters: query }));
