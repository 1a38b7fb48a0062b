import type { FoundationModuleInput } from "../schemas";

export const writingForSecurity: FoundationModuleInput = {
  slug: "writing-for-security",
  title: "Writing findings people act on",
  summary: "Lead with impact, show evidence, recommend one clear next step. How to write notes and reflections a mentor can score.",
  estimated_minutes: 20,
  required: true,
  body: `## Your work is only as good as what you write

An analyst who finds the intrusion but writes "suspicious activity observed, please investigate" has handed the problem back. The person reading your ticket, report or stage notes is busy, may not be technical, and must decide something. Write so that they can.

## Lead with the bottom line

Put the conclusion first (**BLUF**: bottom line up front), then the evidence, then the detail.

> **Weak:** "I looked at the VPN logs for the last week and noticed a number of logins, some of which were from unusual locations, and after checking further…"
>
> **Strong:** "The account *m.osei* was used from two countries 40 minutes apart on 4 Nov (02:10 UTC from Lagos, 02:50 UTC from Amsterdam): a likely credential compromise. Reset the password and revoke sessions now; details below."

## The anatomy of a finding

Every finding, in a ticket or a report, answers five questions:

1. **What happened?** One sentence, in plain words.
2. **How do you know?** The evidence: the log line, the file hash, the screenshot, quoted exactly, with its source.
3. **When and where?** Timestamps in **UTC** (say so), host names, account names, IP addresses.
4. **So what?** The impact: what the attacker could do, or did, and to whom.
5. **What now?** One clear, owned, recommended action; more than one only if ranked.

## Quote evidence, don't paraphrase it

\`\`\`
2026-11-04T02:15:40Z bastion sshd[2211]: Accepted password for admin from 198.51.100.23 port 50188 ssh2
\`\`\`

"An attacker logged in" is a claim. The line above is a fact, and it lets the reader check you. Quote the smallest excerpt that proves the point, name the file it came from, and attach the full artefact as evidence.

## Say how sure you are

Separate **observation** from **inference**, and state your confidence:

- *Observed:* 4,112 failed SSH logins from 198.51.100.23 between 01:58 and 02:15 UTC, then one success for *admin*.
- *Assessed (high confidence):* the *admin* password was guessed by brute force.
- *Not yet known:* what the session did after login; shell history is being collected.

Words such as "likely", "possible" and "confirmed" mean different things to a manager deciding whether to wake up the CISO. Use them on purpose. Saying what you do not know yet is a strength, not a weakness.

## Write for your reader

| reader | they want | give them |
|---|---|---|
| SOC team lead | can I close or must I escalate? | severity, scope, evidence, next step |
| system owner | what do I change on my system? | the exact setting, host, account, command |
| executive | what does this mean for the business? | impact in money, customers, deadlines; the decision you need from them |
| auditor | can I rely on this control? | what was tested, how, the sample, the result |

The same incident gets three different paragraphs. Jargon is fine for the SOC and a barrier for the board.

## Recommendations that get done

A good recommendation is **specific, owned and checkable**: "Disable password authentication on bastion.northwind.test (\`PasswordAuthentication no\` in sshd_config) — owner: Linux team — by 6 Nov; verify with \`ssh -o PubkeyAuthentication=no\` failing." Compare "Improve SSH security."

## Notes and reflections in Sortie

Your **stage notes** are read by a mentor who was not there. Good notes say what you checked (with the command or query), what you found (quoted), and what it means. Two lines of evidence beat two paragraphs of narrative.

Your **reflection** is different: it is about your process, not the incident. Strong reflections are honest and specific:

> "I spent 14 minutes scrolling the firewall log before opening the *Read iptables logs* recipe; counting by destination port would have shown the RDP sweep in one command. At the containment decision I chose to keep watching because the host was a build server; the consequence showed the attacker reached the file server meanwhile. Next time I will isolate first when credentials are confirmed stolen."

It names a moment, the decision, what happened, and what you will change. You can quote moments from your own timeline on the reflection page.

## Try it (8 minutes)

Rewrite this ticket so a team lead can act on it in thirty seconds:

> "Hi, there were a lot of weird logins on the server last night, might be worth checking out when someone has time. Thanks"

A strong version names the server, the account, the count and time window in UTC, quotes one line, gives a severity and one recommended action with an owner.`,
  self_check: [
    {
      id: "bluf",
      prompt: "Which opening sentence of a ticket is best?",
      choices: [
        { id: "chrono", text: "\"At 09:00 I started reviewing the proxy logs as part of my shift routine.\"", feedback: "Chronology first makes the reader wait for the point. Lead with the conclusion." },
        { id: "bluf", text: "\"Host FIN-LT-042 downloaded a known malware loader at 08:41 UTC; isolate it now (details below).\"", correct: true, feedback: "Yes: what happened, where, when, and the action, in one sentence." },
        { id: "vague", text: "\"Possible suspicious activity detected, please investigate.\"", feedback: "This hands the problem back: no host, no time, no evidence, no action." },
      ],
    },
    {
      id: "observation",
      prompt: "Which statement is an observation rather than an inference?",
      choices: [
        { id: "inference", text: "\"The attacker is probably a disgruntled employee.\"", feedback: "That's an inference (and a judgement about a person); keep it separate and support it, or leave it out." },
        { id: "obs", text: "\"4,112 failed logins from 198.51.100.23 between 01:58 and 02:15 UTC, then one success for admin.\"", correct: true, feedback: "Correct: counts, source, times, all checkable in the log." },
        { id: "mixed", text: "\"The server was clearly hacked by a skilled group.\"", feedback: "\"Clearly\" and \"skilled group\" are conclusions without the evidence shown." },
      ],
    },
    {
      id: "utc",
      prompt: "Why state times in UTC in findings?",
      choices: [
        { id: "utc", text: "Logs from different systems and readers in different time zones can then be compared without errors.", correct: true, feedback: "Right. A one-hour mismatch can reorder cause and effect in a timeline." },
        { id: "law", text: "Because the law requires it.", feedback: "It's a working convention, not usually a legal requirement, and a very good one." },
        { id: "short", text: "Because it is shorter to write.", feedback: "Length is not the point: comparability is." },
      ],
    },
    {
      id: "recommendation",
      prompt: "Which recommendation is most likely to get done?",
      choices: [
        { id: "improve", text: "\"Improve password security across the organisation.\"", feedback: "No owner, no deadline, no way to check it's done." },
        { id: "specific", text: "\"Enforce MFA on the VPN for the Finance group (owner: IAM team, by 10 Nov); verify with a test login without a second factor failing.\"", correct: true, feedback: "Specific, owned, dated and checkable." },
        { id: "many", text: "A list of twelve best practices from a framework.", feedback: "Unranked lists get skimmed. Lead with the one action that matters most." },
      ],
    },
    {
      id: "reflection",
      prompt: "What makes a Sortie reflection strong?",
      choices: [
        { id: "summary", text: "A polished summary of the incident for management.", feedback: "That's a report. A reflection is about your own process and choices." },
        { id: "specific", text: "Honest, specific moments: what you did, a decision and its consequence, and what you will change next time.", correct: true, feedback: "Yes. Quote a moment from your timeline and say what you learned from it." },
        { id: "long", text: "Length: the longer the better.", feedback: "Mentors value specific and honest over long." },
      ],
    },
  ],
};
