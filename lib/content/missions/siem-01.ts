import type { MissionInput } from "../schemas";

// Flagship, defender / beginner. The e2e tests play this mission: keep stage keys, answers and
// evidence rules stable (triage → scope → [watch] → contain → [handoff | close-report | end]).
const mission: MissionInput = {
  code: "SIEM-01",
  title: "Brute force at the edge",
  track: "defender",
  tier: "beginner",
  summary:
    "A burst of SSH failures on Northwind Logistics' internet-facing bastion. Find the attacker, scope what they tried, decide whether to block now, and decide whether this goes to incident response.",
  story: `**Northwind Logistics** runs 40 distribution depots from a small cloud estate. You are the night-shift **Tier 1 SOC analyst**; the only other person on call is the incident response (IR) lead, who is asleep until you page her.

At 02:16 UTC the SIEM raises *"SSH authentication failures above threshold"* on **bastion-01** (\`10.20.0.15\`, public address \`198.51.100.10\`), the jump host every engineer uses to reach the warehouse management system. If an attacker gets a shell on the bastion, they are one hop away from the system that prints every shipping label in the company — and the morning dispatch run starts at 05:00.

Your job tonight: work out who is knocking, what they tried, whether they got in, and make the calls a good analyst makes — with notes clear enough for the day shift to pick up.`,
  objectives: [
    "Identify the source of the brute-force attempt from raw sshd logs",
    "Scope the attack: which accounts were targeted and whether any login succeeded",
    "Decide between immediate containment and continued observation, and justify it",
    "Contain the threat at the edge firewall and on the host",
    "Decide whether to escalate to incident response and hand over cleanly",
  ],
  estimated_minutes: 60,
  skills: ["log-analysis", "alert-triage", "ioc-extraction", "network-analysis", "incident-response", "communication"],
  time_constraint_hours: null,
  auto_submit_on_deadline: false,
  reflection_required: true,
  reflection_prompt:
    "Looking back at your two decisions: what evidence did you have at each moment, what would you do differently, and what detection would have caught this earlier?",
  success_criteria: {
    min_score: 60,
    required_stages: ["triage", "scope", "contain"],
    items: [
      "The attacker IP is identified from the log, not guessed",
      "The successful login for deploy is noticed and acted on",
      "The block is specific (one address, one rule) and the host-side account is disabled",
    ],
  },
  status: "published",
  stages: [
    {
      key: "triage",
      title: "Triage the alert",
      instructions: `The SIEM alert links to this excerpt of \`/var/log/auth.log\` on **bastion-01** (times are UTC):

\`\`\`
Mar 14 02:12:58 bastion-01 sshd[21861]: Failed password for mchen from 10.20.4.31 port 50122 ssh2
Mar 14 02:13:03 bastion-01 sshd[21861]: Accepted publickey for mchen from 10.20.4.31 port 50122 ssh2: ED25519 SHA256:q3T0yG9bWkz1m2yQ7oX4c0pFhVtQ8sJ3kYpLw0aR1s
Mar 14 02:13:07 bastion-01 sshd[21877]: Invalid user admin from 203.0.113.47 port 51234
Mar 14 02:13:07 bastion-01 sshd[21877]: Failed password for invalid user admin from 203.0.113.47 port 51234 ssh2
Mar 14 02:13:09 bastion-01 sshd[21879]: Failed password for root from 203.0.113.47 port 51240 ssh2
Mar 14 02:13:11 bastion-01 sshd[21881]: Failed password for root from 203.0.113.47 port 51248 ssh2
Mar 14 02:13:14 bastion-01 sshd[21884]: Invalid user oracle from 203.0.113.47 port 51259
Mar 14 02:13:14 bastion-01 sshd[21884]: Failed password for invalid user oracle from 203.0.113.47 port 51259 ssh2
Mar 14 02:13:16 bastion-01 sshd[21886]: Invalid user ubuntu from 203.0.113.47 port 51266
Mar 14 02:13:16 bastion-01 sshd[21886]: Failed password for invalid user ubuntu from 203.0.113.47 port 51266 ssh2
Mar 14 02:13:19 bastion-01 sshd[21890]: Failed password for deploy from 203.0.113.47 port 51275 ssh2
Mar 14 02:13:40 bastion-01 sshd[21902]: Failed password for deploy from 203.0.113.47 port 51390 ssh2
Mar 14 02:14:05 bastion-01 sshd[21931]: Failed password for root from 203.0.113.47 port 51502 ssh2
Mar 14 02:14:18 bastion-01 sshd[21944]: Connection closed by 192.0.2.66 port 40718 [preauth]
Mar 14 02:14:31 bastion-01 sshd[21960]: Failed password for deploy from 203.0.113.47 port 51877 ssh2
Mar 14 02:14:52 bastion-01 sshd[21990]: Accepted password for deploy from 203.0.113.47 port 52011 ssh2
Mar 14 02:14:52 bastion-01 sshd[21990]: pam_unix(sshd:session): session opened for user deploy(uid=1002) by (uid=0)
Mar 14 02:15:10 bastion-01 sshd[22004]: Failed password for invalid user admin from 203.0.113.47 port 52090 ssh2
\`\`\`

1. Count failures per source address (see the recipe *Slice auth logs with grep and awk*). Ignore the noise: \`10.20.4.31\` is an engineer on the VPN who mistyped once, and \`192.0.2.66\` is a scanner that never tried a password.
2. Decide whether this alert is a true positive.

**Hand in:** the attacker's source IP address in the answer box, and in your notes the failure count per source and your true/false-positive call in one sentence.`,
      required_skills: ["log-analysis", "alert-triage"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "image", "csv"] },
      notes_min_chars: 30,
      weight: 2,
      answer: {
        kind: "exact",
        value: "203.0.113.47",
        explanation: "203.0.113.47 produced 10 of the 11 failed passwords in the excerpt (the other is one typo from the VPN engineer) and the one password-based success.",
      },
      answer_prompt: "Source IP address of the brute force",
      recipes: ["grep-awk-auth-logs", "ssh-brute-force-triage", "splunk-spl-auth-failures"],
      hints: [
        { text: "Only lines containing `Failed password` are password guesses. Which address appears on most of them?", penalty: 2 },
        { text: "Extract the word after `from` on each failure line: `grep 'Failed password' auth.log | awk '{print $(NF-3)}' | sort | uniq -c`.", penalty: 5 },
        { text: "It is the address in the TEST-NET-3 documentation range, 203.0.113.0/24.", penalty: 10 },
      ],
    },
    {
      key: "scope",
      title: "Scope the attempt",
      instructions: `Using the same excerpt, work out the scope of the attack from \`203.0.113.47\`.

1. List every **username** the attacker tried. Note which ones are \`invalid user\` (they do not exist on the host) and which exist.
2. Check whether any attempt **succeeded** — look for \`Accepted\` lines and the \`pam_unix\` session line that follows.
3. Write down the first and last timestamps of activity and the total duration.

**Hand in:**
- the targeted usernames in the answer box, comma-separated;
- one evidence file: a screenshot or text export of your command output (e.g. the \`sort | uniq -c\` count);
- notes stating whether a login succeeded, for which account, and at what time.`,
      required_skills: ["log-analysis", "ioc-extraction"],
      evidence: {
        required: true,
        min_files: 1,
        max_files: 3,
        kinds: ["text", "image", "csv", "json", "pdf"],
        description: "Your command output or a screenshot of the SIEM search that lists usernames per attempt.",
      },
      notes_min_chars: 30,
      weight: 2,
      answer: {
        kind: "set",
        values: ["admin", "root", "oracle", "ubuntu", "deploy"],
        min_matches: 5,
        explanation: "Five accounts were tried: admin, oracle and ubuntu do not exist; root and deploy do — and deploy succeeded at 02:14:52.",
      },
      answer_prompt: "Targeted usernames, comma-separated",
      recipes: ["grep-awk-auth-logs", "ssh-brute-force-triage"],
      hints: [
        { text: "The username is the word after `for` (or after `invalid user`) on each failure line.", penalty: 2 },
        { text: "`grep 203.0.113.47 auth.log | grep -oE 'for (invalid user )?[a-z]+' | awk '{print $NF}' | sort -u`", penalty: 5 },
        { text: "There are five: admin, root, oracle, ubuntu, deploy. Read the 02:14:52 lines again before you decide anything.", penalty: 10 },
      ],
    },
    {
      key: "watch",
      title: "Keep watching: the firewall tells you more",
      instructions: `You chose to observe. Twenty minutes later the edge firewall (\`edge-fw01\`, iptables with logging) shows this traffic involving the bastion:

\`\`\`
Mar 14 02:21:40 edge-fw01 kernel: [FW-IN-ALLOW] IN=eth0 OUT=eth1 SRC=203.0.113.47 DST=10.20.0.15 LEN=60 TOS=0x00 PREC=0x00 TTL=49 ID=3312 DF PROTO=TCP SPT=52388 DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0
Mar 14 02:21:44 edge-fw01 kernel: [FW-OUT-ALLOW] IN=eth1 OUT=eth0 SRC=10.20.0.15 DST=203.0.113.47 LEN=60 TOS=0x00 PREC=0x00 TTL=63 ID=48213 DF PROTO=TCP SPT=40122 DPT=4444 WINDOW=64240 RES=0x00 SYN URGP=0
Mar 14 02:22:02 edge-fw01 kernel: [FW-OUT-ALLOW] IN=eth1 OUT=eth0 SRC=10.20.0.15 DST=10.20.8.40 LEN=60 TOS=0x00 PREC=0x00 TTL=63 ID=48297 DF PROTO=TCP SPT=40188 DPT=5432 WINDOW=64240 RES=0x00 SYN URGP=0
Mar 14 02:22:05 edge-fw01 kernel: [FW-OUT-ALLOW] IN=eth1 OUT=eth0 SRC=10.20.0.15 DST=10.20.8.40 LEN=60 TOS=0x00 PREC=0x00 TTL=63 ID=48301 DF PROTO=TCP SPT=40190 DPT=5432 WINDOW=64240 RES=0x00 SYN URGP=0
\`\`\`

\`10.20.8.40\` is the warehouse management database (PostgreSQL).

1. Read each line: direction (\`IN\`/\`OUT\`), source, destination, destination port.
2. Identify the outbound connection from the bastion **to the attacker** and its destination port. Explain why a connection in that direction is worse than the inbound brute force.
3. Note what the bastion started talking to next.

**Hand in:** the destination port of the bastion's connection to the attacker in the answer box; in your notes, a two-line timeline of what the firewall shows.`,
      required_skills: ["network-analysis", "log-analysis"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "image"] },
      notes_min_chars: 30,
      weight: 1,
      answer: {
        kind: "exact",
        value: "4444",
        explanation: "SRC=10.20.0.15 DST=203.0.113.47 DPT=4444 — an outbound connection to a port commonly used for reverse shells.",
      },
      answer_prompt: "Destination port of the bastion's outbound connection",
      recipes: ["read-iptables-firewall-logs"],
      hints: [
        { text: "Look for a line where SRC is the bastion (10.20.0.15) and DST is the attacker.", penalty: 2 },
        { text: "The port you need is the DPT= field of the FW-OUT-ALLOW line at 02:21:44.", penalty: 5 },
      ],
      next: "contain",
    },
    {
      key: "contain",
      title: "Contain at the edge and on the host",
      instructions: `Contain the attacker without taking the whole bastion offline (engineers need it for the 05:00 dispatch run).

1. Write the **edge firewall rule** that drops all traffic to and from the attacker. On \`edge-fw01\` (iptables):
   \`\`\`
   iptables -I FORWARD 1 -s 203.0.113.47 -j DROP
   iptables -I FORWARD 1 -d 203.0.113.47 -j DROP
   \`\`\`
   Adapt or improve it, and say why you insert at position 1.
2. On the host, **lock the compromised account** and kill its sessions: \`usermod -L deploy\`, \`pkill -KILL -u deploy\`, and check \`who\`/\`last -i deploy\`.
3. List what you **preserve before changing anything** (auth.log copy, \`ss -tpn\` output, process list).

**Hand in:** in the answer box the exact address or CIDR you blocked; in your notes the commands you would run in order and what you preserved.`,
      required_skills: ["incident-response", "network-analysis"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "image", "pdf"] },
      notes_min_chars: 30,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*203\\.0\\.113\\.47(/32)?\\s*$",
        explanation: "Block exactly the attacker's address (203.0.113.47 or 203.0.113.47/32) — not the whole /24, which may belong to unrelated customers of the same provider.",
      },
      answer_prompt: "Address or CIDR you blocked",
      recipes: ["contain-host-and-account", "read-iptables-firewall-logs"],
      hints: [
        { text: "Evidence first: copy /var/log/auth.log and capture `ss -tpn` before you kill anything.", penalty: 2 },
        { text: "Blocking only inbound SSH is not enough if the host already calls out — drop both directions.", penalty: 5 },
        { text: "The answer is the single attacker address, optionally as a /32.", penalty: 10 },
      ],
    },
    {
      key: "handoff",
      title: "Escalate to incident response",
      instructions: `Page the IR lead and open the escalation ticket. She will read it on her phone, half awake: it must stand on its own.

Write the ticket with these headings:

- **Summary** (two sentences: what happened, current state)
- **Timeline (UTC)** — first failure, successful login, any outbound connection, containment
- **Indicators** — IP(s), account(s), host(s), port(s)
- **Actions taken** — with timestamps
- **Open questions / asks** — what you need IR to decide (e.g. rotate the deploy SSH keys everywhere, image bastion-01, check the database at 10.20.8.40)

**Hand in:** the ticket text in your notes. Attach it as a file if you drafted it elsewhere.`,
      required_skills: ["communication", "incident-response"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["ir-escalation-ticket"],
      hints: [
        { text: "Lead with the fact that matters most: a password login for `deploy` succeeded from the attacker's address.", penalty: 2 },
        { text: "Every timeline line needs a UTC time and a source (auth.log, edge-fw01).", penalty: 5 },
      ],
      next: "end",
    },
    {
      key: "close-report",
      title: "Close it yourself: the containment report",
      instructions: `You decided to handle this without paging IR. You now own the follow-up. Write the closure report the SOC manager will review at 09:00:

1. What happened, with the evidence lines quoted.
2. What you did and when.
3. **Residual risk**: what you have *not* checked (other hosts where \`deploy\` has keys, what the session did between 02:14:52 and containment, the database at 10.20.8.40).
4. Follow-up actions with owners: password authentication disabled on the bastion (\`PasswordAuthentication no\` in sshd_config), fail2ban or equivalent, MFA on the jump host.

**Hand in:** the report in your notes.`,
      required_skills: ["communication", "incident-response"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 1,
      recipes: ["ir-escalation-ticket", "contain-host-and-account"],
      hints: [
        { text: "A mentor will look for honesty about what you did not investigate.", penalty: 2 },
        { text: "`PasswordAuthentication no` plus key-only access would have stopped this attack outright.", penalty: 5 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "block-or-watch",
      after_stage: "scope",
      prompt:
        "You know the attacker's address and that they logged in as `deploy` at 02:14:52. Do you block now, or watch to learn more about what they do?",
      choices: [
        {
          id: "block-now",
          label: "Block the IP at the edge and lock the account now",
          consequence:
            "You move straight to containment. You lose some visibility into the attacker's intent, but the session is cut before the 05:00 dispatch run and before they can pivot.",
          next_stage: "contain",
          score_delta: 10,
          ideal: true,
          rationale:
            "A confirmed successful login on an internet-facing jump host is a live compromise. A Tier 1 analyst has no authority to run a monitored-intrusion operation; contain first, preserve evidence, and let IR decide on deeper investigation.",
        },
        {
          id: "keep-watching",
          label: "Keep watching for 20 minutes to see what the attacker does",
          consequence:
            "You learn more — and so does the attacker. The bastion makes an outbound connection to them and starts probing the warehouse database.",
          next_stage: "watch",
          score_delta: -10,
        },
      ],
    },
    {
      key: "escalate-or-close",
      after_stage: "contain",
      prompt: "The attacker is blocked and `deploy` is locked. What happens to this case now?",
      choices: [
        {
          id: "escalate-ir",
          label: "Escalate to incident response and page the IR lead",
          consequence: "The IR lead acknowledges in four minutes and asks for your ticket. She decides to image bastion-01 before the day shift starts.",
          next_stage: "handoff",
          score_delta: 10,
          ideal: true,
          rationale:
            "A successful login by an attacker means the host must be treated as compromised: scoping other hosts, key rotation and forensics are IR decisions, not Tier 1 ones.",
        },
        {
          id: "close-contained",
          label: "Handle it yourself: reset the account and write a closure report",
          consequence: "You take ownership of the follow-up. The SOC manager will review your report in the morning.",
          next_stage: "close-report",
          score_delta: -5,
        },
        {
          id: "close-false-positive",
          label: "Close the alert as a false positive",
          consequence:
            "The case is closed. Three days later, the same `deploy` credentials are used from a different address to reach the warehouse database.",
          next_stage: "end",
          score_delta: -20,
        },
      ],
    },
  ],
  rubric: [
    {
      key: "triage-accuracy",
      stage: "triage",
      title: "Triage accuracy",
      weight: 2,
      skills: ["log-analysis", "alert-triage"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No source identified, or the wrong address (e.g. the VPN engineer 10.20.4.31)." },
        { points: 1, label: "Partial", descriptor: "Correct attacker IP, but no counts or reasoning; noise sources not discussed." },
        { points: 2, label: "Competent", descriptor: "Correct IP with a failure count per source and a clear true-positive call." },
        { points: 3, label: "Strong", descriptor: "As competent, and the method is reproducible (command or SIEM query quoted) and noise sources are explicitly ruled out." },
      ],
    },
    {
      key: "scope-completeness",
      stage: "scope",
      title: "Scope and successful login",
      weight: 2,
      skills: ["log-analysis", "ioc-extraction"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Usernames not listed; the successful login is not noticed." },
        { points: 1, label: "Partial", descriptor: "Some usernames listed; the Accepted line for deploy is missed or not called out." },
        { points: 2, label: "Competent", descriptor: "All five usernames, valid vs invalid distinguished, and the 02:14:52 success for deploy clearly flagged." },
        { points: 3, label: "Strong", descriptor: "As competent, with duration, first/last timestamps and evidence output attached that a peer could re-run." },
      ],
    },
    {
      key: "watch-reading",
      stage: "watch",
      title: "Reading the firewall log",
      weight: 1,
      skills: ["network-analysis"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Direction of traffic misread or outbound connection not found." },
        { points: 1, label: "Partial", descriptor: "Port 4444 found but its significance (outbound call-back, possible reverse shell) not explained." },
        { points: 2, label: "Competent", descriptor: "Outbound call-back explained and the follow-on database connections on 5432 noted." },
        { points: 3, label: "Strong", descriptor: "As competent, and the learner reflects that observing let the attacker pivot, and proposes immediate containment." },
      ],
    },
    {
      key: "containment-quality",
      stage: "contain",
      title: "Containment",
      weight: 2,
      skills: ["incident-response"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No usable block, or a block so broad it cuts legitimate access (e.g. all SSH, whole /8)." },
        { points: 1, label: "Partial", descriptor: "The IP is blocked inbound only, or the deploy account is left active." },
        { points: 2, label: "Competent", descriptor: "Both directions blocked for the single address, deploy locked and its sessions killed." },
        { points: 3, label: "Strong", descriptor: "As competent, with evidence preserved before changes and the order of operations justified." },
      ],
    },
    {
      key: "handoff-quality",
      stage: "handoff",
      title: "Escalation ticket",
      weight: 2,
      skills: ["communication", "incident-response"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No ticket, or a ticket that does not say a login succeeded." },
        { points: 1, label: "Partial", descriptor: "Key facts present but no timeline or indicators; the IR lead would have to re-read the logs." },
        { points: 2, label: "Competent", descriptor: "All headings present, UTC timeline with sources, indicators and actions listed." },
        { points: 3, label: "Strong", descriptor: "As competent, and the open questions are specific asks that let IR act in minutes." },
      ],
    },
    {
      key: "closure-report",
      stage: "close-report",
      title: "Closure report",
      weight: 1,
      skills: ["communication", "incident-response"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No report, or the successful login is omitted." },
        { points: 1, label: "Partial", descriptor: "Describes what happened but not residual risk or follow-ups." },
        { points: 2, label: "Competent", descriptor: "Evidence quoted, actions timed, residual risk honestly listed." },
        { points: 3, label: "Strong", descriptor: "As competent, with owned follow-ups that remove the root cause (password auth disabled, MFA on the jump host)." },
      ],
    },
    {
      key: "judgement",
      stage: null,
      title: "Judgement under uncertainty",
      weight: 1,
      skills: ["alert-triage"],
      levels: [
        { points: 0, label: "Weak", descriptor: "Decisions are not explained, or contradict the evidence gathered." },
        { points: 1, label: "Developing", descriptor: "Decisions are explained but the risk of the alternative is not considered." },
        { points: 2, label: "Sound", descriptor: "Each decision names the evidence it rests on and the risk it accepts." },
        { points: 3, label: "Expert", descriptor: "Decisions are proportionate, timely and within a Tier 1 analyst's authority, and the reflection shows what would change them." },
      ],
    },
  ],
};

export default mission;
