import { json, route } from "@/lib/api/handler";
import { missionParams } from "@/lib/api/docs/missions";
import { enforce, LIMITS } from "@/lib/auth/rate-limit";
import { parseEvidenceUpload } from "@/lib/storage/upload";
import { addEvidence } from "@/lib/attempts/evidence";

export const POST = route({ permission: "missions:play", params: missionParams }, async ({ req, caller, params }) => {
  await enforce(`upload:${caller.id}`, LIMITS.upload.limit, LIMITS.upload.windowSeconds);
  const upload = await parseEvidenceUpload(req);
  return json(await addEvidence({ caller, idOrCode: params.id, ...upload }), 201);
});
