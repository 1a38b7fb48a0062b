import { route } from "@/lib/api/handler";
import { doubleMarkingSettings } from "@/lib/reviews/calibration";
import * as reviews from "@/lib/api/contracts/moderation";

export const GET = route(reviews.doubleMarkingList, async ({ caller }) => doubleMarkingSettings({ caller }));
