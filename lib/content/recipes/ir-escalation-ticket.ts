import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "ir-escalation-ticket",
  title: "Write an escalation ticket IR can act on",
  summary: "A five-heading template for escalating to incident response: summary, UTC timeline, indicators, actions taken, and specific asks — readable on a phone at 3 a.m.",
  description: "The hand-off between a SOC analyst and incident response is where incidents lose hours. This recipe gives a fixed structure and the rules that make a ticket stand on its own: lead with the worst fact, put every time in UTC with its source, and end with questions the responder can answer yes or no.",
  type: "communication",
  difficulty: "beginner",
  estimated_minutes: 15,
  skills: ["communication", "incident-response"],
  tools: ["Ticketing system"],
  prerequisites: [],
  steps: [
    {
      title: "Two-sentence summary",
      body: "Sentence one: what happened, with the worst confirmed fact. Sentence two: current state. Example: *An external address brute-forced SSH on bastion-01 and logged in as deploy at 02:14:52 UTC. The address is blocked and the account locked; the host has not been investigated.*",
      expected_outcome: "A reader who stops after two sentences knows whether to get out of bed.",
    },
    {
      title: "Timeline in UTC with sources",
      body: "One line per event: `2025-03-14 02:14:52Z — Accepted password for deploy from 203.0.113.47 (bastion-01 auth.log)`.",
      expected_outcome: "A chronological list where every line names its source.",
    },
    {
      title: "Indicators",
      body: "IPs, domains, hashes, accounts, hosts and ports, one per line, defanged where they are clickable (`203.0.113[.]47`).",
      expected_outcome: "A copy-pasteable indicator list.",
    },
    {
      title: "Actions taken",
      body: "What you did and when, including evidence preserved (file names and hashes).",
      expected_outcome: "Nothing the responder would redo.",
    },
    {
      title: "Open questions and asks",
      body: "Specific decisions for IR: *Image bastion-01 before the 05:00 run? Rotate deploy's keys on the 14 hosts where it exists? Review DB logs on 10.20.8.40 for 02:22–02:40?*",
      expected_outcome: "Three to five yes/no questions.",
    },
  ],
  validation_checks: [
    "The summary contains the most severe confirmed fact",
    "Every time is in UTC and every timeline line has a source",
    "Asks are specific enough to answer yes or no",
  ],
  related: ["contain-host-and-account", "incident-situation-report"],
  links: [{ mission: "SIEM-01", stage: "handoff", required: false, order: 0 }, { module: "writing-for-security", required: false, order: 1 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
