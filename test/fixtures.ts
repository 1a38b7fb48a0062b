import type { ContentPackInput, MissionInput, RecipeInput } from "@/lib/content/schemas";

// A small, self-contained content pack for integration tests (independent of the demo catalogue).
export const fixtureRecipes: RecipeInput[] = [
  {
    slug: "grep-auth-logs",
    title: "Find failed logins with grep",
    summary: "Count failed SSH logins per source IP in an auth log.",
    description: "Shows how to pull brute-force sources out of /var/log/auth.log.",
    type: "technical",
    difficulty: "beginner",
    estimated_minutes: 10,
    skills: ["log-analysis", "ioc-extraction"],
    tools: ["grep", "awk"],
    steps: [
      { title: "Filter failures", body: "Keep only failed password lines.", command: "grep 'Failed password' auth.log", expected_outcome: "Only failed attempts remain." },
      { title: "Count per IP", body: "Count by source address.", command: "grep 'Failed password' auth.log | awk '{print $(NF-3)}' | sort | uniq -c | sort -rn", expected_outcome: "The top line is the noisiest source." },
    ],
    validation_checks: ["The top IP matches the one with the most failures"],
  },
  {
    slug: "write-sigma-rule",
    title: "Write a Sigma rule",
    summary: "Turn an observed pattern into a portable Sigma detection.",
    description: "Write, test and convert a Sigma rule.",
    type: "technical",
    difficulty: "intermediate",
    estimated_minutes: 30,
    skills: ["sigma", "detection-engineering"],
    tools: ["sigma-cli"],
    prerequisites: ["grep-auth-logs"],
    steps: [{ title: "Describe the log source", body: "Pick product and category.", expected_outcome: "A logsource block." }],
    validation_checks: ["sigma check passes"],
  },
  {
    slug: "brief-stakeholders",
    title: "Brief stakeholders in five sentences",
    summary: "A short incident brief for managers.",
    description: "What happened, impact, what we did, what we need, next update.",
    type: "communication",
    difficulty: "beginner",
    estimated_minutes: 15,
    skills: ["communication"],
    tools: [],
    steps: [{ title: "Write the five sentences", body: "One sentence each.", expected_outcome: "A brief under 120 words." }],
    validation_checks: ["A non-specialist can say what to do next"],
  },
];

export const fixtureMission: MissionInput = {
  code: "TEST-01",
  title: "Fixture: brute force triage",
  track: "defender",
  tier: "beginner",
  story: "Fixture story for tests.",
  objectives: ["Find the attacker", "Decide on containment"],
  estimated_minutes: 30,
  skills: ["log-analysis"],
  stages: [
    {
      key: "triage",
      title: "Triage",
      instructions: "Read the log and name the source IP.",
      required_skills: ["log-analysis", "ioc-extraction"],
      answer: { kind: "exact", value: "203.0.113.45" },
      notes_min_chars: 5,
      weight: 2,
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text", "image", "csv", "json"] },
      recipes: ["grep-auth-logs"],
      hints: [
        { text: "Look at Failed password lines.", penalty: 2 },
        { text: "Count per IP with uniq -c.", penalty: 5 },
      ],
    },
    { key: "contain", title: "Contain", instructions: "Block the IP.", required_skills: ["incident-response"], recipes: ["brief-stakeholders"] },
    { key: "watch", title: "Watch", instructions: "Monitor.", required_skills: ["log-analysis"], recipes: ["grep-auth-logs"] },
    { key: "detect", title: "Detect", instructions: "Write a detection.", required_skills: ["sigma"], recipes: ["write-sigma-rule"], weight: 1 },
    { key: "report", title: "Report", instructions: "Brief the manager.", required_skills: ["communication"], recipes: ["brief-stakeholders"] },
  ],
  decisions: [
    {
      key: "respond",
      after_stage: "triage",
      prompt: "Block now or watch?",
      choices: [
        { id: "block", label: "Block now", consequence: "Blocked.", next_stage: "contain", score_delta: 5, ideal: true, rationale: "Stops the attack." },
        { id: "watch", label: "Keep watching", consequence: "Attack continues.", next_stage: "watch", score_delta: -5 },
      ],
    },
    {
      key: "detect-or-report",
      after_stage: "contain",
      prompt: "Write a detection or report straight away?",
      choices: [
        { id: "detect", label: "Detection first", consequence: "Good.", next_stage: "detect" },
        { id: "report", label: "Report now", consequence: "OK.", next_stage: "report" },
      ],
    },
  ],
  rubric: [
    { key: "triage-quality", stage: "triage", title: "Triage", levels: [{ points: 0, label: "Missing", descriptor: "No IP" }, { points: 2, label: "Good", descriptor: "Right IP with evidence" }] },
    { key: "contain-quality", stage: "contain", title: "Containment", levels: [{ points: 0, label: "Missing", descriptor: "-" }, { points: 3, label: "Good", descriptor: "Blocked" }] },
    { key: "watch-quality", stage: "watch", title: "Watching", levels: [{ points: 0, label: "Missing", descriptor: "-" }, { points: 1, label: "Good", descriptor: "Watched" }] },
    { key: "detect-quality", stage: "detect", title: "Detection", levels: [{ points: 0, label: "Missing", descriptor: "-" }, { points: 4, label: "Good", descriptor: "Works" }] },
    { key: "report-quality", stage: "report", title: "Report", levels: [{ points: 0, label: "Missing", descriptor: "-" }, { points: 2, label: "Good", descriptor: "Clear" }] },
  ],
};

export function fixturePack(overrides: Partial<ContentPackInput> = {}): ContentPackInput {
  return {
    foundations: [{ slug: "intro", title: "Intro", summary: "Start here.", estimated_minutes: 5 }],
    missions: [fixtureMission],
    recipes: fixtureRecipes,
    ...overrides,
  };
}
