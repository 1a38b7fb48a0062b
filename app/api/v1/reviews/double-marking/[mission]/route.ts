import { route } from "@/lib/api/handler";
import { setDoubleMarking } from "@/lib/reviews/calibration";
import * as reviews from "@/lib/api/contracts/moderation";

export const PUT = route(reviews.doubleMarkingSet, async ({ caller, params, body }) => setDoubleMarking({ caller, mission: params.mission, body }));
