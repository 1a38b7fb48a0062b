import { route } from "@/lib/api/handler";
import { trackParams } from "@/lib/api/docs/missions";
import { enrol } from "@/lib/foundations/progress";

export const POST = route({ permission: "tracks:enroll", params: trackParams }, async ({ caller, params }) => {
  const tracks = await enrol({ caller, track: params.track });
  return { track: params.track, enrolled: true, tracks: tracks.map((t) => ({ track: t.track, enrolled_at: t.enrolledAt.toISOString() })) };
});
