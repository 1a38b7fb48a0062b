import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "email-header-analysis",
  title: "Analyse a suspicious email's headers",
  summary: "Find the true origin of an email from its Received chain, read SPF, DKIM and DMARC results, spot look-alike domains and Reply-To tricks, and extract indicators safely.",
  description: "Display names and From addresses are trivial to fake. This recipe reads the headers your own mail gateway added — the only ones you can trust — and interprets authentication results to decide whether a message is spoofed, a look-alike, or legitimate.",
  type: "analysis",
  difficulty: "beginner",
  estimated_minutes: 20,
  skills: ["phishing-analysis", "ioc-extraction"],
  tools: ["Email client 'show original'", "Text editor", "grep"],
  prerequisites: [],
  inputs: ["The reported email as .eml or raw source"],
  steps: [
    {
      title: "Export the raw message",
      body: "Use *Show original* (Gmail) or *View message source* (Outlook) and save it as .eml. Never forward it as an attachment to yourself from a personal account.",
      expected_outcome: "A .eml file with full headers.",
    },
    {
      title: "Walk the Received chain bottom-up",
      body: "Each relay prepends a Received header. Find the first one written by **your** gateway: its `from ... [IP]` is the sending server. Everything below it could be forged.",
      command: "grep -n '^Received:' message.eml",
      expected_outcome: "The sending IP and hostname as seen by your gateway.",
    },
    {
      title: "Read authentication results",
      body: "SPF validates the envelope sender (Return-Path) against the sending IP; DKIM validates a signature for the `d=` domain; DMARC passes only if SPF or DKIM passes **and** aligns with the visible From domain.",
      command: "grep -iE '^(Authentication-Results|Received-SPF|DKIM-Signature|From|Return-Path|Reply-To):' message.eml",
      expected_outcome: "A one-line verdict: spoofed From, look-alike domain, or authenticated sender.",
    },
    {
      title: "Look for deception",
      body: "Compare From, Reply-To and Return-Path domains. Look for look-alikes (`rn` for `m`, `1` for `l`, extra words like `-billing`).",
      expected_outcome: "Any mismatch or look-alike highlighted.",
    },
    {
      title: "Extract and defang indicators",
      body: "Collect sending IP, domains, URLs and attachment hashes; defang (`hxxps`, `[.]`) before sharing.",
      command: "grep -oE 'https?://[^\"<> ]+' message.eml | sed -e 's/http/hxxp/' -e 's/\\./[.]/g' | sort -u",
      expected_outcome: "A defanged indicator list ready for blocking.",
    },
  ],
  validation_checks: ["The sending IP comes from a header your gateway added", "You can explain SPF pass with DMARC fail", "No indicator is shared un-defanged"],
  related: ["cyberchef-decoding", "ir-escalation-ticket"],
  links: [{ mission: "PHISH-01", stage: "headers", required: false, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
