import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "GDPR-02",
  title: "Seventy-two hours: the public referencing file",
  track: "grc",
  tier: "intermediate",
  summary: "A lettings agency's tenant-referencing export sat behind a public link for four days and was downloaded from unknown addresses. Start the GDPR clock, assess the risk, decide who must be told, draft the notifications and screen the project that caused it for a DPIA.",
  story: `**Brightwater Lettings** (40 branches, 310 staff, brightwater-lettings.test) references every prospective tenant before a tenancy starts: identity and right-to-rent checks, income, credit and guarantors. To speed this up, the product team is piloting an integration with **Pennant Data**, a contractor that builds an automated affordability score.

On Monday a developer shared a full export of the applicants table with Pennant through a file-sharing link set to *anyone with the link*. On Thursday afternoon an applicant emailed support: a search engine result led her to a file containing her own payslip details.

You are Brightwater's **privacy lead** (deputy to the Data Protection Officer). The DPO has asked you to run the breach response under UK GDPR: get the clock right, judge the risk to the people in the file, decide who must be told, and write the notifications. The regulator, the applicants and Brightwater's landlords will all read what you write, and the 72-hour deadline runs through the weekend.`,
  objectives: [
    "Establish when Brightwater became aware and compute the Article 33 deadline",
    "Scope the data subjects and data categories and rate the risk to individuals",
    "Decide whether Article 34 requires telling the individuals, and justify it",
    "Draft a supervisory-authority notification and an individual notice with the required content",
    "Screen the project that caused the breach for a mandatory DPIA",
  ],
  estimated_minutes: 150,
  skills: ["privacy", "compliance", "risk-assessment", "communication"],
  time_constraint_hours: 72,
  auto_submit_on_deadline: false,
  reflection_required: true,
  reflection_prompt: "Which fact changed your risk rating the most, and what would you change in Brightwater's process so the ticket could not sit overnight again?",
  success_criteria: {
    min_score: 60,
    required_stages: ["clock", "assess"],
    items: ["The deadline is computed from the documented awareness time", "Guarantors are counted as data subjects", "The notification covers every Article 33(3) element"],
  },
  status: "published",
  stages: [
    {
      key: "clock",
      title: "Facts and the clock",
      instructions: `The incident timeline (UK time), assembled by security on Friday afternoon:

| When | Event |
|---|---|
| Mon 3 Mar 2025 09:10 | A developer exports the \`applicants\` table to \`applicants_q1.csv\` and shares it with Pennant Data through a link set to *anyone with the link*. |
| Thu 6 Mar 2025 16:40 | An applicant emails support@brightwater-lettings.test: a search result links to a file with her payslip details. |
| Thu 6 Mar 2025 17:25 | Support raises ticket SUP-20931 in the general queue. Nobody picks it up overnight. |
| Fri 7 Mar 2025 09:30 | The security on-call analyst picks up the ticket. |
| Fri 7 Mar 2025 10:00 | Security opens the link, confirms the file holds applicant personal data and is publicly reachable. The DPO is told and records a personal data breach. |
| Fri 7 Mar 2025 10:20 | The link is disabled. |
| Fri 7 Mar 2025 12:00 | File-sharing audit log: **14 downloads from 9 IP addresses** between 3 and 7 March — 1 address is Pennant Data's office, 2 belong to a search engine's crawler, **6 are unattributed** residential and hosting addresses. |

Brightwater's counsel takes the position that Brightwater became **aware** at **Fri 7 March 2025 10:00**, when security confirmed the breach.

1. Compute the Article 33(1) deadline on counsel's position (72 hours, weekends included).
2. In notes: do you agree with counsel? What is the conservative deadline if the clock started with the applicant's email, and how would you document the decision either way?
3. List the facts you still need and who owns each (e.g. what Pennant did with its copy, whether the crawler cached the file).

**Hand in:** the deadline in the answer box as \`YYYY-MM-DD HH:MM\`; your reasoning and the open-facts list in notes.`,
      required_skills: ["privacy", "compliance"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*2025-03-10[ T]10:00\\s*$",
        explanation: "72 hours from Fri 7 March 2025 10:00 is Mon 10 March 2025 10:00 — the weekend counts. The conservative reading (awareness at the applicant's email, Thu 16:40) gives Sun 9 March 16:40; many DPOs notify by then anyway and record why.",
      },
      answer_prompt: "Article 33 deadline (YYYY-MM-DD HH:MM)",
      recipes: ["breach-notification-clock"],
      hints: [
        { text: "Article 33 counts 72 hours from awareness, not working hours: Saturday and Sunday are included.", penalty: 2 },
        { text: "Friday 10:00 + 72 hours lands on the following Monday at the same time of day.", penalty: 5 },
      ],
    },
    {
      key: "assess",
      title: "Scope the data and rate the risk",
      instructions: `What \`applicants_q1.csv\` contains (2,318 rows, one per application; no applicant appears twice and **no guarantor is also an applicant**):

| Columns | Content | Rows populated |
|---|---|---|
| applicant_name, email, phone, current_address | Applicant identity and contact details | 2,318 |
| dob, passport_number, right_to_rent_share_code | Identity-document data | 1,960 |
| employer, salary, payslip_text | Income, with payslip text extracted by OCR | 2,318 |
| ccj_flag, credit_score | Credit reference result | 2,318 |
| guarantor_name, guarantor_address, guarantor_income | A guarantor's identity and income | 412 |
| notes | Free-text referencing notes; a keyword search finds rows mentioning health or disability (e.g. *"wheelchair user, needs ground-floor flat"*) | 37 |

1. How many **data subjects** are affected? (Count people, not rows.)
2. List the data categories, flagging special category data (Article 9) and data that enables identity fraud.
3. Rate the risk to individuals' rights and freedoms (likelihood and severity), taking into account the 6 unattributed downloads, and conclude: notify the supervisory authority (Article 33)? Tell the individuals (Article 34)? Does any Article 34(3) exemption apply?

**Hand in:** the number of data subjects in the answer box; the scoping table and risk assessment as an attached file.`,
      required_skills: ["privacy", "risk-assessment"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf", "csv"], description: "Data scoping and risk assessment." },
      notes_min_chars: 20,
      weight: 3,
      answer: {
        kind: "regex",
        pattern: "^\\s*2[,. ]?730\\s*$",
        explanation: "2,318 applicants plus 412 guarantors = 2,730 people. Guarantors never applied to Brightwater, but their identity and income are in the file, so they are data subjects too.",
      },
      answer_prompt: "Number of data subjects affected",
      recipes: ["breach-notification-clock", "gdpr-dpia-screening"],
      hints: [
        { text: "A guarantor is a person whose data is in the file, even though they never applied.", penalty: 3 },
        { text: "Passport numbers, income and credit data downloaded by unknown parties point to identity fraud; none of the Article 34(3) exemptions (encryption, measures that remove the high risk, disproportionate effort) fits.", penalty: 6 },
      ],
    },
    {
      key: "notify",
      title: "Tell the people in the file",
      instructions: `You decided to tell the individuals directly. Write the **Article 34 notice**, in plain language, as an email Brightwater will send from privacy@brightwater-lettings.test:

1. A subject line that will be opened and not mistaken for phishing (no links to log in anywhere).
2. What happened and when, which of *their* data was in the file, and what Brightwater has done (link disabled, downloads investigated, Pennant asked to confirm deletion).
3. The likely consequences, said honestly (identity fraud, targeted phishing using their payslip details).
4. What they can do now, concretely: e.g. check their credit file, consider protective registration with a fraud-prevention service, be wary of calls quoting their salary or employer.
5. The DPO's contact details and their right to complain to the Information Commissioner.

Write two versions of the second paragraph: one for **applicants**, one for **guarantors** (who may not know they were named). Do not repeat health details in any email.

**Hand in:** the notice and the guarantor variant as an attached file.`,
      required_skills: ["privacy", "communication"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "Article 34 notice with the guarantor variant." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["breach-notification-clock", "crisis-holding-statement"],
      hints: [
        { text: "Article 34(2) requires at least the content of Article 33(3)(b), (c) and (d): DPO contact, likely consequences, measures taken.", penalty: 2 },
        { text: "Guarantors need one sentence explaining who named them and why Brightwater held their data.", penalty: 5 },
      ],
    },
    {
      key: "sa-report",
      title: "Notify the supervisory authority",
      instructions: `Draft Brightwater's notification to the **Information Commissioner's Office**, using the headings of Article 33(3):

| Heading | What to write |
|---|---|
| (a) Nature of the breach | What happened, when, how discovered; categories and **approximate numbers** of data subjects and of records |
| (b) Contact point | The DPO's name and contact details |
| (c) Likely consequences | For the people in the file, not for Brightwater |
| (d) Measures taken or proposed | Containment, investigation, communication to individuals, prevention |

Also include:
- whether the notification is within 72 hours and, if not, the reasons for the delay (Article 33(1));
- which information will follow in a later phase (Article 33(4)) and when — e.g. Pennant Data's deletion certificate, attribution of the 6 unattributed IP addresses;
- Pennant Data's role: is it a processor, and was an Article 28 contract in place before the data was shared?

**Hand in:** the notification draft as an attached file.`,
      required_skills: ["compliance", "privacy"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "Supervisory-authority notification draft." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["breach-notification-clock"],
      hints: [
        { text: "A notification can be made in phases: say what you know now and commit to a date for the rest.", penalty: 2 },
        { text: "If there was no Article 28 contract with Pennant Data when the export was shared, say so and say what you have done about it.", penalty: 5 },
      ],
    },
    {
      key: "dpia",
      title: "Screen the project that caused it",
      instructions: `The breach came from the **Pennant affordability pilot**. The product brief:

> *Every month, Brightwater will send Pennant Data all new applicants' income, credit and payslip data. Pennant's model returns an affordability score from 0 to 100. Applicants scoring under 40 are automatically declined and receive a standard email; branch staff will not see declined applications. Target: 9,000 applicants a year.*

1. Screen the pilot against Article 35: is a DPIA mandatory? Name the Article 35(3) criterion that applies and any other high-risk indicators (large scale, financial data, vulnerable people, new technology).
2. Identify the Article 22 issue with automatic declines and what Brightwater must offer applicants.
3. Propose three measures the DPIA must cover before the pilot restarts (e.g. a processor contract and transfer rules; human review of every decline; data minimisation — does Pennant need payslip text?).

**Hand in:** the Article 35(3) criterion in the answer box (e.g. \`35(3)(c)\`); the screening and measures in notes.`,
      required_skills: ["privacy", "risk-assessment"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*(art(icle)?\\.?\\s*)?35\\s*\\(\\s*3\\s*\\)\\s*\\(\\s*a\\s*\\)\\s*$",
        explanation: "Article 35(3)(a): a systematic and extensive evaluation of personal aspects based on automated processing, on which decisions producing legal or similarly significant effects are based — refusing a home is such an effect. Automatic declines also engage Article 22.",
      },
      answer_prompt: "Article 35(3) criterion",
      recipes: ["gdpr-dpia-screening", "risk-register-basics"],
      hints: [
        { text: "An automatic decline decides whether someone gets a home: that is a 'similarly significant effect'.", penalty: 2 },
        { text: "35(3)(b) is large-scale special category data and 35(3)(c) is public-area monitoring; the automated evaluation is (a).", penalty: 5 },
      ],
    },
  ],
  decisions: [
    {
      key: "tell-individuals",
      after_stage: "assess",
      prompt: "The DPO asks for your recommendation before the weekend: do you tell the 2,730 people in the file now?",
      choices: [
        {
          id: "notify-now",
          label: "Tell all applicants and guarantors directly, without undue delay, and notify the ICO",
          consequence: "The DPO agrees. Letters and emails go out on Monday; the contact centre is briefed with a script and a fraud-prevention contact for callers.",
          next_stage: "notify",
          score_delta: 10,
          ideal: true,
          rationale: "Passport numbers, income and credit data were downloaded from six unattributed addresses: a high risk of identity fraud that no Article 34(3) exemption removes. Telling people quickly lets them protect themselves, which is the point of Article 34.",
        },
        {
          id: "sa-first",
          label: "Notify the ICO now and decide about individuals after the IP addresses are attributed",
          consequence: "The ICO case officer asks why people whose passport numbers were downloaded have not been told, and asks you to justify the delay in writing.",
          next_stage: "sa-report",
          score_delta: -5,
        },
        {
          id: "record-only",
          label: "Record it internally: the link is disabled and most downloads were probably crawlers",
          consequence: "Three weeks later several applicants report fraudulent credit applications. The ICO learns of the breach from a complaint and opens an investigation into the late notification.",
          next_stage: "end",
          score_delta: -15,
        },
      ],
    },
  ],
  rubric: [
    { key: "awareness-clock", stage: "clock", title: "Awareness and deadline", weight: 2, skills: ["privacy", "compliance"], levels: [
      { points: 0, label: "Missing", descriptor: "No deadline, or a deadline counted in working days." },
      { points: 1, label: "Partial", descriptor: "Correct deadline but no view on when awareness started or how to record it." },
      { points: 2, label: "Competent", descriptor: "Correct deadline, the conservative alternative discussed, open facts listed with owners." },
      { points: 3, label: "Strong", descriptor: "As competent, and names the overnight ticket as a process failure to fix and document." } ] },
    { key: "risk-assessment", stage: "assess", title: "Scope and risk", weight: 3, skills: ["privacy", "risk-assessment"], levels: [
      { points: 0, label: "Missing", descriptor: "No scoping or risk assessment submitted." },
      { points: 1, label: "Partial", descriptor: "Counts rows rather than people, or misses the special category data in the notes column." },
      { points: 2, label: "Competent", descriptor: "2,730 data subjects, categories including Article 9 data, high risk concluded with reasons." },
      { points: 3, label: "Strong", descriptor: "As competent, and tests each Article 34(3) exemption explicitly before rejecting it." } ] },
    { key: "individual-notice", stage: "notify", title: "Notice to individuals", weight: 2, skills: ["communication", "privacy"], levels: [
      { points: 0, label: "Missing", descriptor: "No notice submitted." },
      { points: 1, label: "Partial", descriptor: "Notice missing required content or written in legal jargon." },
      { points: 2, label: "Competent", descriptor: "Plain language, Article 34(2) content, concrete protective steps, guarantor variant." },
      { points: 3, label: "Strong", descriptor: "As competent, phishing-resistant in form, with no sensitive data repeated in the email." } ] },
    { key: "sa-notification", stage: "sa-report", title: "Supervisory-authority notification", weight: 2, skills: ["compliance"], levels: [
      { points: 0, label: "Missing", descriptor: "No notification drafted." },
      { points: 1, label: "Partial", descriptor: "Some Article 33(3) elements missing or numbers absent." },
      { points: 2, label: "Competent", descriptor: "All four elements, timeliness addressed, phased information with dates." },
      { points: 3, label: "Strong", descriptor: "As competent, and candid about the processor-contract position with Pennant Data." } ] },
    { key: "dpia-screening", stage: "dpia", title: "DPIA screening", weight: 2, skills: ["privacy", "risk-assessment"], levels: [
      { points: 0, label: "Missing", descriptor: "No screening submitted." },
      { points: 1, label: "Partial", descriptor: "Concludes a DPIA is needed without the legal basis or measures." },
      { points: 2, label: "Competent", descriptor: "Article 35(3)(a) identified, Article 22 issue explained, three relevant measures." },
      { points: 3, label: "Strong", descriptor: "As competent, with measures that would have prevented this breach and a restart condition." } ] },
  ],
};

export default mission;
