import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "breach-notification-clock",
  title: "Run the breach notification clocks (GDPR, NIS2, contracts)",
  summary: "Work out which regulators, customers and people must be notified, by when, starting from the moment of awareness — and what a phased notification can say early.",
  description: "Notification deadlines start when the organisation becomes aware, not when the investigation ends. This recipe lists the common clocks (GDPR Art. 33/34, NIS2 Art. 23, contracts, sector rules), computes the deadlines and drafts phased notifications.",
  type: "process",
  difficulty: "intermediate",
  estimated_minutes: 30,
  skills: ["compliance", "privacy", "communication"],
  tools: ["Deadline table", "Regulator notification forms"],
  prerequisites: [],
  steps: [
    {
      title: "Fix the awareness time",
      body: "Awareness is when you have a reasonable degree of certainty that a security incident affecting personal data (or essential services) has occurred. Record it in UTC with the evidence.",
      expected_outcome: "One timestamp that every clock starts from.",
    },
    {
      title: "List the regimes",
      body: "GDPR Art. 33: supervisory authority within 72 h. GDPR Art. 34: data subjects without undue delay if high risk. NIS2 Art. 23: CSIRT early warning 24 h, incident notification 72 h, final report one month. Plus contracts, card schemes, sector regulators.",
      expected_outcome: "A table of obligations that apply to this organisation.",
    },
    {
      title: "Compute deadlines",
      body: "Add the periods to the awareness time; write the result as a UTC date-time.",
      command: "date -u -d '2025-02-19 06:40 UTC + 72 hours' '+%Y-%m-%d %H:%M'   # 2025-02-22 06:40",
      expected_outcome: "A deadline per obligation.",
    },
    {
      title: "Decide on data-subject notification",
      body: "High risk if the data enables fraud or discrimination (bank details, national IDs, health data) or the volume is large. Document the reasoning either way.",
      expected_outcome: "A documented Art. 34 decision.",
    },
    {
      title: "Draft phased notifications",
      body: "What you know now, what you are doing, when you will update. Regulators accept phased reporting; silence is not acceptable.",
      expected_outcome: "Initial notifications ready for sign-off.",
    },
  ],
  validation_checks: ["All clocks start from the same awareness time", "Each notification has a signatory", "The Art. 34 decision is documented"],
  related: ["crisis-holding-statement", "gdpr-dpia-screening"],
  links: [{ mission: "IR-04", stage: "regulators", required: false, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
