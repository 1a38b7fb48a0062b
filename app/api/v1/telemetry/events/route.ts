import { route } from "@/lib/api/handler";
import * as telemetry from "@/lib/api/contracts/telemetry";
import { ingestEvents, readIngestBody } from "@/lib/telemetry/ingest";

// Body read by ingest itself: JSON or text/plain (navigator.sendBeacon), capped at 1 MB.
export const POST = route(telemetry.ingestEvents, async ({ req, caller }) => ingestEvents({ caller, body: await readIngestBody(req) }));
