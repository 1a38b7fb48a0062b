import { route } from "@/lib/api/handler";
import { mentorDashboard } from "@/lib/reviews/dashboard";
import * as reviews from "@/lib/api/contracts/reviews";

export const GET = route(reviews.dashboard, async ({ caller }) => mentorDashboard({ caller }));
