import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "AD-03",
  title: "Three hops to Domain Admin",
  track: "offensive",
  tier: "advanced",
  summary: "Internal test of a manufacturer's Active Directory: read a BloodHound path, Kerberoast the weak link, crack it offline within the rules, and report the chain with fixes that break every hop.",
  story: `**Pellmar Components** (2,400 staff, aerospace parts) holds export-controlled drawings, so its customers require an annual internal penetration test. You are the **senior penetration tester**. You start from the laptop of a standard user, \`PELLMAR\\t.osei\`, with a password the client provided.

The rules: no denial of service, cracking only on your firm's offline rig, no use of cracked credentials beyond proving the next hop, and stop at Domain Admin with a harmless proof (listing the Domain Admins group).`,
  objectives: [
    "Interpret an attack path from BloodHound",
    "Kerberoast and crack a service account offline",
    "Report the chain so every hop gets fixed",
  ],
  estimated_minutes: 150,
  skills: ["active-directory", "password-attacks", "reporting"],
  reflection_required: true,
  success_criteria: { min_score: 65, required_stages: ["path", "roast", "report"], items: ["Each hop is explained with the AD permission that enables it"] },
  status: "published",
  stages: [
    {
      key: "path",
      title: "Read the attack path",
      instructions: `BloodHound's *Shortest Paths to Domain Admins from Kerberoastable Users* returns:

\`\`\`
T.OSEI@PELLMAR.TEST  --MemberOf-->  DOMAIN USERS@PELLMAR.TEST
SVC-MESBRIDGE@PELLMAR.TEST  (hasspn: MSSQLSvc/mes-db01.pellmar.test:1433, pwdlastset: 2017-08-14)
SVC-MESBRIDGE@PELLMAR.TEST  --MemberOf-->  MES-OPERATORS@PELLMAR.TEST
MES-OPERATORS@PELLMAR.TEST  --GenericWrite-->  SRV-BACKUP02.PELLMAR.TEST
SRV-BACKUP02.PELLMAR.TEST  --HasSession-->  A.KRAUSE-ADM@PELLMAR.TEST
A.KRAUSE-ADM@PELLMAR.TEST  --MemberOf-->  DOMAIN ADMINS@PELLMAR.TEST
\`\`\`

1. Explain each edge and why any domain user can start this chain (any authenticated user can request a service ticket for any SPN).
2. Explain what GenericWrite on a computer object allows (e.g. resource-based constrained delegation via \`msDS-AllowedToActOnBehalfOfOtherIdentity\`, or shadow credentials).
3. Explain why HasSession matters.

**Hand in:** the sAMAccountName of the Kerberoastable account (lower-case) in the answer box; the edge-by-edge explanation in notes.`,
      required_skills: ["active-directory"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["image", "text"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "svc-mesbridge", explanation: "It has an SPN and a password from 2017." },
      answer_prompt: "Kerberoastable account",
      recipes: ["kerberoasting-hashcat"],
      hints: [
        { text: "The account with `hasspn` is the one you can request a ticket for.", penalty: 3 },
        { text: "GenericWrite on a computer lets you configure who may delegate to it — and then impersonate an admin to it.", penalty: 6 },
      ],
    },
    {
      key: "roast",
      title: "Roast and crack",
      instructions: `Request the ticket and crack it offline:

\`\`\`
impacket-GetUserSPNs pellmar.test/t.osei -dc-ip 10.70.0.10 -request-user svc-mesbridge -outputfile mes.hash
hashcat -m <mode> -a 0 mes.hash corp-wordlist.txt -r rules/best64.rule
\`\`\`

The hash starts with \`$krb5tgs$23$*svc-mesbridge$PELLMAR.TEST$...\` — etype 23 is RC4. The crack succeeds in 4 minutes: \`Pellmar2017!\`.

1. Name the hashcat mode for this hash type.
2. Explain why etype 23 cracks fast and what AES (etype 17/18, modes 19600/19700) would change.
3. Record the exact commands, timestamps and where the hash was stored and destroyed.

**Hand in:** the hashcat mode in the answer box; commands and handling notes in notes; the redacted terminal output as evidence.`,
      required_skills: ["password-attacks", "active-directory"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text", "image"], description: "Redacted terminal output (hash truncated, password masked)." },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "exact", value: "13100", explanation: "Kerberos 5 TGS-REP etype 23 is hashcat mode 13100." },
      answer_prompt: "hashcat mode",
      recipes: ["kerberoasting-hashcat"],
      hints: [
        { text: "`hashcat --help | grep -i tgs`", penalty: 3 },
        { text: "RC4 TGS-REP is 13100; AES256 is 19700.", penalty: 6 },
      ],
    },
    {
      key: "report",
      title: "Report the chain",
      instructions: `Write the attack-chain finding with one remediation per hop, so that fixing any one hop breaks the chain and fixing all of them removes the class of issue:

| Hop | Weakness | Fix |
|---|---|---|
| Kerberoast | RC4-enabled SPN account, 2017 password | gMSA or 25+ char random password; AES only; monitor 4769 with 0x17 |
| GenericWrite | MES-OPERATORS can write to SRV-BACKUP02 | Remove ACE; review delegated rights quarterly |
| HasSession | Domain Admin logs on to a member server | Tiered admin model; Protected Users; admin logons only on PAWs |

**Hand in:** the finding (chain diagram, evidence, business impact in terms of export-controlled drawings, fixes with owners) as an attached file.`,
      required_skills: ["reporting", "active-directory"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "The attack-chain finding." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["cvss-finding-writeup", "kerberoasting-hashcat"],
      hints: [
        { text: "Lead with business impact: who could read the export-controlled drawings.", penalty: 3 },
        { text: "The Domain Admin session on a server is the most important hop to fix long-term.", penalty: 6 },
      ],
    },
  ],
  rubric: [
    { key: "path-analysis", stage: "path", title: "Attack path analysis", weight: 2, skills: ["active-directory"], levels: [
      { points: 0, label: "Missing", descriptor: "Edges not explained." },
      { points: 1, label: "Partial", descriptor: "Kerberoasting explained; GenericWrite or HasSession not." },
      { points: 2, label: "Competent", descriptor: "Every edge explained with the permission that enables it." },
      { points: 3, label: "Strong", descriptor: "As competent, with alternative abuse options and detection opportunities per hop." } ] },
    { key: "cracking", stage: "roast", title: "Roasting and cracking", weight: 3, skills: ["password-attacks"], levels: [
      { points: 0, label: "Missing", descriptor: "No hash or wrong mode." },
      { points: 1, label: "Partial", descriptor: "Correct mode, no handling record." },
      { points: 2, label: "Competent", descriptor: "Correct commands and mode, RC4 vs AES explained, handling recorded." },
      { points: 3, label: "Strong", descriptor: "As competent, with evidence redacted and hash destruction documented." } ] },
    { key: "chain-report", stage: "report", title: "Chain report", weight: 2, skills: ["reporting"], levels: [
      { points: 0, label: "Missing", descriptor: "No report submitted." },
      { points: 1, label: "Partial", descriptor: "Single generic fix." },
      { points: 2, label: "Competent", descriptor: "Fix per hop with owners and business impact." },
      { points: 3, label: "Strong", descriptor: "As competent, prioritised for the fastest break of the chain plus the structural fix." } ] },
  ],
};

export default mission;
