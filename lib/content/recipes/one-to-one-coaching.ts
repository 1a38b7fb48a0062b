import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "one-to-one-coaching",
  title: "Hold a difficult one-to-one with a team member",
  summary: "Prepare and run a one-to-one after disappointing news (a cancelled project, a missed promotion): acknowledge, explain honestly, explore what matters to them, and agree concrete development with dates.",
  description: "Security teams are small and hard to hire for; how a manager handles disappointment decides who stays. This recipe gives a structure for one-to-ones that keep trust when the news is bad.",
  type: "communication",
  difficulty: "intermediate",
  estimated_minutes: 30,
  skills: ["team-leadership", "communication"],
  tools: ["Meeting notes"],
  prerequisites: [],
  steps: [
    {
      title: "Prepare",
      body: "Write down the decision, the real reasons you can share, what you can and cannot offer, and what you know about the person's goals.",
      expected_outcome: "A half-page preparation note.",
    },
    {
      title: "Open with the news and acknowledge",
      body: "Say it plainly in the first minute; then acknowledge the impact (*I know you were looking forward to leading the EDR project*). Pause and listen.",
      expected_outcome: "The person has heard the news from you and felt heard.",
    },
    {
      title: "Explore",
      body: "Ask what mattered about the opportunity (skills, visibility, a promotion case) and what would still serve that goal.",
      expected_outcome: "The underlying goal identified.",
    },
    {
      title: "Agree concrete next steps",
      body: "Offer real alternatives (own the MDR onboarding, lead detection tuning, a certification), with dates and how progress will be recognised.",
      expected_outcome: "Two or three agreed actions with dates in writing.",
    },
    {
      title: "Follow up",
      body: "Send a short summary the same day and put the check-in in the calendar.",
      expected_outcome: "A written record both of you agree with.",
    },
  ],
  validation_checks: ["The news is delivered in the first minute", "No promises outside your control", "Agreed actions have dates"],
  related: ["executive-risk-briefing", "security-metrics-dashboard"],
  links: [{ mission: "BUDG-03", stage: "team", required: false, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
