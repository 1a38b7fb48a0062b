import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "RECON-01",
  title: "What is this server telling the internet?",
  track: "offensive",
  tier: "beginner",
  summary: "Your first external assessment: read nmap output for a small charity's public server, find what should not be exposed, and prioritise it for a non-technical client.",
  story: `**Riverside Food Bank** coordinates 60 volunteers and a donor database from one small server hosted at a local provider (\`198.51.100.50\`). A trustee asked your consultancy for a quick external check before a grant application that requires "basic cyber hygiene".

You are a **junior penetration tester**. The signed scope allows non-intrusive scanning of \`198.51.100.50\` only, weekdays 09:00–17:00. Your senior has already run the scans; your job is to interpret them and tell the charity, in plain words, what to fix first.`,
  objectives: [
    "Read nmap port and service-version output correctly",
    "Identify risky exposure and outdated services",
    "Prioritise findings for a non-technical audience",
  ],
  estimated_minutes: 45,
  skills: ["reconnaissance", "vulnerability-management", "reporting"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["ports", "services"], items: ["Open ports identified correctly", "The exposed database is the top priority"] },
  status: "published",
  stages: [
    {
      key: "ports",
      title: "Read the port scan",
      instructions: `Your senior ran \`nmap -sS -p- --min-rate 1000 -oN full.txt 198.51.100.50\`:

\`\`\`
Nmap scan report for 198.51.100.50
Host is up (0.012s latency).
Not shown: 65527 closed tcp ports (reset)
PORT     STATE    SERVICE
21/tcp   open     ftp
22/tcp   open     ssh
25/tcp   filtered smtp
80/tcp   open     http
443/tcp  open     https
3306/tcp open     mysql
8080/tcp open     http-proxy
8443/tcp filtered https-alt
\`\`\`

1. Explain the difference between *open*, *closed* and *filtered*.
2. List the **open** ports.
3. Explain why the SERVICE column here is only a guess from the port number.

**Hand in:** the open port numbers, comma-separated, in the answer box; explanations in notes.`,
      required_skills: ["reconnaissance"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 30,
      weight: 2,
      answer: { kind: "set", values: ["21", "22", "80", "443", "3306", "8080"], explanation: "Six open ports; 25 and 8443 are filtered (no response or ICMP unreachable), not open." },
      answer_prompt: "Open ports",
      recipes: ["nmap-service-scan"],
      hints: [
        { text: "Filtered means a firewall dropped the probe; it is not open.", penalty: 2 },
        { text: "There are six open ports.", penalty: 5 },
      ],
    },
    {
      key: "services",
      title: "Identify the services",
      instructions: `Then \`nmap -sV -sC -p21,22,80,443,3306,8080 198.51.100.50\`:

\`\`\`
PORT     STATE SERVICE  VERSION
21/tcp   open  ftp      vsftpd 3.0.3
| ftp-anon: Anonymous FTP login allowed (FTP code 230)
|_-rw-r--r--    1 0  0   48211 Jan 12 10:02 donors_export_2024.csv
22/tcp   open  ssh      OpenSSH 8.9p1 Ubuntu 3ubuntu0.10 (Ubuntu Linux; protocol 2.0)
80/tcp   open  http     Apache httpd 2.4.52 ((Ubuntu))
|_http-title: Did not follow redirect to https://riverside-foodbank.test/
443/tcp  open  ssl/http Apache httpd 2.4.52 ((Ubuntu))
3306/tcp open  mysql    MySQL 5.7.33
| mysql-info:
|   Version: 5.7.33
|_  Auth Plugin Name: mysql_native_password
8080/tcp open  http     Apache Tomcat 9.0.31
|_http-title: Apache Tomcat/9.0.31
\`\`\`

1. For each service: is it expected on a public web server? Is the version supported?
2. Identify the **single most urgent** issue and why (think about what a stranger can do *today*, without any exploit).
3. Note anything that needs a follow-up test the scope allows.

**Hand in:** the port of the most urgent issue in the answer box; a table (port, service, concern) in notes; the scan output as evidence.`,
      required_skills: ["reconnaissance", "vulnerability-management"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text", "image", "pdf"], description: "Your annotated service table." },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "exact", value: "21", explanation: "Anonymous FTP serves donors_export_2024.csv to anyone: personal data exposed with no exploit needed." },
      answer_prompt: "Port of the most urgent issue",
      recipes: ["nmap-service-scan", "vuln-prioritisation-epss-kev"],
      hints: [
        { text: "Read the NSE script output under each port, not just the version.", penalty: 2 },
        { text: "Which service hands a file called donors_export to anyone who asks?", penalty: 5 },
      ],
    },
    {
      key: "brief",
      title: "Brief the trustee",
      instructions: `Write a one-page summary for the trustee (not technical). For the top three issues give: what it is in plain words, why it matters to the food bank, what to ask the hosting provider to do, and how urgent it is (today / this month / this quarter).

Suggested order to consider: anonymous FTP with donor data (today: disable and check access logs for downloads; likely a GDPR reportable breach), MySQL exposed to the internet (firewall to localhost), end-of-life MySQL 5.7 and Tomcat 9.0.31 (upgrade).

**Hand in:** the summary in notes.`,
      required_skills: ["reporting", "communication"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["pdf", "text"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["cvss-finding-writeup", "executive-risk-briefing"],
      hints: [
        { text: "A trustee understands 'anyone on the internet can download your donor list' better than 'anonymous FTP enabled'.", penalty: 2 },
        { text: "If the donor file may have been downloaded, the charity has a possible data breach to assess.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "port-reading", stage: "ports", title: "Port states", weight: 2, skills: ["reconnaissance"], levels: [
      { points: 0, label: "Missing", descriptor: "States confused; filtered ports counted as open." },
      { points: 1, label: "Partial", descriptor: "Open ports right, state meanings unclear." },
      { points: 2, label: "Competent", descriptor: "Open ports right, states explained, service-guess caveat noted." },
      { points: 3, label: "Strong", descriptor: "As competent, plus a note on UDP not being scanned." } ] },
    { key: "service-analysis", stage: "services", title: "Service analysis", weight: 3, skills: ["reconnaissance", "vulnerability-management"], levels: [
      { points: 0, label: "Missing", descriptor: "No prioritisation submitted." },
      { points: 1, label: "Partial", descriptor: "Versions listed, anonymous FTP exposure missed." },
      { points: 2, label: "Competent", descriptor: "FTP data exposure first, exposed MySQL and end-of-life versions noted." },
      { points: 3, label: "Strong", descriptor: "As competent, with follow-ups that stay within the non-intrusive scope." } ] },
    { key: "client-brief", stage: "brief", title: "Client summary", weight: 2, skills: ["reporting", "communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No summary or pure jargon." },
      { points: 1, label: "Partial", descriptor: "Understandable but no urgency or actions." },
      { points: 2, label: "Competent", descriptor: "Top three issues in plain words with actions and urgency." },
      { points: 3, label: "Strong", descriptor: "As competent, and flags the possible data breach and what the charity must decide." } ] },
  ],
};

export default mission;
