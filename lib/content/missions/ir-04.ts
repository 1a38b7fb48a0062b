import type { MissionInput } from "../schemas";

// Flagship, leadership / mastery: situation → options → [sanctions-check] → regulators → [leak] → board.
const mission: MissionInput = {
  code: "IR-04",
  title: "Ransomware: the board meets at 18:00",
  track: "leadership",
  tier: "mastery",
  summary:
    "Calder Valley Foods' plants are down after a ransomware attack with data theft. As CISO you have 48 hours to frame the decision on payment, meet regulatory clocks and brief the board without losing its trust.",
  story: `**Calder Valley Foods** makes chilled ready meals for three supermarket chains from two plants, with 1,900 staff. It is an *important entity* under NIS2 and a data controller under GDPR.

At 03:05 UTC on **19 February** the virtualisation cluster was encrypted. Production lines are stopped, the warehouse is shipping from paper pick lists, and supermarkets are asking when deliveries resume. Every day without production costs about **€310,000** in lost margin and penalties.

You are the **CISO**. The CEO has called an extraordinary board meeting; the chair wants "a decision paper, not a war story". The incident response retainer (Dunmore IR) is on site, the insurer's breach coach is on the phone, and the attackers' note demands **€1.4 million in bitcoin** within five days, threatening to publish stolen HR and finance files.

You have **48 hours**; work not submitted by then is submitted as it stands.`,
  objectives: [
    "Turn raw incident facts into an accurate situation summary with dwell time and data exposure",
    "Build an options paper on payment versus restoration with costs, risks and legal constraints",
    "Identify every regulatory notification clock and meet it",
    "Decide when and how to brief the board and the public",
    "Deliver a board briefing that leads to a clear, minuted decision",
  ],
  estimated_minutes: 300,
  skills: ["crisis-management", "communication", "stakeholder-management", "compliance", "risk-assessment", "budgeting"],
  time_constraint_hours: 48,
  auto_submit_on_deadline: true,
  reflection_required: true,
  reflection_prompt: "Which of your decisions would you defend in front of the regulator a year from now, and which would you change?",
  success_criteria: {
    min_score: 70,
    required_stages: ["situation", "options", "regulators", "board"],
    items: [
      "Dwell time and data exposure are stated from the evidence",
      "The options paper compares total cost, not only the ransom",
      "GDPR and NIS2 deadlines are computed from the moment of awareness",
      "The board paper asks for one explicit decision",
    ],
  },
  status: "published",
  stages: [
    {
      key: "situation",
      title: "Situation summary",
      instructions: `Dunmore IR has given you its first findings (all times UTC):

| Time | Event | Source |
|---|---|---|
| 2025-02-02 01:14 | VPN login as \`svc-backup\` from 198.51.100.77; the service account has no MFA | VPN concentrator log |
| 2025-02-05 10:32 | \`AdFind.exe\` and \`SharpHound.exe\` run on file server FS-02 | EDR telemetry |
| 2025-02-11 01:50–04:20 | \`rclone\` uploads 38 GB from \`\\\\fs-02\\finance\` and \`\\\\fs-02\\hr\` to a cloud storage bucket | Proxy logs |
| 2025-02-18 23:00 | Last successful immutable backup (object-lock, 30-day retention) | Backup console |
| 2025-02-19 03:05 | ESXi datastores encrypted; 212 VMs affected; ransom note \`README-CVF.txt\` | Hypervisor, IR triage |
| 2025-02-19 06:40 | On-call engineer confirms ransomware; incident declared | Incident log |

HR share contents (per the file index): payroll exports with names, addresses, IBANs and PPS numbers for **1,900 employees**; sickness absence records for 140 of them.

Write a **one-page situation summary** for the executive team:

1. What happened and when, in five lines or fewer.
2. **Dwell time**: whole days from initial access to encryption.
3. What data has left the company, and why it matters (note the special category data).
4. What we know, what we do not know yet, and when we expect to know it.

**Hand in:** the dwell time in days in the answer box; the summary as your notes (or attached).`,
      required_skills: ["crisis-management", "communication"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["pdf", "text"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "17", explanation: "2 February 01:14 to 19 February 03:05 is 17 days and 1 hour: 17 whole days." },
      answer_prompt: "Dwell time in whole days",
      recipes: ["incident-situation-report", "ransomware-board-briefing"],
      hints: [
        { text: "Initial access is the first attacker action, not the day the encryption was noticed.", penalty: 3 },
        { text: "Count from 2025-02-02 to 2025-02-19.", penalty: 6 },
        { text: "Sickness absence records are health data: GDPR Article 9 special category.", penalty: 10 },
      ],
    },
    {
      key: "options",
      title: "Options paper: pay or restore",
      instructions: `Dunmore IR and finance have produced these estimates:

| | Option A: restore from immutable backups | Option B: pay for the decryptor |
|---|---|---|
| Direct cost | €420,000 (IR overrun €180k, overtime €90k, replacement hosts €150k) | €1,400,000 ransom + €250,000 negotiation and handling |
| Time to restore core production | 6–9 days | 4–7 days (decryptors are slow and often partial) |
| Data leak risk | Attackers may publish | Attackers *say* they will delete; no guarantee |
| Other | Backups predate encryption but not intrusion: rebuild identity and rotate all credentials | Sanctions screening, insurer consent, law-enforcement liaison required |

Lost production costs **€310,000 per day**.

1. Compute the **total expected cost** of each option using the midpoint of its restoration range (A: 7.5 days, B: 5.5 days).
2. List the non-financial factors (legal, ethical, repeat targeting, data leak, insurer position, customer confidence).
3. Write a recommendation with the conditions under which you would change it.

**Hand in:** the total expected cost of Option A in euros in the answer box; the options paper (max. two pages) as an attached file.`,
      required_skills: ["risk-assessment", "budgeting", "crisis-management"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "The options paper." },
      notes_min_chars: 40,
      weight: 3,
      answer: {
        kind: "regex",
        pattern: "2[ ,.]?745[ ,.]?000|2[.,]745\\s*[mM]",
        explanation: "A: €420,000 + 7.5 × €310,000 = €2,745,000. B: €1,650,000 + 5.5 × €310,000 = €3,355,000.",
      },
      answer_prompt: "Total expected cost of Option A (EUR)",
      recipes: ["ransom-decision-options-paper", "security-budget-business-case"],
      hints: [
        { text: "Total cost = direct cost + days down × daily loss.", penalty: 3 },
        { text: "Option B's direct cost is €1.65m, not €1.4m.", penalty: 6 },
        { text: "A ≈ €2.75m, B ≈ €3.36m. Paying is not even the cheaper option on these numbers.", penalty: 10 },
      ],
    },
    {
      key: "sanctions-check",
      title: "Before any payment: sanctions, insurer, police",
      instructions: `The board has asked you to keep the payment option open. Before anyone speaks to the attackers about money, establish whether a payment would even be lawful and insurable.

Dunmore's threat intelligence links the ransom note and leak site to an affiliate of a ransomware-as-a-service group whose bitcoin wallets have appeared in an OFAC SDN designation, and whose administrators are subject to EU and UK sanctions.

Produce a **payment pre-conditions memo** covering:

1. Sanctions screening: who does it (external counsel), against which lists (EU consolidated list, OFAC SDN, UK OFSI), and what the wallet link means.
2. Insurer consent and the policy's extortion clause.
3. Law-enforcement notification (national police cyber unit) and what they can offer.
4. Who has authority to approve payment, and what must be minuted.
5. Your conclusion: is a payment currently possible?

**Hand in:** the memo in your notes.`,
      required_skills: ["compliance", "risk-assessment"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["pdf", "text"] },
      notes_min_chars: 40,
      weight: 1,
      recipes: ["ransom-decision-options-paper", "breach-notification-clock"],
      hints: [
        { text: "A wallet linked to a sanctioned entity makes payment a likely criminal offence, not only a reputational risk.", penalty: 3 },
        { text: "Most cyber policies require the insurer's prior written consent to any extortion payment.", penalty: 6 },
      ],
    },
    {
      key: "regulators",
      title: "Regulatory clocks",
      instructions: `You became **aware** of the incident at **2025-02-19 06:40 UTC**. Work out every notification obligation and its deadline:

| Regime | Obligation | Deadline from awareness |
|---|---|---|
| GDPR Art. 33 | Notify the supervisory authority (Data Protection Commission) | 72 hours |
| GDPR Art. 34 | Inform affected data subjects "without undue delay" when high risk | — |
| NIS2 Art. 23 | Early warning to the national CSIRT | 24 hours |
| NIS2 Art. 23 | Incident notification | 72 hours |
| NIS2 Art. 23 | Final report | one month |
| Customer contracts | Notify the three supermarket customers | 48 hours (contract clause 14.2) |

1. Fill in each deadline as a UTC date and time.
2. Decide whether Art. 34 applies to the 1,900 employees, and draft the two-paragraph notice to them.
3. Name who signs each notification and what you can say now vs. in a follow-up (phased reporting is allowed).

**Hand in:** the GDPR Art. 33 deadline in the answer box (format \`YYYY-MM-DD HH:MM\`); the deadline table and the employee notice in notes.`,
      required_skills: ["compliance", "communication"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["pdf", "text"] },
      notes_min_chars: 40,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "2025-02-22[ T]?06:40",
        explanation: "72 hours from 2025-02-19 06:40 UTC is 2025-02-22 06:40 UTC.",
      },
      answer_prompt: "GDPR Art. 33 deadline (UTC)",
      recipes: ["breach-notification-clock"],
      hints: [
        { text: "The clock starts at awareness (06:40 on the 19th), not at encryption (03:05).", penalty: 3 },
        { text: "IBANs, national ID numbers and health data for every employee: high risk is hard to argue against.", penalty: 6 },
      ],
    },
    {
      key: "leak",
      title: "The data is out",
      instructions: `While you waited for forensic certainty, the attackers published a 2 GB "proof pack" on their leak site: a payroll export with 300 employees' names and IBANs. A reporter from a trade paper has emailed the press office, a union representative is asking questions, and staff are sharing screenshots on WhatsApp.

Within two hours, produce:

1. A **holding statement** for the press (≤ 120 words): acknowledge, say what you are doing, no speculation, no blame.
2. An **all-staff message** from the CEO: what happened to their data, what they should do (bank fraud alerts, phishing caution), where to get help (a helpline, an FAQ).
3. A note to the board chair explaining why they are hearing this now.

**Hand in:** all three texts in your notes.`,
      required_skills: ["crisis-management", "stakeholder-management", "communication"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["pdf", "text"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["crisis-holding-statement", "ransomware-board-briefing"],
      hints: [
        { text: "Staff are the affected data subjects here: they deserve to hear it from you before they read it in the press.", penalty: 3 },
        { text: "Never say 'no evidence of data theft' once a leak is public; say what you know and what you are doing.", penalty: 6 },
      ],
    },
    {
      key: "board",
      title: "Brief the board",
      instructions: `Prepare the briefing for the extraordinary board meeting. The board has 30 minutes; you have 10 of them.

Structure it as a **board paper (max. 3 pages or 6 slides)**:

1. **Decision required** — one sentence, on the first page (e.g. "Approve Option A and a €2.9m incident budget; decline payment").
2. Situation in plain language (no jargon: "the attackers used a backup account that had no second login step").
3. Options with total cost and risk; your recommendation.
4. Regulatory and contractual notifications: done, due, owner.
5. What the board must watch over the next 30 days and the three improvements you will bring for approval (e.g. MFA on all remote access including service accounts, tiered admin model, a tested recovery plan).
6. Questions you expect and your answers.

**Hand in:** the board paper as a PDF; in notes, the one-sentence decision you asked for.`,
      required_skills: ["communication", "stakeholder-management"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf"], description: "The board paper or slides as PDF." },
      notes_min_chars: 40,
      weight: 3,
      recipes: ["ransomware-board-briefing", "executive-risk-briefing"],
      hints: [
        { text: "Boards decide; they do not debug. Put the decision and the money on page one.", penalty: 3 },
        { text: "Own the root cause (the unprotected service account) without blaming individuals.", penalty: 6 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "pay-or-restore",
      after_stage: "options",
      prompt: "The CEO asks for your recommendation before the board sees the paper. What do you recommend?",
      choices: [
        {
          id: "restore",
          label: "Restore from immutable backups and decline to pay",
          consequence: "The CEO agrees to take Option A to the board. Dunmore starts the identity rebuild; the first plant is scheduled to restart on day 6.",
          next_stage: "regulators",
          score_delta: 10,
          ideal: true,
          rationale: "Restoration is cheaper on total cost, clean backups exist, payment carries sanctions risk and does not remove the leak threat, and paying marks the company for repeat targeting.",
        },
        {
          id: "negotiate-while-restoring",
          label: "Restore, but open a negotiation channel to buy time",
          consequence: "Counsel insists that no one talks to the attackers until the sanctions and insurer questions are answered.",
          next_stage: "sanctions-check",
          score_delta: 0,
        },
        {
          id: "pay",
          label: "Recommend paying to get production back faster",
          consequence: "Counsel stops the conversation: before anything else, you must establish whether a payment is lawful at all.",
          next_stage: "sanctions-check",
          score_delta: -15,
        },
      ],
    },
    {
      key: "when-to-brief",
      after_stage: "regulators",
      prompt: "Forensics will not confirm the full scope of the stolen data for another week. When do you brief the board and staff?",
      choices: [
        {
          id: "brief-now",
          label: "Brief now, with the uncertainty stated plainly",
          consequence: "The board appreciates hearing the bad news from you first and approves the incident budget. Staff are told before anything leaks.",
          next_stage: "board",
          score_delta: 10,
          ideal: true,
          rationale: "Trust in a crisis comes from early, honest communication. Waiting for certainty lets the attackers set the narrative.",
        },
        {
          id: "wait-for-certainty",
          label: "Wait until forensics confirms the full scope",
          consequence: "Three days later the attackers publish a sample of the payroll data. The press, the union and the board all hear about it before your briefing.",
          next_stage: "leak",
          score_delta: -10,
        },
      ],
    },
  ],
  rubric: [
    {
      key: "situational-awareness",
      stage: "situation",
      title: "Situation summary",
      weight: 2,
      skills: ["crisis-management", "communication"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No summary, or the dwell time and data exposure are wrong." },
        { points: 1, label: "Partial", descriptor: "Facts correct but presented as a technical timeline the executives cannot act on." },
        { points: 2, label: "Competent", descriptor: "Concise, correct dwell time, data exposure stated including the special category data." },
        { points: 3, label: "Strong", descriptor: "As competent, with known/unknown/when-we-will-know clearly separated." },
      ],
    },
    {
      key: "options-analysis",
      stage: "options",
      title: "Options analysis",
      weight: 3,
      skills: ["risk-assessment", "budgeting"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No costed comparison." },
        { points: 1, label: "Partial", descriptor: "Compares ransom with restoration cost only, ignoring downtime." },
        { points: 2, label: "Competent", descriptor: "Total costs correct, non-financial factors listed, clear recommendation." },
        { points: 3, label: "Strong", descriptor: "As competent, with explicit conditions that would change the recommendation and the credential-rebuild caveat on backups." },
      ],
    },
    {
      key: "payment-preconditions",
      stage: "sanctions-check",
      title: "Payment pre-conditions",
      weight: 1,
      skills: ["compliance"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Sanctions not considered." },
        { points: 1, label: "Partial", descriptor: "Sanctions mentioned but not linked to the wallet evidence or lists." },
        { points: 2, label: "Competent", descriptor: "Sanctions, insurer and police covered, with authority to approve stated." },
        { points: 3, label: "Strong", descriptor: "As competent, and concludes correctly that payment is currently not possible." },
      ],
    },
    {
      key: "regulatory-clocks",
      stage: "regulators",
      title: "Regulatory notifications",
      weight: 2,
      skills: ["compliance"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Deadlines missing or computed from the wrong start time." },
        { points: 1, label: "Partial", descriptor: "GDPR deadline right, NIS2 or contractual clocks missed." },
        { points: 2, label: "Competent", descriptor: "All deadlines right, Art. 34 decision made with reasons, signatories named." },
        { points: 3, label: "Strong", descriptor: "As competent, with a clear phased-reporting plan and an employee notice that is plain and useful." },
      ],
    },
    {
      key: "leak-response",
      stage: "leak",
      title: "Crisis communication after the leak",
      weight: 2,
      skills: ["crisis-management", "stakeholder-management"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No statements, or statements that deny or speculate." },
        { points: 1, label: "Partial", descriptor: "Press statement only; staff and board not addressed." },
        { points: 2, label: "Competent", descriptor: "All three audiences addressed with consistent, factual messages." },
        { points: 3, label: "Strong", descriptor: "As competent, with practical protective advice for staff and candour to the chair about the delay." },
      ],
    },
    {
      key: "board-briefing",
      stage: "board",
      title: "Board briefing",
      weight: 3,
      skills: ["communication", "stakeholder-management"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No paper, or no decision asked for." },
        { points: 1, label: "Partial", descriptor: "Informative but jargon-heavy; the decision is buried." },
        { points: 2, label: "Competent", descriptor: "Decision on page one, plain language, costs and notifications covered." },
        { points: 3, label: "Strong", descriptor: "As competent, anticipates board questions and proposes governed improvements with owners and dates." },
      ],
    },
    {
      key: "leadership-under-pressure",
      stage: null,
      title: "Leadership under pressure",
      weight: 1,
      skills: ["crisis-management"],
      levels: [
        { points: 0, label: "Weak", descriptor: "Decisions driven by panic or optics, not evidence." },
        { points: 1, label: "Developing", descriptor: "Reasonable decisions, weakly justified." },
        { points: 2, label: "Sound", descriptor: "Evidence-based decisions, risks owned openly." },
        { points: 3, label: "Expert", descriptor: "Calm, decisive and transparent; the reflection shows a mature view of trade-offs." },
      ],
    },
  ],
};

export default mission;
