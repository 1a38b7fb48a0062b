import type { MissionInput } from "../schemas";

// The rubric of BEC-03 (bec-03.ts): its stages and decisions alone fill a file.
export const rubric: MissionInput["rubric"] = [
  {
    key: "mfa-bypass",
    stage: "signins",
    title: "Explaining the MFA bypass",
    weight: 2,
    skills: ["identity-security", "log-analysis", "phishing-analysis"],
    levels: [
      { points: 0, label: "Missing", descriptor: "The replay IP is wrong, or the learner concludes MFA was not used." },
      { points: 1, label: "Partial", descriptor: "Correct IPs but the argument rests on geography; the session ID link is not made." },
      { points: 2, label: "Competent", descriptor: "AiTM proxy and cookie replay explained with the shared session ID and the token-claim MFA detail." },
      { points: 3, label: "Strong", descriptor: "As competent, and the learner explains why a compliant-device policy or phishing-resistant MFA would have broken the attack, and how the exclusion group let it through." },
    ],
  },
  {
    key: "foothold-inventory",
    stage: "footholds",
    title: "Foothold inventory",
    weight: 3,
    skills: ["identity-security", "cloud-security"],
    levels: [
      { points: 0, label: "Missing", descriptor: "Only the inbox rule or only the session is found." },
      { points: 1, label: "Partial", descriptor: "Three footholds found; the OAuth app or the Authenticator registration is missed." },
      { points: 2, label: "Competent", descriptor: "All four footholds with their purpose and removal; the legitimate auto-reply is told apart." },
      { points: 3, label: "Strong", descriptor: "As competent, and the learner links the rule's keywords and RSS Feeds folder to hiding the fraud, and notes the deleted sent item." },
    ],
  },
  {
    key: "eviction-runbook",
    stage: "evict",
    title: "Eviction runbook",
    weight: 2,
    skills: ["incident-response", "identity-security"],
    levels: [
      { points: 0, label: "Missing", descriptor: "A password reset is the only action." },
      { points: 1, label: "Partial", descriptor: "Most footholds removed but in an order that lets the attacker back in, or without verification." },
      { points: 2, label: "Competent", descriptor: "Block, revoke, reset, remove the method, grant, app and rule, re-register, re-enable — each verified." },
      { points: 3, label: "Strong", descriptor: "As competent, and the learner explains access-token lifetime and continuous access evaluation, and why IP blocks are the weakest step." },
    ],
  },
  {
    key: "recovery-after-mistake",
    stage: "still-inside",
    title: "Recovering from an incomplete eviction",
    weight: 2,
    skills: ["incident-response", "identity-security"],
    levels: [
      { points: 0, label: "Missing", descriptor: "The re-entry is not explained." },
      { points: 1, label: "Partial", descriptor: "One of the two surviving footholds explained." },
      { points: 2, label: "Competent", descriptor: "SSPR with the attacker's Authenticator and the app's own refresh token both explained; a complete runbook written." },
      { points: 3, label: "Strong", descriptor: "As competent, and AP is warned about the 14:11 email and the one-method SSPR policy becomes a fix." },
    ],
  },
  {
    key: "tenant-scope",
    stage: "scope",
    title: "Tenant-wide scoping",
    weight: 2,
    skills: ["threat-hunting", "log-analysis"],
    levels: [
      { points: 0, label: "Missing", descriptor: "Marta's compromise is missed." },
      { points: 1, label: "Partial", descriptor: "Both compromised accounts found, but Ravi is treated as compromised or as unaffected." },
      { points: 2, label: "Competent", descriptor: "Three correct classifications, each with the action it needs." },
      { points: 3, label: "Strong", descriptor: "As competent, with two well-aimed follow-up hunts, including the payments side." },
    ],
  },
  {
    key: "business-brief",
    stage: "brief",
    title: "Brief for finance and the DPO",
    weight: 2,
    skills: ["communication", "incident-response"],
    levels: [
      { points: 0, label: "Missing", descriptor: "No brief, or the Brennan payment is not stopped." },
      { points: 1, label: "Partial", descriptor: "The payment is stopped but other payments, the supplier or the DPO's decision are not covered." },
      { points: 2, label: "Competent", descriptor: "Money, supplier, personal data and the 72-hour clock covered in plain words, with owned fixes." },
      { points: 3, label: "Strong", descriptor: "As competent, on one page, with fixes prioritised by which step of the attack they break." },
    ],
  },
];
