import type { FoundationModuleInput } from "../schemas";

export const threatsAndIncidents: FoundationModuleInput = {
  slug: "threats-and-incidents",
  title: "Threat frameworks and incident handling",
  summary: "MITRE ATT&CK, the kill chain and the pyramid of pain for describing attacks; the NIST incident-handling lifecycle for responding to them.",
  estimated_minutes: 25,
  required: false,
  body: `## A shared language for attacks

When one analyst writes "they got in with a phish and moved around" and another writes "initial access via spearphishing attachment (T1566.001), lateral movement over SMB with valid accounts (T1021.002, T1078)", only the second can be compared across incidents, matched to detections and handed to another team. Frameworks give us that shared language.

## The Cyber Kill Chain

Lockheed Martin's kill chain describes an intrusion as seven steps: **reconnaissance**, **weaponisation**, **delivery**, **exploitation**, **installation**, **command and control**, **actions on objectives**. Its lesson for defenders: the attacker must succeed at every step, so breaking any link stops the attack, and the earlier the cheaper. It is a good mental model, but too coarse to describe what you see in logs.

## MITRE ATT&CK

**ATT&CK** is a public knowledge base of real adversary behaviour, organised as:

- **Tactics**: the attacker's goal at a step, the *why*. Fourteen in the Enterprise matrix, including Reconnaissance, Initial Access, Execution, Persistence, Privilege Escalation, Defense Evasion, Credential Access, Discovery, Lateral Movement, Collection, Command and Control, Exfiltration and Impact.
- **Techniques** and **sub-techniques**: *how* the goal is reached, each with an ID. Examples you will meet in missions:

| ID | technique | tactic |
|---|---|---|
| T1566.001 | Phishing: spearphishing attachment | Initial Access |
| T1078 | Valid Accounts | Initial Access, Persistence, … |
| T1110.001 | Brute Force: password guessing | Credential Access |
| T1059.001 | Command and Scripting Interpreter: PowerShell | Execution |
| T1053.005 | Scheduled Task | Persistence, Execution |
| T1021.001 | Remote Services: RDP | Lateral Movement |
| T1486 | Data Encrypted for Impact (ransomware) | Impact |

- **Procedures**: how a specific group used a technique, documented with sources.

Analysts use ATT&CK to **map** an incident (which techniques, in order), to find **detection gaps** (which techniques would we not see?), and to plan **emulation** (testing defences against a known group's techniques). One behaviour can serve several tactics: a valid account used to log in is Initial Access; the same account kept for later is Persistence.

## The Pyramid of Pain

David Bianco's pyramid ranks indicators by how much it hurts the attacker when you detect them. From the bottom: **hash values** (trivial to change: recompile), **IP addresses** (easy: new server), **domain names** (simple), **network and host artefacts** (annoying), **tools** (challenging: they must find or write new ones), **TTPs** (tactics, techniques and procedures: tough, they must change how they operate). Blocking a hash is quick and useful today; detecting a *behaviour* (e.g. Office spawning PowerShell) keeps working when the hash changes.

## Handling an incident: the NIST lifecycle

NIST SP 800-61 describes incident handling as a cycle:

1. **Preparation**: before anything happens: contacts, playbooks, logging, tools, access, practice (tabletop exercises).
2. **Detection and analysis**: an alert or report arrives; you confirm it is an incident, establish **scope** (which hosts, accounts, data), **severity** and a timeline, and document as you go.
3. **Containment, eradication and recovery**: *contain* to stop the spread (isolate a host, disable an account, block an address), *eradicate* the cause (remove persistence, patch the hole, reset credentials), *recover* (restore from clean backups, monitor closely).
4. **Post-incident activity**: a blameless review: what happened, what worked, what to change; feed new detections and fixes back into preparation.

The steps overlap in practice: you learn more while containing, and go back to analysis.

## Decisions that matter under pressure

- **Contain now or watch?** Isolating early stops damage but may tip off the attacker and lose visibility. Watching longer reveals scope but risks more harm. The usual rule: when credentials or data are at risk, contain first; if the organisation has a plan to observe, follow it with approval.
- **Preserve evidence.** Before wiping or rebuilding a machine, capture what the investigation needs: memory, disk image or at least logs. Record **chain of custody**: who collected what, when, how, and the SHA-256 of each file.
- **Escalate early.** An incident involving personal data may start a legal clock (e.g. 72 hours to notify a regulator under GDPR). Telling the incident manager early is never wrong.
- **Communicate on a need-to-know basis.** If an insider or a compromised mailbox is possible, do not discuss the incident by email on the affected system.

## Try it (8 minutes)

Map this story to ATT&CK tactics and techniques, then to the NIST phase you are in at the end:

> A finance clerk opens an invoice attachment; a macro starts PowerShell, which downloads a tool and creates a scheduled task. Two days later the SOC sees RDP logons from the clerk's laptop to a file server using the IT admin's account. You have just disabled that account.

(Initial Access T1566.001; Execution T1059.001; Persistence T1053.005; Credential Access to obtain the admin account; Lateral Movement T1021.001 with Valid Accounts T1078. Disabling the account is **containment**; eradication and a search for other persistence come next.)`,
  self_check: [
    {
      id: "tactic-technique",
      prompt: "In ATT&CK, what is the difference between a tactic and a technique?",
      choices: [
        { id: "why-how", text: "A tactic is the attacker's goal (why); a technique is how they achieve it.", correct: true, feedback: "Correct: e.g. Credential Access (tactic) via Brute Force T1110 (technique)." },
        { id: "same", text: "They are two names for the same thing.", feedback: "Tactics are the columns (goals); techniques are the entries under them (methods)." },
        { id: "tool", text: "A technique is a specific malware tool.", feedback: "Tools are software; a technique is a behaviour any tool might perform." },
      ],
    },
    {
      id: "pyramid",
      prompt: "According to the Pyramid of Pain, which detection hurts the attacker most?",
      choices: [
        { id: "hash", text: "Blocking the malware's file hash.", feedback: "Hashes are at the bottom: a recompile changes them." },
        { id: "ip", text: "Blocking the command-and-control IP address.", feedback: "Attackers move to a new server easily." },
        { id: "ttp", text: "Detecting the behaviour, e.g. Word starting PowerShell that downloads a file.", correct: true, feedback: "Yes: TTPs are the top of the pyramid; changing how they operate is expensive for the attacker." },
      ],
    },
    {
      id: "nist-phase",
      prompt: "You isolate an infected laptop from the network. Which NIST phase is that?",
      choices: [
        { id: "prep", text: "Preparation", feedback: "Preparation happens before the incident." },
        { id: "contain", text: "Containment, eradication and recovery", correct: true, feedback: "Correct: isolation limits the spread; eradication and recovery follow." },
        { id: "post", text: "Post-incident activity", feedback: "That's the review after the incident is closed." },
      ],
    },
    {
      id: "evidence",
      prompt: "Before reimaging a compromised server, what should you do?",
      choices: [
        { id: "preserve", text: "Preserve the evidence the investigation needs (memory, disk or logs), with hashes and a chain-of-custody record.", correct: true, feedback: "Right. Once reimaged, the evidence is gone for good." },
        { id: "fast", text: "Reimage immediately: speed matters most.", feedback: "Recovery without evidence leaves you unable to say how they got in, or whether they are still in elsewhere." },
        { id: "screenshot", text: "Take a screenshot of the desktop.", feedback: "A screenshot proves very little; collect logs, memory or a disk image." },
      ],
    },
    {
      id: "valid-accounts",
      prompt: "An attacker logs in over RDP with a stolen admin password. Which technique describes using those credentials?",
      choices: [
        { id: "t1078", text: "T1078 Valid Accounts", correct: true, feedback: "Yes, with T1021.001 (RDP) for the lateral movement itself." },
        { id: "t1486", text: "T1486 Data Encrypted for Impact", feedback: "That's ransomware encryption, the Impact tactic." },
        { id: "t1566", text: "T1566 Phishing", feedback: "Phishing may be how the password was stolen, but using it is Valid Accounts." },
      ],
    },
  ],
};
