import { route } from "@/lib/api/handler";
import { calibrationReport } from "@/lib/reviews/calibration";
import * as reviews from "@/lib/api/contracts/moderation";

export const GET = route(reviews.calibration, async ({ caller }) => calibrationReport({ caller }));
