import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "sigma-rule-from-log",
  title: "Write a Sigma rule from a log sample",
  summary: "Turn a malicious log event into a portable Sigma detection: choose the logsource, write selections and filters, convert to SPL or KQL with sigma-cli, and test against good and bad samples.",
  description: "Sigma is the vendor-neutral format for detections. This recipe goes from one suspicious event (e.g. an encoded PowerShell launch in Sysmon Event ID 1) to a tested rule with false-positive filters, ATT&CK tags and backend conversions.",
  type: "technical",
  difficulty: "intermediate",
  estimated_minutes: 45,
  skills: ["sigma", "detection-engineering", "mitre-attack"],
  tools: ["sigma-cli", "pySigma backends", "Splunk or Sentinel"],
  prerequisites: [],
  inputs: ["A malicious event sample", "A week of benign events from the same source"],
  environment: "Python 3.9+ with `pip install sigma-cli` and the backend plugins (`sigma plugin install splunk`, `sigma plugin install microsoft365defender`).",
  steps: [
    {
      title: "Pick the logsource",
      body: "Sysmon process creation is `category: process_creation, product: windows`. Use the generic category so the rule works for Sysmon 1 and Security 4688.",
      expected_outcome: "A logsource block that matches where the event comes from.",
    },
    {
      title: "Write the selection",
      body: "Match on stable, attacker-controlled traits (image name, flags), not on values that change each run (random file names).",
      command: "title: PowerShell Encoded Command Launched by Office Application\nid: 6a1f3c2e-8d4b-4f0a-9c7e-2b5d1e8f4a90\nstatus: experimental\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n  selection_parent:\n    ParentImage|endswith:\n      - '\\WINWORD.EXE'\n      - '\\EXCEL.EXE'\n  selection_child:\n    Image|endswith: '\\powershell.exe'\n    CommandLine|contains:\n      - ' -enc '\n      - ' -EncodedCommand '\n  condition: selection_parent and selection_child\nfalsepositives:\n  - Rare legitimate macros; review\nlevel: high\ntags:\n  - attack.execution\n  - attack.t1059.001",
      expected_outcome: "A YAML rule that passes `sigma check`.",
    },
    {
      title: "Validate and convert",
      body: "Check the syntax, then convert to your SIEM's language.",
      command: "sigma check rule.yml\nsigma convert -t splunk -p sysmon rule.yml\nsigma convert -t kusto -p microsoft_xdr rule.yml",
      expected_outcome: "SPL and KQL queries generated from the same rule.",
    },
    {
      title: "Test both ways",
      body: "Run the converted query over the malicious sample (must hit) and a week of benign data (count the false positives). Add `filter_*` blocks for known-good parents or paths and repeat.",
      expected_outcome: "1 true positive and an acceptable number of false positives, documented.",
    },
    {
      title: "Document",
      body: "Fill in `description`, `references` (internal case ID), `falsepositives`, `level`, ATT&CK tags, and the test results in the pull request.",
      expected_outcome: "A reviewable rule with its test evidence.",
    },
  ],
  validation_checks: ["`sigma check` passes", "The rule fires on the malicious sample", "False positives on benign data are counted and documented"],
  related: ["splunk-spl-auth-failures", "detection-test-with-atomic-red-team", "mitre-attack-mapping"],
  links: [{ module: "logs-and-siem", required: false, order: 1 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
