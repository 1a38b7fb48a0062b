import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "BUDG-03",
  title: "Defend the security budget",
  track: "leadership",
  tier: "advanced",
  summary: "The CFO has asked every department to cut 10%. Build a risk-based case for the security budget with annualised loss expectancy and return on security investment, offer funding scenarios, and lead your team through the outcome.",
  story: `**Halden Retail Group** (85 stores, €600 million revenue, online shop with 1.4 million customer accounts) is under margin pressure. The CFO has asked every department for a 10% cut next year. Your current budget is **€2.4 million**; you want **€2.9 million** to fund an EDR upgrade and a 24×7 MDR service after two near misses this year.

You are the **Head of Information Security**, leading a team of seven. You present to the CFO and CEO in two weeks. Whatever the outcome, you will then have to explain it to your team.`,
  objectives: [
    "Quantify risk reduction with ALE and ROSI",
    "Present funding scenarios with explicit trade-offs",
    "Communicate the outcome to your team constructively",
  ],
  estimated_minutes: 180,
  skills: ["budgeting", "risk-assessment", "strategy", "team-leadership", "communication"],
  time_constraint_hours: 120,
  reflection_required: true,
  success_criteria: { min_score: 65, required_stages: ["quantify", "scenarios"], items: ["ROSI computed correctly", "Scenarios show what is lost at each level"] },
  status: "published",
  stages: [
    {
      key: "quantify",
      title: "Quantify the risk reduction",
      instructions: `Your analysis for the proposed **MDR service (€360,000 per year)**:

| Risk | SLE (single loss) | ARO now | ARO with MDR |
|---|---|---|---|
| Ransomware on store systems | €4,000,000 | 0.20 | 0.08 |
| Online account takeover campaign | €600,000 | 0.50 | 0.30 |

1. Compute ALE before and after for each risk (ALE = SLE × ARO).
2. Compute the total annual ALE reduction.
3. Compute **ROSI** = (ALE reduction − annual cost) / annual cost.

**Hand in:** ROSI as a percentage (whole number) in the answer box; calculations in notes.`,
      required_skills: ["budgeting", "risk-assessment"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["csv", "text", "pdf"] },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "regex", pattern: "^\\s*67\\s*%?\\s*$", explanation: "Ransomware ALE 800k → 320k (−480k); ATO 300k → 180k (−120k); reduction 600k. ROSI = (600k − 360k) / 360k = 66.7% ≈ 67%." },
      answer_prompt: "ROSI (%)",
      recipes: ["security-budget-business-case", "risk-register-basics"],
      hints: [
        { text: "4,000,000 × 0.20 = 800,000 before; × 0.08 = 320,000 after.", penalty: 3 },
        { text: "Total reduction is €600,000; subtract the €360,000 cost and divide by the cost.", penalty: 6 },
      ],
    },
    {
      key: "scenarios",
      title: "Funding scenarios",
      instructions: `Build three scenarios for the CFO:

| Scenario | Budget | What it buys | What it drops | Residual risk |
|---|---|---|---|---|
| A — Cut 10% | €2.16m | … | … | … |
| B — Flat | €2.4m | … | … | … |
| C — Invest | €2.9m | EDR upgrade + MDR | … | … |

Fill in each row with concrete consequences (e.g. A: no MDR, nights and weekends unmonitored, pen test cancelled; B: MDR instead of the EDR upgrade). Note which spend is **mandatory** (PCI DSS for card payments, e.g. quarterly ASV scans) and cannot be cut.

Then write the two-minute opening of your presentation: the ask, the risk in euros, the recommended scenario.

**Hand in:** the scenario table and opening as an attached file.`,
      required_skills: ["budgeting", "strategy", "communication"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text", "csv"], description: "Scenarios and opening." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["security-budget-business-case", "executive-risk-briefing"],
      hints: [
        { text: "A CFO respects a scenario that offers savings somewhere else.", penalty: 3 },
        { text: "Separate regulatory must-haves from discretionary investment.", penalty: 6 },
      ],
    },
    {
      key: "team",
      title: "Tell your team",
      instructions: `The outcome: **scenario B (flat budget)**. MDR is funded; the EDR upgrade and one open analyst position are not. Two of your analysts had been promised the EDR project as a development opportunity.

Plan and write:

1. The team meeting message (what was decided, why, what it means for each person, what you are doing about it).
2. Your one-to-one conversation plan with the two analysts: acknowledge the disappointment, alternative development (e.g. owning the MDR onboarding and detection tuning), and a timeline to revisit.
3. How you will reprioritise the team's roadmap without the open position.

**Hand in:** all three in notes.`,
      required_skills: ["team-leadership", "communication"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["one-to-one-coaching", "executive-risk-briefing"],
      hints: [
        { text: "Tell the team the decision and the reasons before the rumour mill does.", penalty: 3 },
        { text: "Don't promise what you can't control; commit to what you can.", penalty: 6 },
      ],
    },
  ],
  rubric: [
    { key: "quantification", stage: "quantify", title: "Quantification", weight: 3, skills: ["budgeting", "risk-assessment"], levels: [
      { points: 0, label: "Missing", descriptor: "No calculation submitted." },
      { points: 1, label: "Partial", descriptor: "ALE right, ROSI wrong." },
      { points: 2, label: "Competent", descriptor: "ALE before/after, reduction and ROSI correct." },
      { points: 3, label: "Strong", descriptor: "As competent, with sources and uncertainty of the estimates stated." } ] },
    { key: "funding-scenarios", stage: "scenarios", title: "Scenarios and pitch", weight: 3, skills: ["budgeting", "strategy"], levels: [
      { points: 0, label: "Missing", descriptor: "No scenarios submitted." },
      { points: 1, label: "Partial", descriptor: "Scenarios without concrete consequences." },
      { points: 2, label: "Competent", descriptor: "Three concrete scenarios, mandatory spend separated, clear opening." },
      { points: 3, label: "Strong", descriptor: "As competent, and offers trade-offs a CFO can accept." } ] },
    { key: "team-communication", stage: "team", title: "Leading the team", weight: 2, skills: ["team-leadership"], levels: [
      { points: 0, label: "Missing", descriptor: "No plan submitted." },
      { points: 1, label: "Partial", descriptor: "Announces the decision without addressing people." },
      { points: 2, label: "Competent", descriptor: "Honest message, considered one-to-ones, reprioritised roadmap." },
      { points: 3, label: "Strong", descriptor: "As competent, turns the setback into real development." } ] },
  ],
};

export default mission;
