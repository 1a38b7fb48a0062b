import type { FoundationModuleInput } from "../schemas";

export const rulesOfEngagement: FoundationModuleInput = {
  slug: "rules-of-engagement",
  title: "Rules of engagement and ethics",
  summary: "What you may and may not touch: scope, authorisation, and why written permission is the line between a tester and a criminal.",
  estimated_minutes: 15,
  required: true,
  body: `## Why this comes first

Security skills are dual-use. The command that finds an exposed database for a client is the same command that finds it for a thief. What separates the two is not the tool, it is **authorisation**: written permission, from someone entitled to give it, for a defined scope and time. Everything in this module follows from that one idea.

## Authorisation: the written line

In most countries, accessing a computer system without permission is a crime even when you "only looked": the UK's Computer Misuse Act 1990, the US Computer Fraud and Abuse Act, and their equivalents elsewhere do not care about good intentions. A penetration tester is protected by a signed authorisation; an enthusiastic amateur who "noticed something" is not.

A valid authorisation answers five questions:

1. **Who** is allowed to test (named people or a named company)?
2. **What** is in scope: IP ranges, host names, applications, cloud accounts, physical sites, people (for phishing)?
3. **What is out of scope**: third-party services, production databases, the payroll system, anything hosted by someone else?
4. **When**: the testing window, with time zone, and blackout periods (month-end, a product launch)?
5. **Who signed it**, and do they actually own what they authorised? An IT manager cannot authorise you to test a SaaS provider's servers; only the provider can.

> Rule of thumb: if it is not written down, it is out of scope.

## Rules of engagement (RoE)

The RoE is the practical companion to the authorisation. Expect to find:

- **Permitted techniques**: is denial of service allowed (almost never)? Password spraying? Social engineering? Exploiting a vulnerability or only proving it exists?
- **Data handling**: what you may copy, where it is stored (encrypted), and when it is destroyed. If you reach personal data, you prove access with the minimum (a row count, one redacted record) and stop.
- **Communication**: an emergency contact available during the window, and how to reach them.
- **Stop conditions**: when you must stop and call, for example you find evidence of a real, earlier compromise, you cause an outage, or you reach systems that turn out to be out of scope.

## Defenders have rules too

Blue-team work looks harmless, but it touches people's data. Logs show who logged in at 3 a.m., which websites someone visited, what they emailed. Good defenders:

- look at what the investigation needs, not what is interesting;
- keep evidence inside the case system, never on a personal laptop or a chat thread;
- write facts and observations, not judgements about people ("account *jdoe* authenticated from 203.0.113.7", not "John is up to something");
- follow the organisation's process before touching a suspected insider's data (often HR and legal must approve).

## When you find something you were not looking for

Sometimes you stumble on a vulnerability outside any engagement, on a website you use, for example. The responsible path is **coordinated disclosure**: stop, do not test further, write down what you saw, and report through the owner's published channel (a \`security.txt\` file, a bug bounty programme, or the security contact). Never demand payment for silence; that is extortion.

## How this applies in Sortie

Every Sortie mission is a simulation with its own scope, written in the mission story. The IP addresses, host names and companies in missions are fictional or come from documentation ranges (such as 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24), which are reserved and never routed on the internet. **Never run a mission's commands against real addresses you do not own.** Practise in the lab the mission describes, or on your own machines.

Mentors score judgement as well as results. Choosing to escalate before acting outside your authority, or stopping when the scope is unclear, is the expert's choice more often than not.

## Try it (5 minutes)

Read this fragment of a scope and decide, for each request, whether it is in scope:

\`\`\`
In scope:   10.20.0.0/16 (Northwind HQ), app.northwind.test, VPN gateway vpn.northwind.test
Out of scope: payroll.northwind.test (hosted by PayCo Ltd), any denial of service
Window:     2026-11-03 18:00 to 2026-11-05 06:00 Europe/London
\`\`\`

1. A port scan of 10.20.14.9 on 4 November at 22:00 London time. *(In scope.)*
2. Password spraying against payroll.northwind.test. *(Out: hosted by a third party, who has not authorised it.)*
3. Flooding the VPN gateway to see if it fails over. *(Out: denial of service is excluded.)*
4. Re-testing app.northwind.test on 6 November to check a fix. *(Out: the window has closed; ask for an extension in writing.)*`,
  self_check: [
    {
      id: "what-makes-it-legal",
      prompt: "What makes a penetration test legal rather than an attack?",
      choices: [
        { id: "intent", text: "The tester's good intentions and professional certifications.", feedback: "Not enough. Laws on unauthorised access do not ask about intent or certificates; the permission is what matters." },
        { id: "written", text: "Written authorisation from someone entitled to grant it, for a defined scope and time.", correct: true, feedback: "Right. Written, from the owner, with scope and window: that is the line." },
        { id: "report", text: "Reporting every finding to the owner afterwards.", feedback: "Reporting is good practice, but testing without permission is already unlawful before any report is written." },
      ],
    },
    {
      id: "third-party",
      prompt: "Your client's IT manager asks you to also test their cloud-hosted payroll service, run by another company. What do you do?",
      choices: [
        { id: "test", text: "Test it: the client uses it, so the client can authorise it.", feedback: "No. Only the owner of a system can authorise testing it; the payroll provider has not." },
        { id: "provider", text: "Treat it as out of scope until the provider authorises it in writing (many publish a testing policy).", correct: true, feedback: "Correct. Third-party systems need their owner's permission, often through a published policy." },
        { id: "light", text: "Run only passive scans so that no harm is done.", feedback: "Scanning without authorisation is still unauthorised access attempts in many jurisdictions, and it is outside your RoE." },
      ],
    },
    {
      id: "personal-data",
      prompt: "During an authorised test you gain read access to a customer database with personal data. What is the right proof?",
      choices: [
        { id: "dump", text: "Export the table so the client sees the full extent of the exposure.", feedback: "Copying personal data creates a breach of its own. Prove access with the minimum." },
        { id: "minimum", text: "Record the minimum that proves access (table name, row count, one redacted record), stop, and follow the RoE's data-handling rules.", correct: true, feedback: "Yes. Minimal proof, stop, and handle it as the RoE says, often with an immediate call to the emergency contact." },
        { id: "ignore", text: "Say nothing about it, to avoid handling personal data.", feedback: "The client needs to know: it is probably your most important finding. Report it with minimal proof." },
      ],
    },
    {
      id: "real-compromise",
      prompt: "While testing you find a web shell that was clearly not planted by your team. What is the stop condition telling you to do?",
      choices: [
        { id: "continue", text: "Continue the test and mention it in the final report.", feedback: "A real compromise changes everything: evidence may be destroyed and the client is at risk now. Don't wait for the report." },
        { id: "remove", text: "Delete the web shell to protect the client.", feedback: "Deleting it destroys evidence the incident responders need, and is outside your authorisation." },
        { id: "stop-call", text: "Stop, record what you saw, and call the emergency contact straight away.", correct: true, feedback: "Correct. A sign of real compromise is a classic stop condition: preserve, report, let the client decide." },
      ],
    },
    {
      id: "sortie-ips",
      prompt: "A Sortie mission mentions host 203.0.113.45. Why should you not scan it from your laptop?",
      choices: [
        { id: "doc-range", text: "It is a documentation address in a fictional scenario; scanning real addresses you do not own is never in a mission's scope.", correct: true, feedback: "Right. 203.0.113.0/24 is reserved for documentation; missions are simulations and their scope is the lab." },
        { id: "slow", text: "Because the scan would take too long to be useful.", feedback: "Speed is not the issue; authorisation is. Missions never authorise you to touch real networks." },
        { id: "fine", text: "You can: it is a public address, so it is fair game.", feedback: "No address is fair game without its owner's permission." },
      ],
    },
  ],
};
