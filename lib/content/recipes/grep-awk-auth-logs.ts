import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "grep-awk-auth-logs",
  title: "Slice auth logs with grep and awk",
  summary: "Count failed SSH logins per source IP and per username in a Linux auth.log with grep, awk, sort and uniq — the fastest way to triage a brute-force alert.",
  description: "When an alert points at sshd activity you need three numbers fast: who is trying, which accounts, and whether anything succeeded. This recipe builds the one-liners that answer each question from a raw `/var/log/auth.log` (Debian/Ubuntu) or `/var/log/secure` (RHEL).",
  type: "technical",
  difficulty: "beginner",
  estimated_minutes: 15,
  skills: ["log-analysis", "ioc-extraction"],
  tools: ["grep", "awk", "sort", "uniq"],
  prerequisites: [],
  inputs: ["An auth.log or secure file (or an excerpt pasted into a file)"],
  environment: "Any Linux or macOS shell, or WSL on Windows.",
  steps: [
    {
      title: "Keep only password failures",
      body: "sshd writes one `Failed password` line per guess. `Invalid user` lines mean the account does not exist on the host.",
      command: "grep 'Failed password' auth.log | wc -l",
      expected_outcome: "The total number of password guesses in the file.",
    },
    {
      title: "Count failures per source IP",
      body: "The address is always the fourth field from the end (`from <ip> port <n> ssh2`), so `$(NF-3)` works for both valid and invalid users.",
      command: "grep 'Failed password' auth.log | awk '{print $(NF-3)}' | sort | uniq -c | sort -rn",
      expected_outcome: "A ranked list; a brute-force source stands out with many more failures than any other.",
      evidence_hint: "Save the output to a text file for your evidence.",
    },
    {
      title: "List the usernames tried by one source",
      body: "Pull the word after `for` (skipping `invalid user`).",
      command: "grep 'Failed password' auth.log | grep 203.0.113.47 | grep -oE 'for (invalid user )?[^ ]+' | awk '{print $NF}' | sort | uniq -c",
      expected_outcome: "Each targeted username with its attempt count.",
    },
    {
      title: "Check for success",
      body: "The critical question: did any attempt work? Look for `Accepted` from the same address and the `pam_unix` session line that follows.",
      command: "grep -E 'Accepted (password|publickey)' auth.log | grep 203.0.113.47",
      expected_outcome: "Either nothing (attempt failed) or the account and time of a successful login — which turns the alert into an incident.",
    },
    {
      title: "Get the time window",
      body: "First and last lines from the source give the duration and help you query other logs for the same period.",
      command: "grep 203.0.113.47 auth.log | sed -n '1p;$p' | awk '{print $1, $2, $3}'",
      expected_outcome: "Start and end timestamps of the activity.",
    },
  ],
  validation_checks: [
    "Your per-IP counts add up to the total from step 1",
    "You checked for Accepted lines from the attacker, not only failures",
    "Your timestamps include the time zone of the log (syslog on most servers is UTC or local time — check)",
  ],
  related: ["ssh-brute-force-triage", "splunk-spl-auth-failures"],
  links: [
    { mission: "SIEM-01", stage: "triage", required: false, order: 0 },
    { module: "command-line-basics", required: true, order: 0 },
  ],
  mentor_curated: true,
  status: "published",
};

export default recipe;
