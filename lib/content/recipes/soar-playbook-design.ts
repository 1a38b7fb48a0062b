import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "soar-playbook-design",
  title: "Design a SOAR playbook with safe automation levels",
  summary: "Design an automation playbook as ingest → enrich → score → decide → act → learn, choose thresholds from measured precision and recall, keep actions reversible, and put humans where errors are costly.",
  description: "Automation multiplies both good and bad decisions. This recipe designs playbooks that fail safe, measures them on labelled data before enabling actions, and tiers automation by confidence and impact.",
  type: "process",
  difficulty: "advanced",
  estimated_minutes: 60,
  skills: ["automation", "data-analysis", "metrics"],
  tools: ["SOAR platform", "Python or a notebook"],
  prerequisites: ["python-ioc-extractor"],
  steps: [
    {
      title: "Map the manual process",
      body: "Shadow an analyst: list each step, data source, decision and action with the time it takes.",
      expected_outcome: "A timed manual workflow.",
    },
    {
      title: "Design the flow",
      body: "Ingest → enrich → score → decide → act → learn. For each enrichment, define behaviour on failure (route to a human).",
      expected_outcome: "A flow diagram with failure paths.",
    },
    {
      title: "Measure before acting",
      body: "Run the scoring in shadow mode on a labelled week. Precision = TP / (TP + FP); recall = TP / (TP + FN).",
      command: "precision = tp / (tp + fp)\nrecall = tp / (tp + fn)",
      expected_outcome: "Precision and recall per threshold.",
    },
    {
      title: "Tier the automation",
      body: "Fully automatic only for high confidence and reversible actions on low-impact targets; one-click approval for medium confidence or high-impact targets; analyst queue for the rest.",
      expected_outcome: "Tier rules with expected volumes.",
    },
    {
      title: "Monitor and learn",
      body: "Track time-to-contain, false-positive actions (target zero for high-impact targets) and analyst overrides; retune monthly.",
      expected_outcome: "A metrics dashboard for the playbook.",
    },
  ],
  validation_checks: ["Every action is reversible or human-approved", "Thresholds come from measured data", "Failure of an enrichment never leads to auto-close"],
  related: ["python-ioc-extractor", "security-metrics-dashboard", "email-header-analysis"],
  links: [{ mission: "SOAR-04", stage: "design", required: true, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
