import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "crisis-holding-statement",
  title: "Write a holding statement and staff message",
  summary: "Draft a press holding statement (≤120 words) and an all-staff message during a cyber incident: acknowledge, act, advise, no speculation.",
  description: "In the first hours of a public incident you need words fast that will not come back to bite you. This recipe gives the structure for a holding statement, a staff message and a customer note, and the phrases to avoid.",
  type: "communication",
  difficulty: "intermediate",
  estimated_minutes: 20,
  skills: ["communication", "crisis-management", "stakeholder-management"],
  tools: ["Document template"],
  prerequisites: [],
  steps: [
    {
      title: "Acknowledge",
      body: "One sentence on what happened in plain words: *On 19 February we were the target of a cyber attack that disrupted our production systems.*",
      expected_outcome: "A factual opening without technical detail or blame.",
    },
    {
      title: "Act",
      body: "What you are doing: specialists engaged, authorities informed, systems being restored.",
      expected_outcome: "Two sentences of action.",
    },
    {
      title: "Advise",
      body: "For staff and customers: what they should do (watch for phishing, contact the bank about fraud alerts), where to get help (helpline, FAQ page).",
      expected_outcome: "Concrete protective advice.",
    },
    {
      title: "Avoid",
      body: "Never: *sophisticated attack*, *no evidence of data theft* (unless investigated), speculation on attribution, promises on dates you cannot keep.",
      expected_outcome: "A statement checked against the avoid list and approved by legal.",
    },
  ],
  validation_checks: ["Press statement is at most 120 words", "Staff message includes practical advice and a contact", "No speculation or denial"],
  related: ["ransomware-board-briefing", "breach-notification-clock"],
  links: [{ mission: "IR-04", stage: "leak", required: false, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
