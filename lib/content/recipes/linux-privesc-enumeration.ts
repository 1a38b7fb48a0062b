import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "linux-privesc-enumeration",
  title: "Enumerate Linux privilege-escalation paths",
  summary: "Systematically check sudo rules, SUID/SGID binaries, writable files run by root (cron, services), capabilities and PATH issues — and judge which findings are actually exploitable.",
  description: "Privilege escalation is about misconfiguration far more often than kernel exploits. This recipe walks a manual checklist, explains how to judge each result, and keeps exploitation minimal and reversible.",
  type: "technical",
  difficulty: "intermediate",
  estimated_minutes: 40,
  skills: ["privilege-escalation", "reconnaissance"],
  tools: ["bash", "find", "getcap", "GTFOBins (offline copy)"],
  prerequisites: [],
  environment: "A host you are authorised to test; avoid changing production files.",
  steps: [
    {
      title: "Who and what am I?",
      body: "Identity, groups and sudo rights.",
      command: "id; hostname; uname -a; sudo -l 2>/dev/null",
      expected_outcome: "Current privileges and any sudo rules with their exact arguments.",
    },
    {
      title: "SUID/SGID and capabilities",
      body: "Non-standard entries (e.g. under /usr/local or /opt) are the interesting ones.",
      command: "find / -perm -4000 -type f 2>/dev/null; find / -perm -2000 -type f 2>/dev/null; getcap -r / 2>/dev/null",
      expected_outcome: "A list of privileged binaries; custom ones flagged.",
    },
    {
      title: "Writable things root runs",
      body: "Cron jobs, systemd units and scripts they call.",
      command: "cat /etc/crontab /etc/cron.d/* 2>/dev/null; systemctl list-timers --all; find / -writable -type f -not -path '/proc/*' -not -path '/sys/*' 2>/dev/null | grep -E '^/(etc|opt|usr/local)'",
      expected_outcome: "Root-executed files that you can modify.",
    },
    {
      title: "Judge exploitability",
      body: "Sudo rules with fixed arguments usually cannot be abused; wildcards can. SUID helpers calling programs by relative name trust PATH — exploitable if they do not reset the environment and keep root (setuid(0) before system()). Check GTFOBins for known binaries.",
      expected_outcome: "Each candidate marked exploitable / not, with the reason.",
    },
    {
      title: "Prove minimally and clean up",
      body: "Prefer a proof that writes `id` output to a file in /tmp over anything that changes production; remove your files afterwards and note the clean-up.",
      command: "mkdir /tmp/pt && printf '#!/bin/sh\\nid > /tmp/pt/proof.txt\\n' > /tmp/pt/zip && chmod +x /tmp/pt/zip",
      expected_outcome: "Proof of uid=0 and a clean system.",
    },
  ],
  validation_checks: ["Every finding is judged, not just listed", "Proof is harmless and cleaned up", "Root causes are reported, not only commands"],
  related: ["cvss-finding-writeup", "nmap-service-scan"],
  links: [{ mission: "PRIV-02", stage: "enumerate", required: true, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
