import { json, route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { enforce, LIMITS } from "@/lib/auth/rate-limit";
import { parseEvidenceUpload, withUploadSlot } from "@/lib/storage/upload";
import { addEvidence } from "@/lib/attempts/evidence";

export const POST = route(attempts.uploadEvidence, async ({ req, caller, params }) => {
  await enforce(`upload:${caller.id}`, LIMITS.upload.limit, LIMITS.upload.windowSeconds);
  return withUploadSlot(caller.id, async () => {
    const upload = await parseEvidenceUpload(req);
    return json(await addEvidence({ caller, idOrCode: params.id, ...upload }), 201);
  });
});
