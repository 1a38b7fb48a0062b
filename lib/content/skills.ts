// The one vocabulary of skill tags. Missions (skills, stage required_skills, rubric skills) and
// recipes must use these, so recommendations and mastery line up. An unknown tag fails the check.
export const SKILLS = {
  // defender
  "log-analysis": "Reading and filtering logs to reconstruct what happened",
  "siem-querying": "Writing SIEM searches (Splunk SPL, KQL, Elastic)",
  "alert-triage": "Deciding whether an alert is a true positive and how urgent it is",
  "ioc-extraction": "Pulling indicators (IPs, domains, hashes) out of artefacts",
  "sigma": "Writing and tuning Sigma detection rules",
  "detection-engineering": "Designing, testing and tuning detections",
  "network-analysis": "Reading packet captures and flow data",
  "incident-response": "Containing, eradicating and recovering from incidents",
  "threat-hunting": "Hypothesis-driven searching for undetected activity",
  "malware-analysis": "Static and dynamic analysis of malicious files",
  "yara": "Writing YARA rules to classify files",
  "phishing-analysis": "Analysing suspicious emails, headers and links",
  "forensics": "Collecting and examining evidence from hosts and disks",
  "cloud-security": "Securing and investigating cloud accounts and workloads",
  "identity-security": "Protecting accounts, authentication and directories",
  "vulnerability-management": "Finding, prioritising and tracking vulnerabilities",
  "threat-intelligence": "Collecting and applying intelligence on adversaries",
  "mitre-attack": "Mapping behaviour to MITRE ATT&CK techniques",
  // offensive
  "reconnaissance": "Discovering hosts, services and exposure",
  "web-exploitation": "Finding and exploiting web application flaws",
  "privilege-escalation": "Gaining higher privileges on a system",
  "password-attacks": "Cracking and spraying credentials responsibly",
  "active-directory": "Attacking and defending Windows domains",
  "exploit-development": "Turning a bug into a working exploit",
  "scripting": "Automating tasks with Python or shell",
  "decoding": "Recognising and decoding encodings (base64, hex, URL, XOR)",
  "secure-code-review": "Reading code for security flaws",
  "reporting": "Writing findings with evidence, impact and remediation",
  "red-team-planning": "Scoping and planning adversary emulation",
  // grc
  "risk-assessment": "Identifying, rating and treating risk",
  "control-mapping": "Mapping controls to frameworks (ISO 27001, NIST CSF, SOC 2)",
  "policy-writing": "Writing clear, enforceable security policy",
  "audit": "Testing controls and collecting audit evidence",
  "compliance": "Meeting regulatory and contractual obligations",
  "vendor-risk": "Assessing suppliers and third parties",
  "privacy": "Protecting personal data (GDPR and similar)",
  "business-continuity": "Planning for disruption and recovery",
  // innovation
  "automation": "Automating security workflows (SOAR, scripts, pipelines)",
  "ml-security": "Securing and using machine-learning systems",
  "threat-modeling": "Finding design-level threats (STRIDE, attack trees)",
  "devsecops": "Security in CI/CD and developer workflows",
  "data-analysis": "Analysing security data with code and statistics",
  "prototyping": "Building and testing a small tool or proof of concept",
  // leadership
  "communication": "Explaining security to technical and non-technical audiences",
  "stakeholder-management": "Aligning people with different interests",
  "crisis-management": "Leading during an incident under pressure",
  "tabletop-facilitation": "Running tabletop exercises",
  "budgeting": "Building and defending a security budget",
  "metrics": "Choosing and reporting security metrics",
  "team-leadership": "Leading, coaching and growing a team",
  "strategy": "Setting security direction and roadmaps",
} as const;

export type Skill = keyof typeof SKILLS;
export const SKILL_TAGS = new Set(Object.keys(SKILLS));
export const isSkill = (s: string): s is Skill => SKILL_TAGS.has(s);
