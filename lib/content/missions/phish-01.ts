import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "PHISH-01",
  title: "The invoice that wasn't",
  track: "defender",
  tier: "beginner",
  summary: "A finance clerk reports a suspicious 'overdue invoice' email. Read the headers, decode the link, and decide what to block and who to warn.",
  story: `**Brightwater Dental Group** runs 22 clinics; its finance team pays 400 supplier invoices a month. You are the **IT security analyst** (a team of two). This morning Aoife in accounts payable pressed the *Report phish* button on an email from "Medisupply Accounts" asking her to review an overdue invoice.

Two other finance staff received the same message. If one of them enters their Microsoft 365 password on the linked page, the attacker can read the finance mailbox and redirect supplier payments — the classic prelude to invoice fraud, which cost a peer clinic group €180,000 last year.`,
  objectives: [
    "Read email authentication results and the Received chain to find the true sender",
    "Decode and assess the link without visiting it",
    "Scope recipients and contain the campaign",
    "Write a short warning to staff",
  ],
  estimated_minutes: 45,
  skills: ["phishing-analysis", "ioc-extraction", "decoding", "communication"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["headers", "link"], items: ["The sending IP is taken from the header added by Brightwater's own gateway", "The link is decoded without being clicked"] },
  status: "published",
  stages: [
    {
      key: "headers",
      title: "Read the headers",
      instructions: `These are the relevant headers of the reported email (top = newest):

\`\`\`
Received: from mx-gw01.brightwater-dental.test (10.40.1.5) by mbx02.brightwater-dental.test with SMTP; Tue, 4 Mar 2025 08:41:17 +0000
Received: from mail.medisupp1y-billing.test (unknown [198.51.100.23]) by mx-gw01.brightwater-dental.test with ESMTPS id 4Zk8Qm1bq; Tue, 4 Mar 2025 08:41:15 +0000
Authentication-Results: mx-gw01.brightwater-dental.test; spf=pass smtp.mailfrom=medisupp1y-billing.test; dkim=none; dmarc=fail (p=none) header.from=medisupply.test
From: "Medisupply Accounts" <accounts@medisupply.test>
Reply-To: accounts.receivable@medisupp1y-billing.test
Return-Path: <bounce@medisupp1y-billing.test>
Subject: OVERDUE: Invoice INV-20931 - action required today
Message-ID: <20250304084113.77A1@medisupp1y-billing.test>
\`\`\`

Medisupply's real domain is \`medisupply.test\`; it publishes SPF and DKIM.

1. Find the IP address that handed the message to **Brightwater's gateway** (the only Received header you can trust is the one your own server wrote).
2. Explain why SPF says *pass* while DMARC says *fail*.
3. Spot the look-alike domain.

**Hand in:** the sending IP in the answer box; in your notes, two sentences on SPF vs DMARC and the look-alike.`,
      required_skills: ["phishing-analysis"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "198.51.100.23", explanation: "Brightwater's gateway recorded the connection from mail.medisupp1y-billing.test [198.51.100.23]." },
      answer_prompt: "IP address that delivered the email to Brightwater",
      recipes: ["email-header-analysis"],
      hints: [
        { text: "Read Received headers bottom-up; trust only the hop your own gateway (mx-gw01) recorded.", penalty: 2 },
        { text: "SPF checks the envelope sender (Return-Path), which is the attacker's own domain. DMARC requires alignment with the visible From domain.", penalty: 5 },
        { text: "The address is in square brackets in the second Received line.", penalty: 10 },
      ],
    },
    {
      key: "link",
      title: "Decode the link",
      instructions: `The "View invoice" button points to this URL (defanged — do not visit):

\`\`\`
hxxps://medisupp1y-billing[.]test/r?u=aHR0cHM6Ly9sb2dpbi1taWNyb3NvZnRvbmxpbmUtc2VjdXJlLnRlc3QvY29tbW9uL29hdXRoMi9hdXRob3JpemU/ZT1hb2lmZS5rZWxseUBicmlnaHR3YXRlci1kZW50YWwudGVzdA
\`\`\`

1. The \`u\` parameter is base64 with its \`=\` padding stripped. Decode it (CyberChef *From Base64*, or \`base64 -d\` after adding \`=\` padding).
2. Identify the **final landing domain** and what the page imitates.
3. Note what the \`e=\` parameter does and why it matters.

**Hand in:** the landing domain in the answer box; the decoded URL (defanged) and your assessment in notes.`,
      required_skills: ["decoding", "ioc-extraction"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: {
        kind: "exact",
        value: "login-microsoftonline-secure.test",
        explanation: "The parameter decodes to https://login-microsoftonline-secure.test/common/oauth2/authorize?e=aoife.kelly@brightwater-dental.test — a Microsoft 365 sign-in look-alike, pre-filled with the victim's address.",
      },
      answer_prompt: "Final landing domain",
      recipes: ["cyberchef-decoding", "email-header-analysis"],
      hints: [
        { text: "`echo 'aHR0cHM6...' | base64 -d` — add one or two `=` at the end if it complains about padding.", penalty: 2 },
        { text: "The decoded string starts with `https://login-`.", penalty: 5 },
      ],
    },
    {
      key: "respond",
      title: "Contain and warn",
      instructions: `Message trace shows the same Message-ID delivered to three mailboxes: aoife.kelly, dmitri.novak and grace.obi. Grace clicked the link at 08:52 (proxy log shows a GET to the landing domain); sign-in logs show **no** new sign-in for her account since then.

1. List the containment actions, in order: purge the message from all mailboxes, block the two domains and the sending IP at the mail gateway and web proxy, reset Grace's password and revoke her sessions as a precaution, check for new inbox rules on all three mailboxes.
2. Write a **staff warning** (≤ 120 words) for the finance team: what the email looks like, what to do if they clicked, how to report.

**Hand in:** the ordered actions and the staff warning in your notes.`,
      required_skills: ["communication", "incident-response"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["email-header-analysis", "crisis-holding-statement"],
      hints: [
        { text: "Attackers who get a password often create an inbox rule that hides replies from the real supplier. Check for it.", penalty: 2 },
        { text: "A good warning says what the email looks like and exactly what to do, without blaming anyone who clicked.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "header-analysis", stage: "headers", title: "Header analysis", weight: 2, skills: ["phishing-analysis"], levels: [
      { points: 0, label: "Missing", descriptor: "Wrong IP (e.g. the internal 10.40.1.5) or no reasoning." },
      { points: 1, label: "Partial", descriptor: "Correct IP, but SPF/DMARC difference not explained." },
      { points: 2, label: "Competent", descriptor: "Correct IP, SPF pass vs DMARC fail explained by alignment, look-alike domain named." },
      { points: 3, label: "Strong", descriptor: "As competent, and recommends moving medisupply's DMARC from p=none or adding a look-alike domain alert." } ] },
    { key: "link-analysis", stage: "link", title: "Link decoding", weight: 2, skills: ["decoding", "ioc-extraction"], levels: [
      { points: 0, label: "Missing", descriptor: "Not decoded, or the learner visited the URL." },
      { points: 1, label: "Partial", descriptor: "Decoded but landing domain or purpose misidentified." },
      { points: 2, label: "Competent", descriptor: "Correct landing domain, credential-phishing purpose, defanged indicators." },
      { points: 3, label: "Strong", descriptor: "As competent, explains the pre-filled e= parameter and the redirect-chain evasion." } ] },
    { key: "response", stage: "respond", title: "Containment and warning", weight: 2, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No containment plan." },
      { points: 1, label: "Partial", descriptor: "Blocks indicators but ignores the user who clicked or inbox rules." },
      { points: 2, label: "Competent", descriptor: "Ordered actions covering purge, blocks, Grace's account and inbox rules; clear warning." },
      { points: 3, label: "Strong", descriptor: "As competent; the warning is short, blame-free and tells people exactly what to do." } ] },
  ],
};

export default mission;
