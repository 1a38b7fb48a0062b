import { route } from "@/lib/api/handler";
import * as telemetry from "@/lib/api/contracts/telemetry";
import { xapiStatements } from "@/lib/telemetry/export";

export const GET = route(telemetry.xapi, async ({ req, query }) => xapiStatements({ query, base: new URL(req.url).origin }));
