import { z } from "zod";
import { route } from "@/lib/api/handler";
import { cohortDashboardQuerySchema } from "@/lib/analytics/api";
import { cohortCsv, cohortDashboard } from "@/lib/analytics/cohort";

export const GET = route(
  { permission: "enterprise:dashboard", params: z.object({ cohort: z.string().min(1).max(80) }), query: cohortDashboardQuerySchema },
  async ({ caller, params, query }) => {
    const d = await cohortDashboard({ caller, cohort: params.cohort });
    if (query.format === "csv")
      return new Response(cohortCsv(d), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${d.cohort.slug}-dashboard.csv"`, "cache-control": "no-store" },
      });
    return d;
  },
);
