import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "METRIC-01",
  title: "Your first monthly security report",
  track: "leadership",
  tier: "beginner",
  summary: "The new IT director wants a monthly security report that leads to decisions. Compute mean time to resolve from the incident export, pick metrics that matter, and present one page with trends and asks.",
  story: `**Oakhurst College** (3,200 students, 400 staff) has a small IT team and no security reporting. The new IT director asked you — the **security lead**, recently promoted from the service desk — for a monthly one-page report for the senior leadership team. Last year's attempt was a 14-page export of firewall statistics that nobody read.`,
  objectives: [
    "Compute a response metric correctly from raw data",
    "Choose metrics that inform decisions",
    "Present trends and asks on one page",
  ],
  estimated_minutes: 50,
  skills: ["metrics", "communication", "data-analysis"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["compute", "choose"], items: ["Every metric links to a decision or action"] },
  status: "published",
  stages: [
    {
      key: "compute",
      title: "Compute mean time to resolve",
      instructions: `Security incidents closed in May (from the service desk export):

| Ticket | Category | Opened (UTC) | Resolved (UTC) |
|---|---|---|---|
| INC-3301 | Phishing | 2025-05-02 09:00 | 2025-05-02 13:00 |
| INC-3317 | Malware | 2025-05-06 14:00 | 2025-05-07 10:00 |
| INC-3342 | Account compromise | 2025-05-12 08:30 | 2025-05-12 20:30 |
| INC-3360 | Phishing | 2025-05-19 11:00 | 2025-05-19 13:00 |
| INC-3388 | Lost laptop | 2025-05-27 16:00 | 2025-05-28 16:00 |

1. Compute the resolution time of each ticket in hours.
2. Compute the **mean time to resolve (MTTR)** in hours.
3. Compute the median and explain why it can tell a different story.

**Hand in:** MTTR in hours in the answer box; the working in notes.`,
      required_skills: ["metrics", "data-analysis"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["csv", "text"] },
      notes_min_chars: 30,
      weight: 2,
      answer: { kind: "regex", pattern: "^\\s*12[.,]4\\s*(h|hours)?\\s*$", explanation: "Durations are 4, 20, 12, 2 and 24 hours: 62 / 5 = 12.4 h. The median is 12 h." },
      answer_prompt: "MTTR (hours)",
      recipes: ["security-metrics-dashboard"],
      hints: [
        { text: "INC-3317 runs from 14:00 one day to 10:00 the next: 20 hours.", penalty: 2 },
        { text: "Add the five durations and divide by five.", penalty: 5 },
      ],
    },
    {
      key: "choose",
      title: "Choose the metrics",
      instructions: `Candidate metrics from the IT team: *emails blocked by the filter (1.2 million)*, *firewall denies (38 million)*, *MTTR*, *% staff accounts with MFA (61%)*, *% critical patches applied within 14 days (72%)*, *phishing simulation report rate (9%)*, *number of antivirus detections (140)*.

Choose **four** for the leadership team. For each, give the definition, the target, and the decision it informs. Explain why you dropped the others.

**Hand in:** your four metrics with definitions, targets and decisions in notes.`,
      required_skills: ["metrics"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "csv"] },
      notes_min_chars: 40,
      weight: 3,
      recipes: ["security-metrics-dashboard"],
      hints: [
        { text: "Volume counts (blocked emails, firewall denies) describe the internet, not your risk.", penalty: 2 },
        { text: "MFA coverage and patch SLA are things leadership can fund or enforce.", penalty: 5 },
      ],
    },
    {
      key: "page",
      title: "Build the one-pager",
      instructions: `Build the one-page report: the four metrics with this month, last month and target; a one-line status (green/amber/red) and two lines of commentary for each amber/red; one **ask** of leadership (e.g. *approve mandatory MFA for all staff by September*).

**Hand in:** the page as an attached file (PDF or image).`,
      required_skills: ["communication", "metrics"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "image"], description: "The one-page report." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["security-metrics-dashboard", "executive-risk-briefing"],
      hints: [
        { text: "One ask per month gets action; five asks get none.", penalty: 2 },
        { text: "Trends beat snapshots: show last month next to this month.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "mttr", stage: "compute", title: "Computation", weight: 2, skills: ["metrics"], levels: [
      { points: 0, label: "Missing", descriptor: "No computation submitted." },
      { points: 1, label: "Partial", descriptor: "Arithmetic errors in durations." },
      { points: 2, label: "Competent", descriptor: "Correct durations, mean and median." },
      { points: 3, label: "Strong", descriptor: "As competent, explains skew from the lost-laptop ticket." } ] },
    { key: "metric-choice", stage: "choose", title: "Metric choice", weight: 3, skills: ["metrics"], levels: [
      { points: 0, label: "Missing", descriptor: "Volume metrics chosen." },
      { points: 1, label: "Partial", descriptor: "Good metrics without definitions or targets." },
      { points: 2, label: "Competent", descriptor: "Four decision-linked metrics with definitions and targets." },
      { points: 3, label: "Strong", descriptor: "As competent, with clear reasons for each dropped metric." } ] },
    { key: "one-pager", stage: "page", title: "One-page report", weight: 2, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No report submitted." },
      { points: 1, label: "Partial", descriptor: "Data without commentary or ask." },
      { points: 2, label: "Competent", descriptor: "Trends, status, commentary, one ask." },
      { points: 3, label: "Strong", descriptor: "As competent, readable in two minutes by a non-specialist." } ] },
  ],
};

export default mission;
