import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "COMMS-02",
  title: "Say it once, say it right",
  track: "leadership",
  tier: "intermediate",
  summary: "A supplier lost an insurer's renewal-campaign export. Within legal constraints you did not choose, build the fact base, write the customer breach notice and the internal all-hands brief, and push back on a CEO redline that would make the notice untrue.",
  story: `**Larkspur Home Insurance** (larkspur-insurance.test) insures 340,000 homes. In April, marketing sent a customer export to a campaign supplier for a renewal mailing. On 3 June the supplier told Larkspur that an intruder had accessed its cloud storage and taken the file. The next day an anonymous email demanded payment to keep the data private; the police are now involved.

You are Larkspur's **head of security communications**, working with the General Counsel, the DPO and the CEO. The supervisory authority has been notified. Customers must now be told, staff will hear rumours by lunchtime, and the contact centre opens at 08:00. Every sentence you write may be read by a regulator, a journalist and a claimant's lawyer — and by customers who deserve to understand what happened to them.`,
  objectives: [
    "Turn incident facts and legal constraints into an approved fact base",
    "Write a customer breach notice that is accurate, useful and legally compliant",
    "Brief staff so they can answer questions without leaking or speculating",
    "Challenge executive edits that would make a notice misleading, and offer better wording",
  ],
  estimated_minutes: 140,
  skills: ["communication", "crisis-management", "stakeholder-management", "privacy"],
  time_constraint_hours: 48,
  auto_submit_on_deadline: false,
  reflection_required: true,
  reflection_prompt: "Where did accuracy and reassurance pull in different directions, and how did you decide?",
  success_criteria: {
    min_score: 60,
    required_stages: ["facts", "notice", "redline"],
    items: ["The notice never names the supplier or mentions the extortion demand", "The false claim in the CEO's redline is rejected"],
  },
  status: "published",
  stages: [
    {
      key: "facts",
      title: "The fact base",
      instructions: `The incident lead's fact sheet, Thursday 5 June, 10:00:

- File \`renewals_2025q2.csv\` was created on 14 April and sent to the campaign supplier on 15 April.
- The supplier detected unauthorised access to its storage on 2 June and told Larkspur on 3 June at 18:00.
- Fields: full name, email, postal address, date of birth, policy number, renewal premium, **last four digits of the payment card and its expiry month/year**. No full card numbers, no security codes, no passwords, no claims data.
- **84,300 rows.** 1,120 rows are duplicates (customers with two policies appear twice). 12,450 rows belong to people who cancelled **more than six years ago** — under Larkspur's retention schedule their data should already have been deleted.
- No evidence of misuse so far. The supplier's forensic report is expected on 20 June.
- The supervisory authority was notified on 5 June.

General Counsel's constraints:
1. Do not name the supplier publicly yet (contract confidentiality; "one of our suppliers" is fine).
2. Do not mention the extortion demand or the police beyond "we have informed the relevant authorities" (police request).
3. Do not speculate on the cause and do not admit legal liability — but everything must be accurate and not misleading.
4. Internal messages are not privileged: assume they will be forwarded.
5. Offer the board-approved 12 months of credit monitoring; promise no compensation.

Build the fact base: **what we know / what we don't know yet / what we can say / what we cannot say yet / when we will update**.

**Hand in:** the number of **individuals** to notify in the answer box; the fact base as an attached file.`,
      required_skills: ["communication", "crisis-management"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "Fact base." },
      notes_min_chars: 20,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*83[,. ]?180\\s*$",
        explanation: "84,300 rows − 1,120 duplicate rows = 83,180 people. The 12,450 former customers are still affected and must be told: their data should not have existed, which makes telling them more important, not less.",
      },
      answer_prompt: "Individuals to notify",
      recipes: ["crisis-holding-statement", "breach-notification-clock"],
      hints: [
        { text: "Count people, not rows: some customers appear twice.", penalty: 2 },
        { text: "Former customers whose data should have been deleted are still in the file, so they are still affected.", penalty: 5 },
      ],
    },
    {
      key: "notice",
      title: "The customer notice",
      instructions: `Write the email that will go to every affected customer (400 words at most), plus a web FAQ of five questions.

The notice must:
1. have a subject line people will open and will not mistake for phishing — and contain **no links asking people to log in**;
2. say what happened, when, and exactly which of their details were involved;
3. explain the likely consequences honestly: the attacker knows their policy number and renewal premium, so expect convincing renewal-themed phishing;
4. tell them what Larkspur is doing and what they can do (how Larkspur will and will not contact them; the credit monitoring offer and how to activate it without a link);
5. give the DPO's contact and their right to complain to the supervisory authority.

Write a separate opening paragraph for the **12,450 former customers**, who will ask why Larkspur still had their data. It must be honest without admitting liability.

**Hand in:** the email, the former-customer paragraph and the FAQ as an attached file.`,
      required_skills: ["communication", "privacy"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "Customer notice, former-customer variant and FAQ." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["breach-notification-clock", "crisis-holding-statement"],
      hints: [
        { text: "Lead with what it means for the reader, not with Larkspur's values.", penalty: 2 },
        { text: "'We held your details longer than our own policy allows, and we are deleting them' is accurate and does not concede liability.", penalty: 5 },
      ],
    },
    {
      key: "allhands",
      title: "Brief the staff",
      instructions: `Staff will hear about this before the customer emails land. Write:

1. A **five-minute script** for the CEO at Friday's all-hands (1,900 staff, hybrid): what happened, what customers are being told, what we ask of staff, what we do not know yet, when we will update.
2. **Guidance for the contact centre** (220 agents): the three most likely customer questions with approved answers, what agents must never say (e.g. guesses about the cause, the supplier's name), how to spot and escalate a caller who sounds like a journalist or a fraudster, and how to handle an angry former customer.
3. A **rule for social media and outside conversations** that staff will actually follow.

Remember constraint 4: assume every word is forwarded outside Larkspur.

**Hand in:** the script, the contact-centre guidance and the rule as an attached file.`,
      required_skills: ["communication", "stakeholder-management"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "All-hands script and staff guidance." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["crisis-holding-statement", "executive-risk-briefing"],
      hints: [
        { text: "Staff need to know what to do, not just what happened: who to route questions to, and by when they will hear more.", penalty: 2 },
        { text: "Write the script so that it would be fine if it appeared word for word in a newspaper tomorrow.", penalty: 5 },
      ],
    },
    {
      key: "redline",
      title: "The CEO's redline",
      instructions: `The CEO returns your customer notice with these edits:

| Edit | CEO's change |
|---|---|
| R1 | Replace "one of our suppliers was accessed without authorisation" with "one of our trusted partners was the victim of a **highly sophisticated cyberattack**". |
| R2 | Add: "**No financial information was involved.**" |
| R3 | Add: "There is no evidence that your information has been misused." |
| R4 | Delete the paragraph explaining why former customers' data was still held. |
| R5 | Add the supplier's name, "so customers know it wasn't us". |
| R6 | Add: "We take your privacy extremely seriously." |

1. Identify the edit that is **factually false** on the fact base.
2. For each edit: accept, accept with changes, or reject — with the reason in one line and, where useful, your alternative wording. Tie each reason to the facts or to a General Counsel constraint.
3. Write the short covering note to the CEO: respectful, firm on accuracy, and clear about what you need from him by when.

**Hand in:** the ID of the factually false edit in the answer box; your responses and covering note as an attached file.`,
      required_skills: ["stakeholder-management", "communication"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "Redline responses and covering note." },
      notes_min_chars: 20,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*r?2\\s*$",
        explanation: "R2 is false: the last four card digits, card expiry and renewal premium are financial information. R1 speculates on the cause, R3 is true only with 'so far' and a date, R4 hides a fact former customers need, R5 breaches constraint 1, and R6 is harmless but adds nothing.",
      },
      answer_prompt: "Factually false edit",
      recipes: ["executive-risk-briefing", "crisis-holding-statement"],
      hints: [
        { text: "Check each edit against the list of fields in the fact sheet.", penalty: 2 },
        { text: "Are card digits, card expiry and the premium someone pays financial information?", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "fact-base", stage: "facts", title: "Fact base", weight: 2, skills: ["crisis-management"], levels: [
      { points: 0, label: "Missing", descriptor: "No fact base submitted." },
      { points: 1, label: "Partial", descriptor: "Facts listed without separating what can and cannot be said." },
      { points: 2, label: "Competent", descriptor: "Known, unknown, sayable and not-yet-sayable separated, with an update date; 83,180 individuals." },
      { points: 3, label: "Strong", descriptor: "As competent, and flags the retention failure as a message in its own right." } ] },
    { key: "customer-notice", stage: "notice", title: "Customer notice", weight: 3, skills: ["communication", "privacy"], levels: [
      { points: 0, label: "Missing", descriptor: "No notice submitted." },
      { points: 1, label: "Partial", descriptor: "Accurate but vague, jargon-heavy, or missing required content." },
      { points: 2, label: "Competent", descriptor: "Plain, specific and complete; practical phishing advice; all legal constraints respected." },
      { points: 3, label: "Strong", descriptor: "As competent, with an honest former-customer paragraph and a phishing-resistant format." } ] },
    { key: "staff-brief", stage: "allhands", title: "Staff brief", weight: 2, skills: ["communication", "stakeholder-management"], levels: [
      { points: 0, label: "Missing", descriptor: "No staff materials submitted." },
      { points: 1, label: "Partial", descriptor: "A script without practical guidance for the contact centre." },
      { points: 2, label: "Competent", descriptor: "Script, agent answers, escalation route and a workable social-media rule." },
      { points: 3, label: "Strong", descriptor: "As competent, and safe to read aloud to a journalist." } ] },
    { key: "redline-response", stage: "redline", title: "Handling the CEO's redline", weight: 2, skills: ["stakeholder-management"], levels: [
      { points: 0, label: "Missing", descriptor: "No response, or all edits accepted." },
      { points: 1, label: "Partial", descriptor: "The false claim rejected but other problems waved through." },
      { points: 2, label: "Competent", descriptor: "Each edit decided with a reason tied to facts or constraints; better wording offered." },
      { points: 3, label: "Strong", descriptor: "As competent, with a covering note that keeps the CEO on side." } ] },
  ],
};

export default mission;
