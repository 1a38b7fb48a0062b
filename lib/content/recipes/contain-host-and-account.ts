import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "contain-host-and-account",
  title: "Contain a compromised Linux host and account",
  summary: "Preserve volatile evidence, then block the attacker at the edge, lock the account and kill its sessions — in an order that keeps both the evidence and the service.",
  description: "Containment done in the wrong order destroys the evidence incident response needs. This recipe captures what is volatile first, then blocks precisely (one address, both directions), then locks the compromised account and removes its sessions and keys, and finally verifies the containment holds.",
  type: "process",
  difficulty: "beginner",
  estimated_minutes: 25,
  skills: ["incident-response", "network-analysis"],
  tools: ["iptables", "ss", "usermod", "last"],
  prerequisites: ["ssh-brute-force-triage"],
  inputs: ["Attacker address(es)", "Compromised account", "Root access to the host and firewall"],
  environment: "A Linux host with iptables (or nftables) at the edge. Only act on systems you are authorised to change.",
  steps: [
    {
      title: "Preserve volatile evidence",
      body: "Before changing anything, capture network connections, processes and logged-in users to a location off the host.",
      command: "{ date -u; ss -tupan; ps auxfww; who -a; last -Fi | head -50; } > /root/ir-$(hostname)-$(date -u +%Y%m%dT%H%MZ).txt && cp /var/log/auth.log* /root/ir-evidence/",
      expected_outcome: "A timestamped snapshot and log copies, hashed (`sha256sum`) and moved to the case store.",
      evidence_hint: "Record the sha256 of each file in your notes.",
    },
    {
      title: "Block at the edge, both directions",
      body: "Insert at the top of the FORWARD chain so no earlier ACCEPT rule wins. Block only the attacker's address (a /32), not the whole provider range.",
      command: "iptables -I FORWARD 1 -s 203.0.113.47 -j DROP\niptables -I FORWARD 1 -d 203.0.113.47 -j DROP",
      expected_outcome: "`iptables -L FORWARD -n --line-numbers` shows both rules at positions 1 and 2.",
    },
    {
      title: "Lock the account and kill its sessions",
      body: "Locking the password is not enough if the attacker added an SSH key: move authorized_keys aside too.",
      command: "usermod -L -e 1 deploy\npkill -KILL -u deploy\nmv /home/deploy/.ssh/authorized_keys /root/ir-evidence/deploy_authorized_keys",
      expected_outcome: "`who` shows no deploy sessions; `passwd -S deploy` shows L (locked).",
    },
    {
      title: "Verify containment",
      body: "Watch the firewall log and auth.log for the next few minutes for any traffic from or to the address and any login for the account.",
      command: "tail -f /var/log/kern.log /var/log/auth.log | grep -E '203\\.0\\.113\\.47|deploy'",
      expected_outcome: "Only DROP entries; no new sessions.",
    },
    {
      title: "Record and hand over",
      body: "Write down each action with its UTC time. Containment is not eradication: the host still needs investigation.",
      expected_outcome: "A timed action log ready for the escalation ticket.",
    },
  ],
  validation_checks: [
    "Evidence was captured before any change",
    "The block covers both directions and one address only",
    "The account cannot log in by password or key",
  ],
  related: ["ir-escalation-ticket", "read-iptables-firewall-logs"],
  links: [{ mission: "SIEM-01", stage: "contain", required: false, order: 0 }, { module: "threats-and-incidents", required: false, order: 1 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
