import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "LEAD-01",
  title: "Tell the whole company what happened",
  track: "leadership",
  tier: "beginner",
  summary: "After a phishing incident at a logistics firm, the CEO wants you to explain it at Friday's all-hands. Turn the incident facts into a blame-free, useful five-minute briefing and a follow-up email.",
  story: `**Tarn Valley Haulage** (450 staff, 300 of them drivers) had a phishing incident last week: a fake "fuel card update" email harvested the passwords of 11 drivers, and two fuel cards were used fraudulently for €2,300 before the fraud team blocked them.

You are the **IT and security coordinator**, the company's only security person. The CEO has given you five minutes at Friday's all-hands (in the depot and streamed to the drivers' phones) and asked you to "make sure people know what to do next time — without making the drivers feel stupid".`,
  objectives: [
    "Translate incident facts into plain language",
    "Give people specific, memorable actions",
    "Communicate without blame and invite reporting",
  ],
  estimated_minutes: 45,
  skills: ["communication", "stakeholder-management"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["facts", "script"], items: ["No individual is blamed", "One clear reporting route"] },
  status: "published",
  stages: [
    {
      key: "facts",
      title: "Pick the facts that matter",
      instructions: `Incident notes from your ticket:

\`\`\`text
2025-05-06 06:12  SMS + email "FuelLink: update your card PIN by 10:00 or card blocked" sent to 212 drivers
                  link to fuellink-update.test (look-alike of the real fuellink.test portal)
06:15-07:40       11 drivers entered username, password and card PIN
07:52             driver K. reported it to dispatch; dispatch called IT
08:05             IT blocked the domain on company phones, reset 11 passwords
09:30             fuel card provider blocked 11 cards; 2 had been used (EUR 2,300 in total)
Root cause:       no MFA on the FuelLink portal; phones have no link protection for SMS
\`\`\`

Choose the **three facts** the audience needs (not more), and the one fact you will *not* share (hint: names).

**Hand in:** in the answer box, how many minutes passed between the first message and the first report; your three facts and what you leave out in notes.`,
      required_skills: ["communication"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "100", explanation: "06:12 to 07:52 is 1 hour 40 minutes = 100 minutes." },
      answer_prompt: "Minutes from first message to first report",
      recipes: ["executive-risk-briefing", "crisis-holding-statement"],
      hints: [
        { text: "06:12 → 07:12 is 60 minutes; 07:12 → 07:52 is 40 more.", penalty: 2 },
        { text: "The driver who reported it is a hero; the 11 who were fooled stay anonymous.", penalty: 5 },
      ],
    },
    {
      key: "script",
      title: "Write the five-minute script",
      instructions: `Write the script (about 600 words), structured as:

1. **What happened** in two sentences, in everyday words.
2. **Thank the reporter** (with permission) and say reporting early limited the damage.
3. **How to spot it next time**: urgency + a link + asking for a PIN = stop.
4. **What to do**: one action — forward to a single number/address or call dispatch; never click. Make it memorable (e.g. *"Stop, don't tap, tell dispatch"*).
5. **What the company is changing** (MFA on FuelLink, link protection on phones).
6. **No blame**: anyone can be fooled; reporting is always right.

**Hand in:** the script as an attached file.`,
      required_skills: ["communication", "stakeholder-management"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "The all-hands script." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["executive-risk-briefing", "crisis-holding-statement"],
      hints: [
        { text: "Drivers will hear this on a phone in a cab: short sentences, no acronyms.", penalty: 2 },
        { text: "One action is remembered; five are forgotten.", penalty: 5 },
      ],
    },
    {
      key: "follow-up",
      title: "Follow-up email and measure",
      instructions: `Write the follow-up message (≤ 120 words, readable on a phone) with the one action and a picture description of the fake message. Then define **one metric** you will report to the CEO next quarter to show whether behaviour changed (e.g. median time from phishing message to first report in the next simulation).

**Hand in:** the message and the metric with its baseline (from this incident) in notes.`,
      required_skills: ["communication", "metrics"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["security-metrics-dashboard", "crisis-holding-statement"],
      hints: [
        { text: "Your baseline is the 100 minutes from this incident.", penalty: 2 },
        { text: "Measure reporting, not clicking: reporting is what you want more of.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "fact-selection", stage: "facts", title: "Fact selection", weight: 2, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "Everything or nothing shared; names disclosed." },
      { points: 1, label: "Partial", descriptor: "Relevant facts but too many or too technical." },
      { points: 2, label: "Competent", descriptor: "Three relevant facts, names withheld, correct timing." },
      { points: 3, label: "Strong", descriptor: "As competent, with facts chosen for what the audience must do." } ] },
    { key: "all-hands-script", stage: "script", title: "Script", weight: 3, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No script submitted." },
      { points: 1, label: "Partial", descriptor: "Informative but blaming or jargon-heavy." },
      { points: 2, label: "Competent", descriptor: "Plain, blame-free, one clear action, changes explained." },
      { points: 3, label: "Strong", descriptor: "As competent, memorable and suited to drivers listening on phones." } ] },
    { key: "follow-up-metric", stage: "follow-up", title: "Follow-up and metric", weight: 2, skills: ["metrics"], levels: [
      { points: 0, label: "Missing", descriptor: "No follow-up submitted." },
      { points: 1, label: "Partial", descriptor: "Message without a metric." },
      { points: 2, label: "Competent", descriptor: "Short message and a reporting metric with baseline." },
      { points: 3, label: "Strong", descriptor: "As competent, with a target and a plan to measure it." } ] },
  ],
};

export default mission;
