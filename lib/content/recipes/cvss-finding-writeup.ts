import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "cvss-finding-writeup",
  title: "Write a finding with a defensible CVSS score",
  summary: "Score a vulnerability with CVSS 3.1 metric by metric, then write the finding: title, severity, affected asset, description, evidence, impact and remediation.",
  description: "Findings get fixed when developers understand them and managers trust the severity. This recipe walks through each CVSS 3.1 base metric with the questions to ask, and a finding template that reads well both in a PDF report and in a ticket.",
  type: "communication",
  difficulty: "intermediate",
  estimated_minutes: 30,
  skills: ["reporting", "vulnerability-management"],
  tools: ["CVSS 3.1 calculator"],
  prerequisites: [],
  steps: [
    {
      title: "Attack vector and complexity",
      body: "AV: can it be reached over the network (N), adjacent network (A), only locally (L) or physically (P)? AC: does success depend on conditions the attacker does not control (H) or not (L)?",
      expected_outcome: "AV and AC with a one-line justification each.",
    },
    {
      title: "Privileges and interaction",
      body: "PR: none (N), a normal user (L) or admin (H)? If anyone can self-register, it is still L. UI: must a victim do something (R) or not (N)?",
      expected_outcome: "PR and UI justified.",
    },
    {
      title: "Scope and impact",
      body: "S: does the impact reach a different security authority (C) or stay in the component (U)? C/I/A: none, low or high, for the worst realistic case.",
      expected_outcome: "A full vector, e.g. `CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:N` (7.1).",
    },
    {
      title: "Write the finding",
      body: "Title names the flaw and location. Description in plain words. Evidence: request/response and code lines, redacted. Impact: what an attacker can do to the business. Remediation: the specific fix, then defence in depth. Add a retest step.",
      expected_outcome: "A finding a developer can fix without a meeting.",
    },
  ],
  validation_checks: ["Every metric is justified in one line", "Evidence is reproducible and redacted", "Remediation names the concrete code or configuration change"],
  related: ["sql-injection-code-review", "critical-finding-notification", "vuln-prioritisation-epss-kev"],
  links: [{ mission: "WEB-02", stage: "report", required: false, order: 0 }, { module: "writing-for-security", required: false, order: 2 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
