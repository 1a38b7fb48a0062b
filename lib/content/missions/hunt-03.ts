import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "HUNT-03",
  title: "Roasting in the domain",
  track: "defender",
  tier: "advanced",
  summary: "Threat intelligence says a ransomware affiliate targeting your sector Kerberoasts service accounts. Hunt for it in domain controller logs, separate the scanner from the attacker, and find the account most at risk.",
  story: `**Fenwick & Lowe** is a 600-person law firm whose Active Directory dates back to 2009. An ISAC bulletin this morning reports that an affiliate hitting law firms obtains a foothold by phishing, then **Kerberoasts** service accounts and cracks their passwords offline.

You are the **threat hunter** in the firm's three-person security team. Domain controller Security logs go to Microsoft Sentinel with 90 days of retention. The managing partner has asked a simple question: *are we already in trouble?*`,
  objectives: [
    "Write a falsifiable hunt hypothesis mapped to ATT&CK",
    "Query Kerberos service-ticket events and separate benign from malicious patterns",
    "Identify the service accounts most exposed and recommend hardening",
  ],
  estimated_minutes: 120,
  skills: ["threat-hunting", "siem-querying", "active-directory", "mitre-attack"],
  reflection_required: true,
  success_criteria: { min_score: 65, required_stages: ["hypothesis", "query", "exposure"], items: ["The scanner is ruled out with baseline evidence", "The at-risk service account is identified from password age and privilege"] },
  status: "published",
  stages: [
    {
      key: "hypothesis",
      title: "Write the hypothesis",
      instructions: `Write a hunt hypothesis that someone else could test and prove wrong. It must name:

- the behaviour (requesting service tickets for many SPNs, with RC4 encryption, from a user account),
- the ATT&CK technique,
- the data source (domain controller Event ID 4769) and the fields that show it (\`TicketEncryptionType\` 0x17, \`ServiceName\`, \`TargetUserName\`, \`IpAddress\`),
- what "no finding" would look like.

**Hand in:** the ATT&CK technique ID (with sub-technique) in the answer box; the hypothesis and data plan in notes.`,
      required_skills: ["threat-hunting", "mitre-attack"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text"] },
      notes_min_chars: 40,
      weight: 1,
      answer: { kind: "regex", pattern: "^\\s*[Tt]1558\\.003\\s*$", explanation: "Steal or Forge Kerberos Tickets: Kerberoasting." },
      answer_prompt: "ATT&CK technique ID",
      recipes: ["threat-hunt-hypothesis", "mitre-attack-mapping"],
      hints: [
        { text: "The parent technique is T1558, Steal or Forge Kerberos Tickets.", penalty: 2 },
        { text: "RC4-HMAC is encryption type 0x17; modern accounts default to AES (0x12).", penalty: 5 },
      ],
    },
    {
      key: "query",
      title: "Query and triage",
      instructions: `You run this KQL over the last 14 days:

\`\`\`kql
SecurityEvent
| where EventID == 4769 and TicketEncryptionType == "0x17"
| where ServiceName !endswith "$" and ServiceName != "krbtgt"
| summarize SPNs = dcount(ServiceName), First = min(TimeGenerated) by TargetUserName, IpAddress, bin(TimeGenerated, 1h)
| where SPNs > 5
\`\`\`

Results:

| TargetUserName | IpAddress | Hour (UTC) | SPNs | Days seen in prior 90 |
|---|---|---|---|---|
| svc-nessus@FENWICK.TEST | ::ffff:10.50.2.20 | every day 01:00 | 31 | 88 |
| j.whitfield@FENWICK.TEST | ::ffff:10.50.12.87 | 2025-06-03 02:00 | 23 | 0 |
| svc-nessus@FENWICK.TEST | ::ffff:10.50.2.20 | 2025-06-03 01:00 | 31 | 88 |

\`10.50.2.20\` is the vulnerability scanner. \`10.50.12.87\` is WS-MKT-07, a marketing laptop; Jo Whitfield is a marketing coordinator who works 9–5.

1. Decide which row is benign and why (baseline).
2. Decide which row is suspicious and list three facts that make it so.
3. Write the follow-up query for that account's logons and process activity on 10.50.12.87.

**Hand in:** the suspicious requesting account (sAMAccountName, without the domain) in the answer box; triage and follow-up query in notes.`,
      required_skills: ["siem-querying", "threat-hunting"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text", "image", "csv"], description: "Your query and its result (screenshot or export)." },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "exact", value: "j.whitfield", explanation: "First time ever, 23 SPNs in one hour at 02:00 from a marketing laptop, outside working hours." },
      answer_prompt: "Suspicious account",
      recipes: ["threat-hunt-hypothesis", "splunk-spl-auth-failures"],
      hints: [
        { text: "A pattern seen on 88 of 90 days from the scanner's address is a baseline, not a hunt lead.", penalty: 2 },
        { text: "Who needs 23 service tickets at 02:00, for the first time ever, from a marketing laptop?", penalty: 5 },
      ],
    },
    {
      key: "exposure",
      title: "Rank the exposed service accounts",
      instructions: `The 23 SPNs requested belong to these accounts (from \`Get-ADUser -Filter {ServicePrincipalName -like "*"} -Properties PasswordLastSet,adminCount,msDS-SupportedEncryptionTypes\`):

| Account | PasswordLastSet | adminCount | Supported encryption | Member of |
|---|---|---|---|---|
| svc-sqlbackup | 2014-03-11 | 1 | RC4 only | Domain Admins |
| svc-sharepoint | 2021-09-30 | 0 | RC4, AES | SP_Farm_Admins |
| svc-docmgmt | 2024-11-02 | 0 | AES only | — |
| svc-printer | 2016-07-19 | 0 | RC4 only | — |

1. Rank them by risk of a cracked password leading to domain compromise, with reasons.
2. Recommend hardening: 25+ character random passwords or gMSAs, AES-only, remove Domain Admins membership, monitoring for 4769 RC4 requests, and an immediate reset order.
3. State whether the hunt hypothesis is confirmed and what you escalate.

**Hand in:** the highest-risk account in the answer box; the ranking and recommendations in notes.`,
      required_skills: ["active-directory", "incident-response"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "svc-sqlbackup", explanation: "11-year-old password, RC4 only, and a Domain Admin: crack it and the domain is gone." },
      answer_prompt: "Highest-risk service account",
      recipes: ["kerberoasting-hashcat", "threat-hunt-hypothesis"],
      hints: [
        { text: "Old password + RC4 = crackable; privilege = impact.", penalty: 2 },
        { text: "One of them is in Domain Admins.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "hypothesis-quality", stage: "hypothesis", title: "Hypothesis", weight: 1, skills: ["threat-hunting"], levels: [
      { points: 0, label: "Missing", descriptor: "No testable hypothesis." },
      { points: 1, label: "Partial", descriptor: "Names Kerberoasting but not the observable or data source." },
      { points: 2, label: "Competent", descriptor: "Falsifiable, with technique, event ID, fields and a null result defined." },
      { points: 3, label: "Strong", descriptor: "As competent, with retention and DC coverage checked before querying." } ] },
    { key: "triage-quality", stage: "query", title: "Query triage", weight: 3, skills: ["siem-querying", "threat-hunting"], levels: [
      { points: 0, label: "Missing", descriptor: "Wrong account or no reasoning." },
      { points: 1, label: "Partial", descriptor: "Right account, baseline not used to rule out the scanner." },
      { points: 2, label: "Competent", descriptor: "Scanner ruled out with baseline; three facts for j.whitfield; follow-up query." },
      { points: 3, label: "Strong", descriptor: "As competent, with a follow-up that pivots to process creation on WS-MKT-07 and the user's recent sign-ins." } ] },
    { key: "exposure-ranking", stage: "exposure", title: "Exposure and hardening", weight: 2, skills: ["active-directory"], levels: [
      { points: 0, label: "Missing", descriptor: "No ranking submitted." },
      { points: 1, label: "Partial", descriptor: "Ranking by password age only." },
      { points: 2, label: "Competent", descriptor: "Ranks by crackability and privilege; concrete hardening list." },
      { points: 3, label: "Strong", descriptor: "As competent, with an escalation to IR and a safe reset order that avoids breaking backups." } ] },
  ],
};

export default mission;
