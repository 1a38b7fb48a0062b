import { route } from "@/lib/api/handler";
import * as foundations from "@/lib/api/contracts/foundations";
import { enrol } from "@/lib/foundations/progress";

export const POST = route(foundations.enroll, async ({ caller, params }) => {
  const tracks = await enrol({ caller, track: params.track });
  return { track: params.track, enrolled: true, tracks: tracks.map((t) => ({ track: t.track, enrolled_at: t.enrolledAt.toISOString() })) };
});
