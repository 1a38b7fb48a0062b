import { catalogueQuery } from "@/lib/api/contracts/missions";
import type { CatalogueFilters } from "@/lib/catalogue/list";

/** Filters from a page's searchParams; invalid values are dropped (and reported). */
export function filtersFrom(sp: Record<string, string | string[] | undefined>): { filters: CatalogueFilters; invalid: boolean } {
  const raw = Object.fromEntries(Object.entries(sp).filter(([k, v]) => ["q", "track", "tier", "status"].includes(k) && typeof v === "string" && v !== ""));
  const r = catalogueQuery.safeParse(raw);
  return r.success ? { filters: r.data, invalid: false } : { filters: {}, invalid: true };
}
