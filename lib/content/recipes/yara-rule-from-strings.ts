import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "yara-rule-from-strings",
  title: "Write and test a YARA rule",
  summary: "Build a YARA rule from distinctive strings and byte patterns, constrain it with PE conditions, and test it against known samples and a goodware corpus before sharing.",
  description: "A good YARA rule finds a family's variants and nothing else. This recipe chooses strings that the author cannot easily change, combines them with structural conditions, and measures detection and false positives.",
  type: "technical",
  difficulty: "intermediate",
  estimated_minutes: 40,
  skills: ["yara", "malware-analysis", "detection-engineering"],
  tools: ["yara", "yarGen (optional)"],
  prerequisites: ["static-malware-triage"],
  steps: [
    {
      title: "Choose distinctive strings",
      body: "Prefer mutexes, config markers, encoded constants, unusual user agents and code byte sequences; avoid library strings and common words (`explorer.exe`, `kernel32.dll`).",
      expected_outcome: "Four to eight candidate strings with why each is distinctive.",
    },
    {
      title: "Write the rule",
      body: "Combine strings with a threshold and PE conditions.",
      command: "rule Loader_QxR7 {\n  meta:\n    author = \"Harrow CC SOC\"\n    date = \"2025-06-02\"\n    description = \"QxR7 loader: mutex, config marker, XOR-encoded https://\"\n    tlp = \"AMBER\"\n  strings:\n    $mutex = \"Global\\\\QxR7-updater-\" ascii\n    $cfg = \"cfg_blob_v2\" ascii\n    $xor_https = { 32 2E 2E 2A 29 60 75 75 }\n    $ua = \"InvoiceViewer/\" ascii\n  condition:\n    uint16(0) == 0x5A4D and filesize < 2MB and 2 of them\n}",
      expected_outcome: "A rule that compiles (`yara rule.yar /dev/null` runs without error).",
    },
    {
      title: "Test on samples",
      body: "All known family samples should match; `-s` shows which strings hit.",
      command: "yara -r -s loader.yar samples/",
      expected_outcome: "Every sample matched, with the strings that fired.",
    },
    {
      title: "Test on goodware",
      body: "Run against a large clean corpus; any hit means a string is too generic.",
      command: "yara -r loader.yar goodware/ | wc -l",
      expected_outcome: "0 hits, or each hit explained and the rule fixed.",
    },
    {
      title: "Package for sharing",
      body: "Add hashes of reference samples, TLP, version, and test results in the rule's metadata or an accompanying note.",
      expected_outcome: "A rule another team can deploy with confidence.",
    },
  ],
  validation_checks: ["All samples match", "Zero goodware hits", "Metadata includes TLP and reference hashes"],
  related: ["static-malware-triage", "sigma-rule-from-log"],
  links: [{ mission: "MAL-03", stage: "yara", required: true, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
