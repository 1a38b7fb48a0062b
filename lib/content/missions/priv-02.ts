import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "PRIV-02",
  title: "From web shell to root",
  track: "offensive",
  tier: "intermediate",
  summary: "You have a low-privilege shell on a reporting server during an internal test. Enumerate, find the misconfigurations that lead to root, prove it minimally and recommend fixes.",
  story: `**Castlegate Insurance** commissioned an internal penetration test after an auditor asked, *"if one server falls, how far can an attacker go?"*. You are the **penetration tester**; through a file-upload flaw you already have a shell as \`www-data\` on \`rpt-01\` (\`10.60.3.14\`, Ubuntu 22.04), which generates monthly claims reports.

The rules of engagement allow privilege escalation on \`rpt-01\` but forbid modifying production data or installing persistent tools. Prove root with a harmless action and leave the system as you found it.`,
  objectives: [
    "Enumerate a Linux host for privilege-escalation paths",
    "Identify which findings are exploitable and why",
    "Prove root with minimal impact and report the root cause",
  ],
  estimated_minutes: 90,
  skills: ["privilege-escalation", "reconnaissance", "reporting"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["enumerate", "escalate"], items: ["The exploitable path is explained, not just run", "Proof of root is harmless"] },
  status: "published",
  stages: [
    {
      key: "enumerate",
      title: "Enumerate",
      instructions: `Output from your enumeration as \`www-data\`:

\`\`\`
$ id
uid=33(www-data) gid=33(www-data) groups=33(www-data)
$ sudo -l
Matching Defaults entries for www-data on rpt-01:
    env_reset, secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin\\:/bin
User www-data may run the following commands on rpt-01:
    (root) NOPASSWD: /usr/bin/find /var/reports -name *.csv -mtime +90 -delete
$ find / -perm -4000 -type f 2>/dev/null
/usr/bin/passwd
/usr/bin/su
/usr/bin/mount
/usr/bin/sudo
/usr/local/bin/rptzip
$ ls -l /usr/local/bin/rptzip /etc/cron.d/reports
-rwsr-xr-x 1 root root 16784 Feb  2  2024 /usr/local/bin/rptzip
-rw-r--r-- 1 root root    74 Feb  2  2024 /etc/cron.d/reports
$ cat /etc/cron.d/reports
0 2 1 * * root /opt/reports/monthly.sh
$ ls -l /opt/reports/monthly.sh
-rwxrwxrwx 1 root root 412 Mar  3  2024 /opt/reports/monthly.sh
$ strings /usr/local/bin/rptzip | grep -iE 'zip|setuid|system'
setuid
system
zip -r /var/reports/archive.zip /var/reports/out
\`\`\`

1. For each item (sudo rule, SUID \`rptzip\`, world-writable cron script), explain whether it is a privilege-escalation path and how.
2. Pay attention to the sudo rule: the arguments are fixed, so is \`find\` still exploitable here? Explain.
3. Rank the paths by reliability and by impact on the system.

**Hand in:** in the answer box, the full path of the SUID binary that calls another program by a relative name; your analysis of all three in notes.`,
      required_skills: ["privilege-escalation", "reconnaissance"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "/usr/local/bin/rptzip", explanation: "rptzip runs `zip` without an absolute path, so PATH hijacking gives root if it does not reset PATH." },
      answer_prompt: "SUID binary path",
      recipes: ["linux-privesc-enumeration"],
      hints: [
        { text: "A sudo rule with fixed arguments does not allow `-exec`: sudo matches the whole command line.", penalty: 2 },
        { text: "`zip` without `/usr/bin/` in front means the binary trusts your PATH. Because it calls `setuid(0)` before `system()`, the shell it spawns does not drop root.", penalty: 5 },
      ],
    },
    {
      key: "escalate",
      title: "Prove root, harmlessly",
      instructions: `Choose the path with the least impact on the system. Two options:

- **PATH hijack of rptzip**: create \`/tmp/pt/zip\` containing \`#!/bin/sh\\nid > /tmp/pt/proof.txt\`, \`chmod +x\`, run \`PATH=/tmp/pt:$PATH /usr/local/bin/rptzip\`.
- **Cron script**: append a line to \`/opt/reports/monthly.sh\` — but that modifies a production script and only runs on the 1st of the month at 02:00.

1. Execute (in your notes) the less invasive option and record the proof: \`uid=0(root)\` written to a file owned by root.
2. Clean up: remove \`/tmp/pt\` and confirm nothing else changed.
3. Explain why you did not take the cron path even though it also works.

**Hand in:** the proof line (the first words of the output of \`id\` as root) in the answer box; commands, proof and clean-up in notes; a screenshot as evidence.`,
      required_skills: ["privilege-escalation"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["image", "text"], description: "Screenshot or terminal log of the proof and clean-up." },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "regex", pattern: "uid=0\\(root\\)", explanation: "Proof of root is the id output with uid=0(root)." },
      answer_prompt: "Proof of root (id output)",
      recipes: ["linux-privesc-enumeration"],
      hints: [
        { text: "The effective UID becomes root because of the SUID bit; your script runs as root when rptzip calls `zip`.", penalty: 2 },
        { text: "Modifying monthly.sh changes production behaviour: avoid it when a cleaner path exists.", penalty: 5 },
      ],
    },
    {
      key: "report",
      title: "Report root causes",
      instructions: `Write one finding per root cause (not per command):

1. SUID helper executes programs via relative names (fix: remove SUID, use a sudo rule with absolute paths, or call \`/usr/bin/zip\` with a clean environment).
2. World-writable script executed by root via cron (fix: \`chown root:root\`, \`chmod 0755\`, and file integrity monitoring).
3. Note the sudo rule as *reviewed, not exploitable as configured* — good practice to record negative results.

Include severity, evidence, and how Castlegate can verify the fix (\`find / -perm -4000\`, \`find / -perm -0002 -type f -path '/opt/*'\`).

**Hand in:** the findings as an attached file.`,
      required_skills: ["reporting"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "The findings." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["cvss-finding-writeup", "linux-privesc-enumeration"],
      hints: [
        { text: "Developers fix causes, not exploits: describe the unsafe pattern.", penalty: 2 },
        { text: "A verification command turns a finding into something the client can close themselves.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "enumeration", stage: "enumerate", title: "Enumeration analysis", weight: 2, skills: ["privilege-escalation"], levels: [
      { points: 0, label: "Missing", descriptor: "Paths not identified." },
      { points: 1, label: "Partial", descriptor: "Identifies paths but claims the fixed sudo find rule is exploitable." },
      { points: 2, label: "Competent", descriptor: "Correct assessment of all three, with reasons." },
      { points: 3, label: "Strong", descriptor: "As competent, ranked by reliability and system impact." } ] },
    { key: "escalation", stage: "escalate", title: "Minimal-impact escalation", weight: 3, skills: ["privilege-escalation"], levels: [
      { points: 0, label: "Missing", descriptor: "No proof, or production script modified." },
      { points: 1, label: "Partial", descriptor: "Root proven but no clean-up." },
      { points: 2, label: "Competent", descriptor: "PATH hijack proven with id output, cleaned up." },
      { points: 3, label: "Strong", descriptor: "As competent, with a clear argument for the less invasive path." } ] },
    { key: "root-cause-report", stage: "report", title: "Root-cause findings", weight: 2, skills: ["reporting"], levels: [
      { points: 0, label: "Missing", descriptor: "No findings submitted." },
      { points: 1, label: "Partial", descriptor: "Findings describe exploits, not causes." },
      { points: 2, label: "Competent", descriptor: "One finding per cause with fix and verification." },
      { points: 3, label: "Strong", descriptor: "As competent, including the negative result for the sudo rule." } ] },
  ],
};

export default mission;
