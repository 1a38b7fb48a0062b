import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "adversary-emulation-plan",
  title: "Write an adversary emulation plan and rules of engagement",
  summary: "Turn threat intelligence into a phased emulation plan mapped to ATT&CK with procedures and expected detections, and wrap it in rules of engagement with scope, abort criteria and deconfliction.",
  description: "Red teaming is only as valuable as it is realistic and safe. This recipe chooses an actor, translates its TTPs into concrete procedures, and defines the controls — White Team, abort criteria, deconfliction — that keep the operation from causing real harm.",
  type: "process",
  difficulty: "advanced",
  estimated_minutes: 60,
  skills: ["red-team-planning", "threat-intelligence", "mitre-attack"],
  tools: ["ATT&CK Navigator (offline)", "Document template"],
  prerequisites: ["mitre-attack-mapping"],
  steps: [
    {
      title: "Select the actor",
      body: "Pick the actor whose objective and targeting match the flag and the organisation's sector; note the intelligence confidence.",
      expected_outcome: "One actor, justified against the flag.",
    },
    {
      title: "Phase the plan",
      body: "For each phase (initial access, execution, persistence, privilege escalation, lateral movement, objective): technique ID, procedure (what you will actually run), expected telemetry and detection.",
      expected_outcome: "A table with one row per planned technique.",
    },
    {
      title: "Rules of engagement",
      body: "Scope and exclusions, working hours, data handling, approvals needed, communication channels, White Team members and deputies.",
      expected_outcome: "A signed RoE document.",
    },
    {
      title: "Abort criteria and deconfliction",
      body: "Concrete triggers: production impact, evidence of a real attacker, a safety issue, an external escalation. Define who calls whom within how many minutes when the SOC escalates.",
      expected_outcome: "A one-page deconfliction runbook.",
    },
    {
      title: "Operator logging",
      body: "Every action logged with UTC time, host, command and artefact, so clean-up and the purple-team replay are exact.",
      expected_outcome: "A logging template agreed by the team.",
    },
  ],
  validation_checks: ["Every technique traces to the intelligence", "Abort criteria are observable in the moment", "Deconfliction names people and time limits"],
  related: ["mitre-attack-mapping", "detection-test-with-atomic-red-team"],
  links: [{ mission: "RED-04", stage: "plan", required: true, order: 0 }, { module: "rules-of-engagement", required: true, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
