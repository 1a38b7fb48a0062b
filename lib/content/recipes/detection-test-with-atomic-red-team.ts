import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "detection-test-with-atomic-red-team",
  title: "Test a detection with Atomic Red Team",
  summary: "Prove a detection works by running the matching Atomic Red Team test in a lab, confirming the alert fires, and recording the result in a detection coverage log.",
  description: "An untested detection is a hope. This recipe runs a specific ATT&CK technique test with Invoke-AtomicRedTeam on a lab host, checks that telemetry arrives and the rule fires, and cleans up.",
  type: "tooling",
  difficulty: "advanced",
  estimated_minutes: 45,
  skills: ["detection-engineering", "mitre-attack"],
  tools: ["Invoke-AtomicRedTeam", "PowerShell", "SIEM"],
  prerequisites: ["sigma-rule-from-log"],
  environment: "An isolated lab Windows host with Sysmon and log forwarding. Never run atomics on production.",
  steps: [
    {
      title: "Install and list tests",
      body: "Install the module and show the tests for your technique.",
      command: "Install-Module -Name invoke-atomicredteam -Scope CurrentUser\nImport-Module invoke-atomicredteam\nInvoke-AtomicTest T1059.001 -ShowDetailsBrief",
      expected_outcome: "A list of numbered tests for the technique.",
    },
    {
      title: "Check prerequisites",
      body: "Some tests need files or tools.",
      command: "Invoke-AtomicTest T1059.001 -TestNumbers 1 -CheckPrereqs",
      expected_outcome: "Prerequisites met (or fetched with -GetPrereqs).",
    },
    {
      title: "Execute and note the time",
      body: "Run the test and record the UTC time.",
      command: "Get-Date -AsUTC; Invoke-AtomicTest T1059.001 -TestNumbers 1",
      expected_outcome: "Test executed; the time is recorded.",
    },
    {
      title: "Confirm telemetry and alert",
      body: "Search the raw events for the host and time window, then check the detection fired.",
      expected_outcome: "Raw event present and alert raised within the expected delay, or a documented gap.",
    },
    {
      title: "Clean up and record",
      body: "Run the cleanup and log the result (technique, test, date, detected yes/no, delay) in your coverage tracker.",
      command: "Invoke-AtomicTest T1059.001 -TestNumbers 1 -Cleanup",
      expected_outcome: "A coverage entry with evidence.",
    },
  ],
  validation_checks: ["Run only in a lab", "Telemetry and alert are checked separately", "Cleanup completed"],
  related: ["sigma-rule-from-log", "mitre-attack-mapping"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
