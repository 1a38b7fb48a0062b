import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "mitre-attack-mapping",
  title: "Map observed behaviour to MITRE ATT&CK",
  summary: "Turn an incident timeline or a threat report into ATT&CK techniques with evidence per technique, then use the map to find detection gaps.",
  description: "ATT&CK gives a shared vocabulary for attacker behaviour. This recipe maps each observed action to a tactic and technique (with sub-technique where justified), records the evidence, and overlays your detection coverage to prioritise new detections.",
  type: "analysis",
  difficulty: "intermediate",
  estimated_minutes: 30,
  skills: ["mitre-attack", "threat-intelligence"],
  tools: ["ATT&CK Navigator (offline)", "Spreadsheet"],
  prerequisites: [],
  steps: [
    {
      title: "List behaviours, not tools",
      body: "From the timeline, write each action as a behaviour: *ran SharpHound* becomes *enumerated domain objects and sessions*.",
      expected_outcome: "A list of behaviours with timestamps and evidence.",
    },
    {
      title: "Map to technique IDs",
      body: "Find the tactic (why) and the technique (how). Examples: VPN login with stolen credentials → T1078 Valid Accounts; AdFind → T1087.002 Domain Account discovery; rclone to cloud storage → T1567.002 Exfiltration to Cloud Storage; encryption → T1486 Data Encrypted for Impact.",
      expected_outcome: "Each behaviour with a technique ID and a one-line justification.",
    },
    {
      title: "Overlay detections",
      body: "Mark each technique as detected, partially detected or not detected by your current rules.",
      expected_outcome: "A coloured layer in the Navigator or a coverage column.",
    },
    {
      title: "Prioritise gaps",
      body: "Pick the undetected techniques that appear earliest in the kill chain or recur across reports.",
      expected_outcome: "Three detection backlog items with technique IDs.",
    },
  ],
  validation_checks: ["Every technique has evidence", "Sub-techniques are only used when the evidence supports them", "Gaps lead to backlog items"],
  related: ["sigma-rule-from-log", "threat-hunt-hypothesis"],
  links: [{ module: "threats-and-incidents", required: true, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
