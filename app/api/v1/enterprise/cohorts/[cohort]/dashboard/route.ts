import { route } from "@/lib/api/handler";
import * as analytics from "@/lib/api/contracts/analytics";
import { cohortCsv, cohortDashboard } from "@/lib/analytics/cohort";

export const GET = route(
  analytics.cohortDashboard,
  async ({ caller, params, query }) => {
    const d = await cohortDashboard({ caller, cohort: params.cohort });
    if (query.format === "csv")
      return new Response(cohortCsv(d), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${d.cohort.slug}-dashboard.csv"`, "cache-control": "no-store" },
      });
    return d;
  },
);
