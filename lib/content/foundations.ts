import type { FoundationModuleContent } from "./schemas";

// Foundations: the short ordered course every learner completes before any mission.
export const FOUNDATIONS: FoundationModuleContent[] = [
  {
    slug: "rules-of-engagement",
    title: "Rules of engagement and ethics",
    summary: "What you may and may not touch: scope, authorisation, and why written permission is the line between a tester and a criminal.",
    body: "Every Sortie mission is a simulation with its own scope. In real work, you act only on systems you are authorised in writing to test or defend. Read the scope, respect data, report what you find, and stop when you are unsure.",
    estimated_minutes: 15,
    required: true,
  },
  {
    slug: "how-missions-work",
    title: "How missions, decisions and reviews work",
    summary: "Stages, decision points, hints and their penalties, evidence, the reflection and how a mentor scores your work with a rubric.",
    body: "A mission is a scenario in stages. After some stages you make a decision that changes the path. Hints help but cost points. Each stage asks for notes and sometimes evidence or an answer. When you submit, a mentor scores every stage against the rubric.",
    estimated_minutes: 10,
    required: true,
  },
  {
    slug: "command-line-basics",
    title: "Command-line basics for analysts",
    summary: "Navigating files, reading logs with less, grep, awk, sort and uniq, and piping commands together.",
    body: "Most evidence you will meet is text. Learn to search it (grep), slice it (cut, awk), count it (sort | uniq -c) and page through it (less).",
    estimated_minutes: 30,
    required: true,
  },
  {
    slug: "networking-essentials",
    title: "Networking essentials",
    summary: "IP addresses, ports, TCP and UDP, DNS and HTTP: enough to read a firewall log or a packet capture.",
    body: "Know the difference between a source and destination, what a three-way handshake looks like, common ports (22, 53, 80, 443, 445, 3389) and how DNS resolves a name.",
    estimated_minutes: 30,
    required: true,
  },
  {
    slug: "writing-for-security",
    title: "Writing findings people act on",
    summary: "Lead with impact, show evidence, recommend one clear next step. How to write notes and reflections a mentor can score.",
    body: "Good security writing is short and specific: what happened, how you know, what it means, what to do. Quote the log line, name the host, give the time in UTC.",
    estimated_minutes: 20,
    required: true,
  },
];
