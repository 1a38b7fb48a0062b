import type { FoundationModuleInput } from "../schemas";

export const logsAndSiem: FoundationModuleInput = {
  slug: "logs-and-siem",
  title: "Logs, events and the SIEM",
  summary: "Which logs answer which question, the Windows and Linux events every analyst knows, and how a SIEM turns them into alerts you triage.",
  estimated_minutes: 25,
  required: false,
  body: `## Logs are the memory of a system

When something happens on a computer, a program may write a line about it: a login, a process starting, a file being served, a packet being dropped. Investigations are mostly the art of asking the right log the right question. This module tells you which log answers which question, and how a SIEM brings them together.

## Which log answers which question

| question | where to look |
|---|---|
| Who logged in, from where, and did it work? | Linux \`/var/log/auth.log\` (or \`secure\`); Windows Security log; VPN and identity-provider (Entra ID, Okta) sign-in logs |
| What ran on this machine? | Windows 4688 or Sysmon event 1; EDR process telemetry; Linux auditd |
| Where did this machine connect? | firewall, proxy and DNS logs; Sysmon event 3; Zeek \`conn.log\` |
| What did the web application receive? | web server access logs (Apache, nginx, IIS), WAF logs |
| What changed in the cloud? | AWS CloudTrail, Azure Activity log, Google Cloud Audit Logs |
| What did the mail system deliver? | mail gateway logs, message trace |

If the log you need was not being collected, you cannot investigate that question. Knowing what is *not* logged is part of the answer.

## Events every analyst recognises

**Windows Security log**

| id | meaning |
|---|---|
| 4624 | successful logon (the *logon type* says how: 2 interactive, 3 network, 10 remote desktop) |
| 4625 | failed logon (the *status* says why: bad password, unknown user, locked out) |
| 4672 | special privileges assigned: an administrator-level logon |
| 4688 | a process was created (with its command line, when enabled) |
| 4720 / 4732 | a user account was created / added to a security group |
| 1102 | the audit log was cleared: rarely innocent |

**Sysmon** (a free Microsoft tool that adds detail): event 1 process creation with hashes and parent process, 3 network connection, 11 file created, 13 registry value set.

**Linux**: \`sshd\` lines in auth.log ("Failed password", "Accepted publickey"), \`sudo\` entries showing who ran what as root, and cron jobs.

## Anatomy of a log event

However it is formatted, a useful event has: **when** (a timestamp, with its time zone), **where** (the host that wrote it), **who** (user or service account), **what** (the action and its result), and **details** (source IP, process, file, URL). Formats differ: syslog text lines, Windows XML, JSON from cloud services, CSV exports. Part of your job is mapping "the same idea" across formats: \`src_ip\`, \`SourceIp\`, \`sourceIPAddress\` and \`IpAddress\` can all mean the source address.

**Time** deserves special care. A server in London may log local time (which shifts by an hour in summer), a cloud service logs UTC, a laptop logs whatever its clock says, even if it is wrong. Convert everything to UTC before building a timeline, and note any clock skew you find.

## What a SIEM does

A **SIEM** (Security Information and Event Management: Splunk, Microsoft Sentinel, Elastic, QRadar, Wazuh) is a central place where logs are:

1. **Collected**: agents and forwarders ship logs from endpoints, servers, network devices and cloud APIs.
2. **Parsed and normalised**: each line becomes fields (\`user\`, \`src_ip\`, \`action\`), mapped to a common schema so one search covers many sources.
3. **Stored and searchable**: analysts query months of data in seconds, e.g. in Splunk \`index=auth action=failure | stats count by src_ip\`.
4. **Correlated**: detection rules run continuously, often across sources ("a failed-login burst followed by a success from the same IP").
5. **Alerted on**: a rule match becomes an alert in a queue with a severity.

**Sigma** is a vendor-neutral way to write a detection rule once (in YAML) and convert it to each SIEM's query language:

\`\`\`
title: Many failed SSH logins then a success
logsource: { product: linux, service: sshd }
detection:
  failed: { message|contains: "Failed password" }
  condition: failed | count() by src_ip > 20
level: medium
\`\`\`

## Triage: what you do with an alert

An alert is a question, not an answer. A good triage follows the same steps each time:

1. **Read the rule**: what was it designed to catch, and what fires it by mistake?
2. **Check the facts**: open the raw events behind the alert. Do they say what the alert says?
3. **Add context**: is the user a real person, and do they usually do this? Is the host a server or a laptop? Is the IP on a threat-intelligence list, or is it the company's own scanner?
4. **Widen the window**: what happened just before and after, on this host and for this user?
5. **Decide**: **true positive** (malicious, escalate), **benign true positive** (the rule worked, but it was an approved admin task), or **false positive** (the rule matched something it should not; tell the detection engineers so they can tune it).
6. **Write it down**: your conclusion and the evidence, so the next analyst does not start again.

Too many false positives cause **alert fatigue**: real attacks get missed in the noise. Tuning rules is as much a part of SOC work as writing them.

## Try it (8 minutes)

An alert says "Brute force: 4625 x 52 for *svc-backup* from 10.20.9.14 in 5 minutes". Write down the three questions you would ask before escalating, and which log answers each. (For example: *did any logon succeed afterwards?* 4624 for *svc-backup*; *is 10.20.9.14 the backup server, with an expired password in a scheduled task?* the CMDB and the server's task scheduler; *did the account lock?* 4740.)`,
  self_check: [
    {
      id: "4625",
      prompt: "Which Windows Security event records a failed logon?",
      choices: [
        { id: "4624", text: "4624", feedback: "4624 is a successful logon." },
        { id: "4625", text: "4625", correct: true, feedback: "Correct; its status code says why it failed." },
        { id: "4688", text: "4688", feedback: "4688 is process creation." },
        { id: "1102", text: "1102", feedback: "1102 means the audit log was cleared, worth its own alert." },
      ],
    },
    {
      id: "where-connect",
      prompt: "You need to know which external domains a laptop contacted yesterday, even over HTTPS. Which source helps most?",
      choices: [
        { id: "dns", text: "DNS and proxy logs.", correct: true, feedback: "Yes: they show the names looked up and the sites requested, even when the content was encrypted." },
        { id: "auth", text: "The laptop's authentication log.", feedback: "That records who logged in, not where the machine connected." },
        { id: "web", text: "Your own web server's access log.", feedback: "That only shows requests your server received." },
      ],
    },
    {
      id: "utc",
      prompt: "Your firewall logs in UTC and a Windows server logs local London time in July. What must you do before building a timeline?",
      choices: [
        { id: "nothing", text: "Nothing: London time is the same as UTC.", feedback: "Only in winter. In summer London is UTC+1, so events would be an hour apart." },
        { id: "convert", text: "Convert everything to UTC (London summer time is UTC+1) and note any clock skew.", correct: true, feedback: "Correct. One time zone, stated, and any skew noted." },
        { id: "drop", text: "Use only one of the two sources.", feedback: "You would lose half of the story. Normalise the times instead." },
      ],
    },
    {
      id: "normalise",
      prompt: "Why does a SIEM normalise fields (e.g. mapping SourceIp, src_ip and sourceIPAddress to one field)?",
      choices: [
        { id: "one-search", text: "So one search or rule covers every log source at once.", correct: true, feedback: "Right: correlation across sources depends on it." },
        { id: "compress", text: "To compress the logs.", feedback: "Normalisation is about meaning, not size." },
        { id: "legal", text: "To make the logs legally admissible.", feedback: "Admissibility depends on handling and integrity, not field names." },
      ],
    },
    {
      id: "benign",
      prompt: "An alert fires for a PowerShell download on a server; you confirm it was the approved monthly patch job. How do you classify it?",
      choices: [
        { id: "tp", text: "True positive: escalate to incident response.", feedback: "Nothing malicious happened; escalating wastes the responders' time." },
        { id: "btp", text: "Benign true positive: the rule worked as designed on an approved activity; document it, and consider an exception for that job.", correct: true, feedback: "Correct. The rule did its job; the activity was legitimate." },
        { id: "ignore", text: "Close it without notes; it was fine.", feedback: "Always write down why you closed it, so the next analyst does not repeat your work." },
      ],
    },
  ],
};
