import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "python-ioc-extractor",
  title: "Build a tested IOC extractor in Python",
  summary: "Write a small Python CLI that refangs advisory text, extracts IPv4 addresses, domains and SHA-256 hashes, drops private and allow-listed values, and emits JSON lines — with pytest tests for every rule.",
  description: "Manual indicator handling is slow and error-prone. This recipe builds a tool small enough to read in five minutes and safe enough to trust: validation with the standard library, an allow-list guard, and tests that document the behaviour.",
  type: "technical",
  difficulty: "beginner",
  estimated_minutes: 45,
  skills: ["automation", "scripting", "ioc-extraction"],
  tools: ["Python 3", "pytest"],
  prerequisites: [],
  environment: "Python 3.10+; `pip install pytest`.",
  steps: [
    {
      title: "Refang",
      body: "Normalise common defanging before matching.",
      command: "def refang(t: str) -> str:\n    return (t.replace('[.]', '.').replace('(.)', '.').replace('hxxp', 'http').replace('[:]', ':'))",
      expected_outcome: "Defanged indicators become matchable text.",
    },
    {
      title: "Extract with regular expressions",
      body: "Keep patterns simple and validate afterwards rather than writing one perfect regex.",
      command: "import re\nIPV4 = re.compile(r'\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b')\nSHA256 = re.compile(r'\\b[a-fA-F0-9]{64}\\b')\nDOMAIN = re.compile(r'\\b(?:[a-z0-9-]+\\.)+[a-z]{2,}\\b', re.I)",
      expected_outcome: "Candidate lists per type.",
    },
    {
      title: "Validate and filter",
      body: "Use `ipaddress` to reject invalid, RFC 1918, loopback and link-local addresses; subtract the allow-list; lower-case hashes and domains; de-duplicate with a set. In production `ip.is_global` is a good filter; in training data that uses documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) it would drop everything, so test RFC 1918 explicitly.",
      command: "import ipaddress\nRFC1918 = [ipaddress.ip_network(n) for n in ('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16')]\ndef public_ip(s):\n    try:\n        ip = ipaddress.ip_address(s)\n    except ValueError:\n        return False\n    return not (ip.is_loopback or ip.is_link_local or ip.is_multicast or any(ip in n for n in RFC1918))",
      expected_outcome: "Only valid, public, non-allow-listed indicators remain.",
    },
    {
      title: "Emit JSON lines",
      body: "One JSON object per indicator with type, value, source and TLP.",
      command: "import json, sys\nfor ioc in sorted(results):\n    print(json.dumps({'type': ioc.kind, 'value': ioc.value, 'source': source, 'tlp': tlp}))",
      expected_outcome: "Output a SIEM can ingest line by line.",
    },
    {
      title: "Test the rules",
      body: "One test per rule, named as a requirement.",
      command: "def test_allowlisted_ip_is_never_output():\n    out = extract('hit 198.51.100.77', allowlist={'198.51.100.77'})\n    assert '198.51.100.77' not in {i.value for i in out}\n\n# run: pytest -q",
      expected_outcome: "All tests pass; a failing test names the broken rule.",
    },
  ],
  validation_checks: ["Private and allow-listed addresses never appear in output", "Tests exist for refanging, de-duplication and hash validation", "Output is valid JSON per line (`jq -c . out.jsonl`)"],
  related: ["cyberchef-decoding", "jq-json-log-triage", "soar-playbook-design"],
  links: [{ mission: "AUTO-01", stage: "extract", required: true, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
